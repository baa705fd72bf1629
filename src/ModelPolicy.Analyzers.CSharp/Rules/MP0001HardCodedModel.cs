using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0001: a model id written in code that the policy allows. Decided in <see cref="VerdictPipeline.ReportCodeFinding"/>
    /// (allowed model verdict); which literals count is decided by the sites (Sites/) and <see cref="CodeFrontEnd"/>.
    /// Fix: MoveToRouteCodeFixProvider. Docs: docs/rules/MP0001.md.
    /// </summary>
    internal static class MP0001HardCodedModel
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.HardCodedModel,
            "Hard-coded model id",
            "Hard-coded model id '{0}' ({1}): move it to configuration",
            DiagnosticSeverity.Warning,
            "A model id written in code cannot be swapped or diversified without a rebuild. Move it to a configuration-backed route.");

        public static Diagnostic Create(Location location, Finding finding) =>
            Diagnostic.Create(Descriptor, location, finding.Properties, finding.Value, finding.Description);
    }
}
