using Microsoft.CodeAnalysis;

namespace ModelPolicy.Analyzers.Diagnostics
{
    /// <summary>The descriptors, built by one helper so each help link points at docs/rules/{id}.md.</summary>
    public static class Rules
    {
        public const string HelpLinkBase = "https://github.com/modelpolicy/ModelPolicy.Analyzers/blob/main/docs/rules/";

        private const string Category = "ModelPolicy";

        public static readonly DiagnosticDescriptor HardCodedModel = Create(
            RuleIdentifiers.HardCodedModel,
            "Hard-coded model id",
            "Hard-coded model id '{0}' ({1}): move it to configuration",
            DiagnosticSeverity.Warning,
            "A model id written in code cannot be swapped or diversified without a rebuild. Move it to a configuration-backed route.");

        public static readonly DiagnosticDescriptor ModelNotAllowed = Create(
            RuleIdentifiers.ModelNotAllowed,
            "Model not allowed by the model policy",
            "'{0}' ({1}) is not allowed here: {2}",
            DiagnosticSeverity.Warning,
            "The model-origin policy in force for this file (.editorconfig model_policy.* keys) does not allow this model. In a regulated profile this is an error.");

        public static readonly DiagnosticDescriptor HardCodedEndpoint = Create(
            RuleIdentifiers.HardCodedEndpoint,
            "Hard-coded provider endpoint",
            "Hard-coded provider endpoint '{0}' ({1}): move it to configuration",
            DiagnosticSeverity.Warning,
            "An AI provider endpoint written in code decides where prompts go. Move it to a configuration-backed route.");

        public static readonly DiagnosticDescriptor EndpointNotAllowed = Create(
            RuleIdentifiers.EndpointNotAllowed,
            "Endpoint not allowed by the model policy",
            "Endpoint '{0}' ({1}) is not allowed here: {2}",
            DiagnosticSeverity.Warning,
            "The model-origin policy in force for this file does not allow sending prompts to this host. In a regulated profile this is an error.");

        public static readonly DiagnosticDescriptor UnknownModel = Create(
            RuleIdentifiers.UnknownModel,
            "Unrecognized model id",
            "'{0}' is used as a model id but the catalog does not know it: add it to ModelCatalog.txt or allow it with model_policy.allowed_models",
            DiagnosticSeverity.Info,
            "The value is in a model position but matches no catalog family, so its origin cannot be judged. model_policy.unknown_models = deny makes this MP0002.");

        public static readonly DiagnosticDescriptor ConfigurationNotAllowed = Create(
            RuleIdentifiers.ConfigurationNotAllowed,
            "Model or endpoint in a configuration file not allowed by the model policy",
            "{0} '{1}' ({2}) at {3} is not allowed here: {4}",
            DiagnosticSeverity.Warning,
            "A model id or endpoint in appsettings*.json (or a JSON file added with ModelPolicyConfig=\"true\") is judged by the policy of the folder the file sits in. In a regulated profile this is an error.");

        public static readonly DiagnosticDescriptor Diversification = Create(
            RuleIdentifiers.Diversification,
            "Model sources are not diversified",
            "{0}",
            DiagnosticSeverity.Info,
            "A route whose primary and fallbacks share one vendor (or one origin country) cannot fail over across vendors or countries; a project whose every model comes from one vendor depends on that vendor alone. model_policy.diversification = off | vendor | origin.");

        public static readonly DiagnosticDescriptor InvalidPolicy = Create(
            RuleIdentifiers.InvalidPolicy,
            "Invalid model policy configuration",
            "Invalid model policy configuration: {0}",
            DiagnosticSeverity.Warning,
            "A model_policy.* value in .editorconfig, the ModelPolicyProfile property or a line of a ModelCatalog.txt file is not valid; it is ignored until fixed.",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor UnjustifiedSuppression = Create(
            RuleIdentifiers.UnjustifiedSuppression,
            "Suppression of a policy violation without a justification in a regulated scope",
            "{0} suppresses {1} in a regulated scope without a justification: give the reason (a comment after the #pragma, or Justification = \"…\")",
            DiagnosticSeverity.Error,
            "In a regulated profile a policy violation may only be suppressed with a written reason, which the inventory records.");

        public static readonly DiagnosticDescriptor Inventory = Create(
            RuleIdentifiers.Inventory,
            "Model inventory entry",
            "{0} '{1}' ({2}): {3}",
            DiagnosticSeverity.Hidden,
            "One entry per model or endpoint use and per justified suppression, with vendor, origin, open weights and policy status as properties: build with -p:ErrorLog=inventory.sarif to get the inventory.");

        public static readonly DiagnosticDescriptor CatalogOverride = Create(
            RuleIdentifiers.CatalogOverride,
            "Repository catalog line overrides a built-in attribution",
            "{0}",
            DiagnosticSeverity.Warning,
            "A ModelCatalog.txt line changes the vendor, country or weights of a model id, host or vendor the built-in catalog knows, so every use of it is judged by the repository's word. In a regulated scope this is an error unless the line gives a reason= (then it is recorded in the inventory).",
            WellKnownDiagnosticTags.CompilationEnd);

        public static readonly DiagnosticDescriptor EnforcementDisabled = Create(
            RuleIdentifiers.EnforcementDisabled,
            "Policy enforcement turned off in a regulated scope",
            "{0}",
            DiagnosticSeverity.Error,
            "In a regulated scope a violation rule (MP0002, MP0004, MP0006, MP0009, MP0011) may not be lowered or turned off (.editorconfig severity, category severity, global config, NoWarn, ruleset), nor may the regulated scope or a deny be set aside by a nested .editorconfig or a later section, unless model_policy.enforcement_exception (or the ModelPolicyEnforcementException property) gives a reason. Not configurable.",
            WellKnownDiagnosticTags.CompilationEnd,
            WellKnownDiagnosticTags.NotConfigurable);

        public static readonly DiagnosticDescriptor PolicyFloorRelaxed = Create(
            RuleIdentifiers.PolicyFloorRelaxed,
            "Repository policy relaxes the organisation's policy floor",
            "{0}",
            DiagnosticSeverity.Error,
            "An organisation policy floor (an AdditionalFile with ModelPolicyFloor=\"true\", or modelpolicy inventory --policy) is in force and a repository model_policy key tries to relax it. The floor still wins; the attempt is reported at its key. Not configurable.",
            WellKnownDiagnosticTags.CompilationEnd,
            WellKnownDiagnosticTags.NotConfigurable);

        private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] tags) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", tags);
    }
}
