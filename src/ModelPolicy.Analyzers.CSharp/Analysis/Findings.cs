using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>
    /// Turns a verdict into the one diagnostic a literal gets. The properties carry what code fixes and
    /// inventories need without a second look-up.
    /// </summary>
    internal static class Findings
    {
        public const string KindProperty = "Kind";
        public const string ValueProperty = "Value";
        public const string VendorProperty = "Vendor";
        public const string CountryProperty = "Country";
        public const string OpenWeightsProperty = "OpenWeights";
        public const string FamilyProperty = "Family";
        public const string ModelKindProperty = "ModelKind";
        public const string PositionProperty = "Position";
        public const string RuleProperty = "Rule";
        public const string StatusProperty = "Status";
        public const string ReasonProperty = "Reason";
        public const string DiagnosticProperty = "Diagnostic";
        public const string JustificationProperty = "Justification";
        public const string AliasOfProperty = "AliasOf";

        /// <summary>
        /// The MP0010 inventory entry that goes with a finding: the same properties, plus the policy status,
        /// the reason and the id of the diagnostic the finding got.
        /// </summary>
        public static Diagnostic Inventory(Diagnostic finding, Verdict verdict) => Inventory(finding.Location, finding.Properties, verdict, finding.Id);

        /// <param name="findingId">The diagnostic the use got, or for an allowed configuration value, MP0006 (the rule that judged it).</param>
        public static Diagnostic Inventory(Location location, ImmutableDictionary<string, string?> findingProperties, Verdict verdict, string findingId)
        {
            var properties = findingProperties.ToBuilder();
            var status = verdict.Kind == VerdictKind.Denied ? "denied" : verdict.Kind == VerdictKind.Unknown ? "unknown" : "allowed";
            properties[StatusProperty] = status;
            properties[ReasonProperty] = verdict.Reason;
            properties[DiagnosticProperty] = findingId;
            findingProperties.TryGetValue(KindProperty, out var kind);
            findingProperties.TryGetValue(ValueProperty, out var value);
            var described = Describe(findingProperties);
            return Diagnostic.Create(
                Rules.Inventory,
                location,
                properties.ToImmutable(),
                kind == "endpoint" ? "Endpoint" : "Model",
                value,
                described,
                status + " (" + verdict.Reason + ")");
        }

        /// <summary>An MP0010 entry for a justified suppression of a policy violation in a regulated scope.</summary>
        public static Diagnostic Suppression(Location location, string suppressed, string justification)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = "suppression";
            properties[ValueProperty] = suppressed;
            properties[JustificationProperty] = justification;
            properties[StatusProperty] = "suppressed";
            return Diagnostic.Create(Rules.Inventory, location, properties.ToImmutable(), "Suppression", suppressed, "justified", justification);
        }

        private static string Describe(ImmutableDictionary<string, string?> properties)
        {
            properties.TryGetValue(VendorProperty, out var vendor);
            properties.TryGetValue(CountryProperty, out var country);
            if (vendor == null)
            {
                return "not in the catalog";
            }

            properties.TryGetValue(OpenWeightsProperty, out var open);
            properties.TryGetValue(AliasOfProperty, out var alias);
            return (alias == null ? string.Empty : "alias of " + alias + ", ") + vendor + ", " + country + (open == null ? string.Empty : open == "true" ? ", open weights" : ", closed weights");
        }

        public static Diagnostic ForModel(SyntaxNode node, string id, ModelMatch? match, Verdict verdict, Position position, ModelPolicySettings policy)
        {
            var properties = ModelProperties(id, match, verdict, position.Name);
            var location = node.GetLocation();
            var described = match == null ? "not in the catalog" : Describe(match);
            switch (verdict.Kind)
            {
                case VerdictKind.Denied:
                    return Diagnostic.Create(Rules.ModelNotAllowed, location, Severity(policy), null, properties, id, described, verdict.Reason);
                case VerdictKind.Unknown:
                    return Diagnostic.Create(Rules.UnknownModel, location, null, properties, id);
                default:
                    return Diagnostic.Create(Rules.HardCodedModel, location, null, properties, id, described);
            }
        }

        public static ImmutableDictionary<string, string?> ModelProperties(string id, ModelMatch? match, Verdict verdict, string position)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = "model";
            properties[ValueProperty] = id;
            properties[PositionProperty] = position;
            properties[RuleProperty] = verdict.Rule;
            if (match != null)
            {
                properties[VendorProperty] = match.Vendor.Name;
                properties[CountryProperty] = match.Country;
                properties[OpenWeightsProperty] = match.Family.OpenWeights ? "true" : "false";
                properties[FamilyProperty] = match.Family.Name;
                properties[ModelKindProperty] = match.Family.Kind.ToString().ToLowerInvariant();
                if (match.AliasTarget != null)
                {
                    properties[AliasOfProperty] = match.AliasTarget;
                }
            }

            return properties.ToImmutable();
        }

        public static Diagnostic ForEndpoint(SyntaxNode node, string host, HostEntry? entry, bool local, Verdict verdict, Position position, ModelPolicySettings policy)
        {
            var properties = EndpointProperties(host, entry, verdict, position.Name);
            var described = DescribeEndpoint(entry, local);
            var location = node.GetLocation();
            return verdict.IsDenied
                ? Diagnostic.Create(Rules.EndpointNotAllowed, location, Severity(policy), null, properties, host, described, verdict.Reason)
                : Diagnostic.Create(Rules.HardCodedEndpoint, location, null, properties, host, described);
        }

        public static ImmutableDictionary<string, string?> EndpointProperties(string host, HostEntry? entry, Verdict verdict, string position)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[KindProperty] = "endpoint";
            properties[ValueProperty] = host;
            properties[PositionProperty] = position;
            properties[RuleProperty] = verdict.Rule;
            if (entry != null)
            {
                properties[VendorProperty] = entry.Operator.Name;
                properties[CountryProperty] = entry.Country;
            }

            return properties.ToImmutable();
        }

        /// <summary>"Together AI, US, serves many vendors' models"; "self-hosted" or "host not in the catalog" for an unknown host.</summary>
        public static string DescribeEndpoint(HostEntry? entry, bool local) =>
            entry != null
                ? entry.Operator.Name + ", " + entry.Country + (entry.MultiVendor ? ", serves many vendors' models" : string.Empty)
                : local ? "self-hosted" : "host not in the catalog";

        /// <summary>"Alibaba, CN, open weights" (and "alias of gpt-4o" for a repository alias).</summary>
        public static string Describe(ModelMatch match)
        {
            var text = match.Vendor.Name + ", " + match.Country + ", " + (match.Family.OpenWeights ? "open weights" : "closed weights");
            return match.AliasTarget == null ? text : "alias of " + match.AliasTarget + ", " + text;
        }

        private static DiagnosticSeverity Severity(ModelPolicySettings policy) =>
            policy.IsRegulated ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    }
}
