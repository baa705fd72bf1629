using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>
    /// Fix All for the move-to-route fixes. BatchFixer would merge one-diagnostic fixes that each add a
    /// constructor parameter and each rewrite appsettings.json; this collects every diagnostic of the scope and
    /// hands them to <see cref="RouteRewriter"/>, which names all routes in one pass and edits one
    /// appsettings.json per project.
    /// </summary>
    internal sealed class MoveToRouteFixAllProvider : FixAllProvider
    {
        public static readonly MoveToRouteFixAllProvider Instance = new MoveToRouteFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
            new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            // An IDE passes the equivalence key of the fix the user chose; dotnet format may pass none, and then
            // every model id and endpoint of the diagnostics asked for is moved.
            var key = fixAllContext.CodeActionEquivalenceKey;
            var kind = key == MoveToRouteCodeFixProvider.EndpointEquivalenceKey ? ValueKinds.Endpoint : key == MoveToRouteCodeFixProvider.ModelEquivalenceKey ? ValueKinds.Model : null;
            var diagnostics = new List<Diagnostic>();
            switch (fixAllContext.Scope)
            {
                case FixAllScope.Project:
                    diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(fixAllContext.Project).ConfigureAwait(false));
                    break;
                case FixAllScope.Solution:
                    foreach (var project in fixAllContext.Solution.Projects)
                    {
                        diagnostics.AddRange(await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false));
                    }

                    break;
                default:
                    if (fixAllContext.Document != null)
                    {
                        diagnostics.AddRange(await fixAllContext.GetDocumentDiagnosticsAsync(fixAllContext.Document).ConfigureAwait(false));
                    }

                    break;
            }

            if (fixAllContext.Scope != FixAllScope.Document
                && (diagnostics.Count == 0 || diagnostics.Any(d => d.Location.SourceTree != null && fixAllContext.Solution.GetDocument(d.Location.SourceTree) == null)))
            {
                // A host may hand over diagnostics of another snapshot of the solution (dotnet format does): their
                // trees are not this solution's, so find the diagnostics here, with the projects' own options.
                diagnostics.Clear();
                var projects = fixAllContext.Scope == FixAllScope.Project ? new[] { fixAllContext.Project } : fixAllContext.Solution.Projects;
                foreach (var project in projects)
                {
                    diagnostics.AddRange(await AnalyzeAsync(project, fixAllContext.CancellationToken).ConfigureAwait(false));
                }
            }

            var wantedIds = new HashSet<string>(fixAllContext.DiagnosticIds);
            diagnostics.RemoveAll(d => !wantedIds.Contains(d.Id));
            var solution = fixAllContext.Solution;
            var pairs = Pairs(solution, diagnostics, kind);
            if (pairs.IsEmpty && kind != null)
            {
                // dotnet format takes the equivalence key from the first diagnostic of any id, which may be of the
                // other kind (an endpoint's key while fixing MP0001): then fix what was asked for, of either kind.
                kind = null;
                pairs = Pairs(solution, diagnostics, kind);
            }

            if (pairs.IsEmpty)
            {
                return null;
            }

            // Projects without appsettings.json in a host that cannot add it are left out, and the title says so;
            // with nothing else to do there is no fix (dotnet format reports that as a warning, not an exception).
            var plan = await RouteRewriter.PlanAsync(solution, pairs, fixAllContext.CancellationToken).ConfigureAwait(false);
            var blocked = plan.Where(c => c.NeedsSettingsFile).Select(c => solution.GetProject(c.DocumentId.ProjectId)!.Name).Distinct().OrderBy(n => n, System.StringComparer.Ordinal).ToList();
            if (plan.All(c => c.NeedsSettingsFile))
            {
                return null;
            }

            var title = kind == ValueKinds.Endpoint ? "Move endpoints to configuration routes" : kind == ValueKinds.Model ? "Move model ids to configuration routes" : "Move model ids and endpoints to configuration routes";
            if (blocked.Count > 0)
            {
                title += " (skipped " + string.Join(", ", blocked) + ": needs appsettings.json, which this host cannot create)";
            }

            return CodeAction.Create(title, cancellationToken => RouteRewriter.ApplyAsync(solution, pairs, cancellationToken), fixAllContext.CodeActionEquivalenceKey);
        }

        internal static ImmutableArray<(Document, Diagnostic)> Pairs(Solution solution, List<Diagnostic> diagnostics, string? kind) =>
            diagnostics
                .Where(d => d.Location.IsInSource && d.Properties.TryGetValue(DiagnosticProperties.Kind, out var k) && (k == kind || (kind == null && (k == ValueKinds.Model || k == ValueKinds.Endpoint))))
                .Select(d => (Document: solution.GetDocument(d.Location.SourceTree), Diagnostic: d))
                .Where(p => p.Document != null)
                .Select(p => (p.Document!, p.Diagnostic))
                .ToImmutableArray();

        internal static async Task<IEnumerable<Diagnostic>> AnalyzeAsync(Project project, System.Threading.CancellationToken cancellationToken)
        {
            var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation == null)
            {
                return Enumerable.Empty<Diagnostic>();
            }

            var analyzers = ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new ModelPolicy.Analyzers.ModelPolicyAnalyzer());
            return await Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzerExtensions.WithAnalyzers(compilation, analyzers, project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
