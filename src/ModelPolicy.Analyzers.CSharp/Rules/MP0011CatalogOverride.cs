using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0011: a repository catalog line (ModelCatalog*.txt) that re-attributes a model id, alias, host or vendor the built-in catalog knows (ModelCatalog.Extend finds them). Reported at compilation end by Enforcement/EnforcementAnalysis.CatalogOverrides.cs; warning, error in a regulated project unless the line has reason= (then info); an MP0010 entry each when an inventory is asked for. No code fix. Docs: docs/rules/MP0011.md.
    /// </summary>
    internal static class MP0011CatalogOverride
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.CatalogOverride,
            "Repository catalog line overrides a built-in attribution",
            "{0}",
            DiagnosticSeverity.Warning,
            "A ModelCatalog.txt line changes the vendor, country or weights of a model id, host or vendor the built-in catalog knows, so every use of it is judged by the repository's word. In a regulated scope this is an error unless the line gives a reason= (then it is recorded in the inventory).",
            WellKnownDiagnosticTags.CompilationEnd);
    }
}
