using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelPolicy.Analyzers.Analysis;

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
            var kind = fixAllContext.CodeActionEquivalenceKey == MoveToRouteCodeFixProvider.EndpointEquivalenceKey ? "endpoint" : "model";
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

            var solution = fixAllContext.Solution;
            var pairs = diagnostics
                .Where(d => d.Location.IsInSource && d.Properties.TryGetValue(Findings.KindProperty, out var k) && k == kind)
                .Select(d => (Document: solution.GetDocument(d.Location.SourceTree), Diagnostic: d))
                .Where(p => p.Document != null)
                .Select(p => (p.Document!, p.Diagnostic))
                .ToImmutableArray();
            if (pairs.IsEmpty)
            {
                return null;
            }

            var title = kind == "endpoint" ? "Move endpoints to configuration routes" : "Move model ids to configuration routes";
            return CodeAction.Create(title, cancellationToken => RouteRewriter.ApplyAsync(solution, pairs, cancellationToken), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
