using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0013: a repository model_policy key that tries to relax an organisation floor (PolicyLevels.FindRelaxations), reported at the key by Enforcement/EnforcementAnalysis.cs. Not configurable. No code fix. Docs: docs/rules/MP0013.md.
    /// </summary>
    internal static class MP0013PolicyFloorRelaxed
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.PolicyFloorRelaxed,
            "Repository policy relaxes the organisation's policy floor",
            "{0}",
            DiagnosticSeverity.Error,
            "An organisation policy floor (an AdditionalFile with ModelPolicyFloor=\"true\", or modelpolicy inventory --policy) is in force and a repository model_policy key tries to relax it. The floor still wins; the attempt is reported at its key. Not configurable.",
            WellKnownDiagnosticTags.CompilationEnd, WellKnownDiagnosticTags.NotConfigurable);
    }
}
