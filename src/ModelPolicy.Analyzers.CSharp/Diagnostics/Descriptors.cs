using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Diagnostics
{
    /// <summary>
    /// Builds every descriptor the same way (category, help link to docs/rules/{id}.md) and owns the one rule of
    /// severity that the regulated profile changes. Each descriptor lives beside the code that reports it, in
    /// Rules/MPxxxx*.cs.
    /// </summary>
    public static class Descriptors
    {
        public const string HelpLinkBase = "https://github.com/modelpolicy/ModelPolicy.Analyzers/blob/main/docs/rules/";

        public const string Category = "ModelPolicy";

        /// <summary>Every descriptor of the package, in rule-id order.</summary>
        public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
            Rules.MP0001HardCodedModel.Descriptor,
            Rules.MP0002ModelNotAllowed.Descriptor,
            Rules.MP0003HardCodedEndpoint.Descriptor,
            Rules.MP0004EndpointNotAllowed.Descriptor,
            Rules.MP0005UnknownModel.Descriptor,
            Rules.MP0006ConfigurationNotAllowed.Descriptor,
            Rules.MP0007Diversification.Descriptor,
            Rules.MP0008InvalidPolicy.Descriptor,
            Rules.MP0009UnjustifiedSuppression.Descriptor,
            Rules.MP0010Inventory.Descriptor,
            Rules.MP0011CatalogOverride.Descriptor,
            Rules.MP0012EnforcementDisabled.Descriptor,
            Rules.MP0013PolicyFloorRelaxed.Descriptor);

        /// <summary>
        /// The severity of a violation (<see cref="RuleIdentifiers.ViolationRules"/>) in the scope of a policy: an error in a
        /// regulated profile, else the descriptor's warning. The package targets add the same ids to WarningsAsErrors.
        /// </summary>
        public static DiagnosticSeverity ViolationSeverity(ModelPolicySettings policy) =>
            policy.IsRegulated ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;

        internal static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string description, params string[] tags) =>
            new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true, description, HelpLinkBase + id + ".md", tags);
    }
}
