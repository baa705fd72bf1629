using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0003: an AI provider endpoint written in code that the policy allows. Which URLs count is decided by
    /// <see cref="CodeFrontEnd.ReportEndpoint"/> (catalog host and API path, or an endpoint position); the verdict by
    /// <see cref="VerdictPipeline.ReportCodeFinding"/>. Fix: MoveToRouteCodeFixProvider. Docs: docs/rules/MP0003.md.
    /// </summary>
    internal static class MP0003HardCodedEndpoint
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.HardCodedEndpoint,
            "Hard-coded provider endpoint",
            "Hard-coded provider endpoint '{0}' ({1}): move it to configuration",
            DiagnosticSeverity.Warning,
            "An AI provider endpoint written in code decides where prompts go. Move it to a configuration-backed route.");

        public static Diagnostic Create(Location location, Finding finding) =>
            Diagnostic.Create(Descriptor, location, finding.Properties, finding.Value, finding.Description);
    }
}
