using System.Collections.Immutable;

namespace ModelPolicy.Analyzers.Diagnostics
{
    // The package's public contract, in one file: the rule ids, which of them are policy violations, and the
    // names and values of the diagnostic properties that code fixes, the modelpolicy CLI, SARIF readers and the
    // package's build targets rely on. A test (PublicContractTests) checks the targets against ViolationRules.

    /// <summary>Every diagnostic id of the package (Meziantou's RuleIdentifiers).</summary>
    public static class RuleIdentifiers
    {
        public const string HardCodedModel = "MP0001";
        public const string ModelNotAllowed = "MP0002";
        public const string HardCodedEndpoint = "MP0003";
        public const string EndpointNotAllowed = "MP0004";
        public const string UnknownModel = "MP0005";
        public const string ConfigurationNotAllowed = "MP0006";
        public const string Diversification = "MP0007";
        public const string InvalidPolicy = "MP0008";
        public const string UnjustifiedSuppression = "MP0009";
        public const string Inventory = "MP0010";
        public const string CatalogOverride = "MP0011";
        public const string EnforcementDisabled = "MP0012";
        public const string PolicyFloorRelaxed = "MP0013";

        /// <summary>
        /// The rules whose findings are policy violations: errors in a regulated scope (the analyzer's severity and the
        /// package targets' WarningsAsErrors), guarded against unjustified suppression (MP0009), and what
        /// <c>modelpolicy inventory --fail-on violation</c> fails on.
        /// </summary>
        public static readonly ImmutableArray<string> ViolationRules = ImmutableArray.Create(ModelNotAllowed, EndpointNotAllowed, ConfigurationNotAllowed, UnjustifiedSuppression);

        /// <summary>The violation rules a suppression can hide (MP0009 itself is not suppressible quietly either, but is not "a finding").</summary>
        public static readonly ImmutableArray<string> SuppressibleViolationRules = ImmutableArray.Create(ModelNotAllowed, EndpointNotAllowed, ConfigurationNotAllowed);

        public static bool IsViolationRule(string id) => ViolationRules.Contains(id);

        /// <summary>
        /// The rules whose severity a regulated scope may not lower or turn off without a recorded exception (MP0012):
        /// the violation rules and the catalog-override rule.
        /// </summary>
        public static readonly ImmutableArray<string> EnforcedRules = ImmutableArray.Create(ModelNotAllowed, EndpointNotAllowed, ConfigurationNotAllowed, UnjustifiedSuppression, CatalogOverride);

        /// <summary>
        /// The rules that say enforcement itself was tampered with: not configurable (no severity setting, NoWarn or
        /// pragma changes them), and what <c>modelpolicy inventory --fail-on violation</c> also fails on.
        /// </summary>
        public static readonly ImmutableArray<string> TamperRules = ImmutableArray.Create(EnforcementDisabled, PolicyFloorRelaxed);
    }

    /// <summary>The names of the properties on MP0001–MP0006 findings and MP0010 inventory entries (docs/rules/MP0010.md).</summary>
    public static class DiagnosticProperties
    {
        /// <summary><see cref="ValueKinds"/>: model, endpoint or suppression.</summary>
        public const string Kind = "Kind";

        /// <summary>The model id, or the endpoint's host (lower case), or the suppressed rule ids.</summary>
        public const string Value = "Value";

        /// <summary>Who made the model, or who operates the endpoint.</summary>
        public const string Vendor = "Vendor";

        /// <summary>ISO 3166-1 alpha-2 country of the vendor or operator.</summary>
        public const string Country = "Country";

        /// <summary>
        /// On an endpoint: where it processes prompts, as <c>ModelPolicy.Catalog.EndpointRegion.Display</c> gives it: an ISO
        /// code (<c>DE</c>), a zone the operator promises (<c>EU</c>, <c>EEA+CH</c>), or <see cref="RegionValues.Unknown"/>.
        /// Absent for a host the catalog does not know and for a self-hosted one.
        /// </summary>
        public const string Region = "Region";

        /// <summary>On an endpoint of known region: its ISO codes, comma-separated (<c>DE</c>; the 31 codes of <c>EEA+CH</c>).</summary>
        public const string RegionCountries = "RegionCountries";

        /// <summary>On an endpoint whose host names a cloud region: that code (<c>eu-central-1</c>, <c>europe-west4</c>).</summary>
        public const string CloudRegion = "CloudRegion";

        /// <summary>"true" or "false".</summary>
        public const string OpenWeights = "OpenWeights";

        public const string Family = "Family";

        /// <summary>chat, embedding, image, audio, … (lower case).</summary>
        public const string ModelKind = "ModelKind";

        /// <summary>The repository alias's target, for an id a ModelCatalog.txt alias line names.</summary>
        public const string AliasOf = "AliasOf";

        /// <summary>The parameter, property or key name that made the use a model or endpoint position; empty for "anywhere".</summary>
        public const string Position = "Position";

        /// <summary>The model_policy.* key (or built-in default) that decided the verdict.</summary>
        public const string PolicyKey = "Rule";

        /// <summary>On MP0010: <see cref="StatusValues"/>.</summary>
        public const string Status = "Status";

        /// <summary>On MP0010: why the policy decided as it did.</summary>
        public const string Reason = "Reason";

        /// <summary>On MP0010: the rule id the use itself got (MP0001–MP0006).</summary>
        public const string FindingId = "Diagnostic";

        /// <summary>On an MP0010 suppression entry: the written reason.</summary>
        public const string Justification = "Justification";

        /// <summary>On MP0011 and its MP0010 entry: the repository catalog line, as <c>path(line)</c>.</summary>
        public const string CatalogLine = "CatalogLine";

        /// <summary>On MP0011 and its MP0010 entry: the built-in attribution the line overrides ("DeepSeek, CN, open weights").</summary>
        public const string BuiltinAttribution = "Builtin";

        /// <summary>On MP0012 and an MP0010 exception entry: the setting that lowers or turns off enforcement.</summary>
        public const string Setting = "Setting";

        /// <summary>
        /// On a finding for a value inside a JSON text in a C# string (MP0001–MP0005): where the value's characters
        /// start, as a decimal offset into the string's value (the literal's <c>ValueText</c>, or for an interpolated
        /// string the <c>ValueText</c> of the text part the diagnostic's location covers), without the JSON quotes.
        /// With <see cref="ValueSpanLength"/> it tells the code fix which of several equal values a finding is; without
        /// them the fix looks the value up in the string itself.
        /// </summary>
        public const string ValueSpanStart = "ValueSpanStart";

        /// <summary>The length of the value that <see cref="ValueSpanStart"/> locates, as a decimal number.</summary>
        public const string ValueSpanLength = "ValueSpanLength";
    }

    /// <summary>The MSBuild properties the analyzer reads (compiler-visible through the package's props), as analyzer options.</summary>
    public static class BuildProperties
    {
        /// <summary>MSBuild <c>ModelPolicyInventory</c>: true to get the MP0010 inventory entries (set when <c>ErrorLog</c> is).</summary>
        public const string Inventory = "build_property.ModelPolicyInventory";

        /// <summary>MSBuild <c>ModelPolicyEnforcementException</c>: the written reason for a project-wide enforcement exception (MP0012).</summary>
        public const string EnforcementException = "build_property.ModelPolicyEnforcementException";

        /// <summary>MSBuild <c>IsTestProject</c> (set by Microsoft.NET.Test.Sdk): an id the catalog does not know is not reported in a test project.</summary>
        public const string IsTestProject = "build_property.IsTestProject";
    }

    /// <summary>Values of <see cref="DiagnosticProperties.Kind"/>.</summary>
    public static class ValueKinds
    {
        public const string Model = "model";
        public const string Endpoint = "endpoint";
        public const string Suppression = "suppression";

        /// <summary>An MP0010 entry for a repository catalog line that re-attributes a built-in id (MP0011).</summary>
        public const string CatalogOverride = "catalog-override";

        /// <summary>An MP0010 entry for a setting that lowers enforcement in a regulated scope, with a recorded reason.</summary>
        public const string EnforcementException = "enforcement-exception";
    }

    /// <summary>Values of <see cref="DiagnosticProperties.Region"/> that are not a country or zone.</summary>
    public static class RegionValues
    {
        /// <summary>The catalog knows the host but not where it processes prompts (<c>api.openai.com</c>, Azure resource hosts).</summary>
        public const string Unknown = "unknown";
    }

    /// <summary>Values of <see cref="DiagnosticProperties.Status"/>.</summary>
    public static class StatusValues
    {
        public const string Allowed = "allowed";
        public const string Denied = "denied";
        public const string Unknown = "unknown";
        public const string Suppressed = "suppressed";

        /// <summary>A catalog-override entry: the attribution comes from a repository line, not the built-in catalog.</summary>
        public const string Overridden = "overridden";
    }
}
