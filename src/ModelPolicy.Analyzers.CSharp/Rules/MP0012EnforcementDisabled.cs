using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0012: enforcement turned off in a regulated scope. What the analyzer sees is decided in Enforcement/EnforcementAnalysis*.cs (severities, NoWarn, rulesets, set-aside sections, generated-code markers); what only MSBuild sees, by the package targets (same id). Not configurable. No code fix. Docs: docs/rules/MP0012.md.
    /// </summary>
    internal static class MP0012EnforcementDisabled
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.EnforcementDisabled,
            "Policy enforcement turned off in a regulated scope",
            "{0}",
            DiagnosticSeverity.Error,
            "In a regulated scope a violation rule (MP0002, MP0004, MP0006, MP0009, MP0011) may not be lowered or turned off (.editorconfig severity, category severity, global config, NoWarn, ruleset), nor may the regulated scope or a deny be set aside by a nested .editorconfig or a later section, unless model_policy.enforcement_exception (or the ModelPolicyEnforcementException property) gives a reason. Not configurable.",
            WellKnownDiagnosticTags.CompilationEnd, WellKnownDiagnosticTags.NotConfigurable);
    }
}
