using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.CodeFixes;
using ModelPolicy.Analyzers.CodeFixes.Routes;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Cli.Loading;

namespace ModelPolicy.Cli.Fixing
{
    /// <summary>A finding as the report shows it.</summary>
    internal sealed record FixFinding(string Id, string Path, int Line, int Column, string Kind, string Value, string? Reason);

    /// <summary>A literal moved into a route.</summary>
    internal sealed record MovedValue(string Path, int Line, string Kind, string Value, string Route, bool InJson);

    /// <summary>A file written (or to be written, with --dry-run): changed, created or edited.</summary>
    internal sealed record FileChange(string Path, string Action);

    internal sealed record FixResult(
        IReadOnlyList<FixFinding> Before,
        IReadOnlyList<MovedValue> Moved,
        IReadOnlyList<FileChange> Files,
        IReadOnlyList<FixFinding> Remaining,
        IReadOnlyList<string> WriteErrors,
        int Projects);

    /// <summary>
    /// Finds the MP0001–MP0005 findings of every requested C# project with the analyzer, applies the move-to-route
    /// Fix All (the code-fix assembly's own <see cref="RouteRewriter"/>) allowing it to add appsettings.json, writes
    /// the result (through the workspace where MSBuildWorkspace allows it, the new files itself), and analyzes the
    /// fixed solution again to tell what is left and why.
    /// </summary>
    internal static class FixRunner
    {
        public static readonly IReadOnlyList<string> FixableIds = new MoveToRouteCodeFixProvider().FixableDiagnosticIds.OrderBy(i => i, StringComparer.Ordinal).ToList();

        public static async Task<FixResult> RunAsync(LoadedSolution loaded, InventoryTarget target, IReadOnlyList<string> ids, bool dryRun, TextWriter? progress, CancellationToken cancellationToken)
        {
            var wanted = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            var solution = loaded.Solution;
            var projectIds = SelectProjects(solution, target);

            // An appsettings.json on disk that the project does not list (no package targets) is edited, never overwritten.
            var unlisted = new HashSet<DocumentId>();
            foreach (var projectId in projectIds)
            {
                var project = solution.GetProject(projectId)!;
                var directory = AppSettingsRoutes.ProjectDirectory(project);
                var path = directory == null ? null : Path.Combine(directory, AppSettingsRoutes.FileName);
                if (path != null && AppSettingsRoutes.Find(project) == null && File.Exists(path))
                {
                    var document = project.AddAdditionalDocument(AppSettingsRoutes.FileName, SourceText.From(File.ReadAllText(path), new UTF8Encoding(false)), filePath: path);
                    unlisted.Add(document.Id);
                    solution = document.Project.Solution;
                }
            }

            progress?.WriteLine($"modelpolicy: analyzing {projectIds.Count} project(s)");
            var before = await AnalyzeAsync(solution, projectIds, wanted, cancellationToken).ConfigureAwait(false);
            var pairs = MoveToRouteFixAllProvider.Pairs(solution, before, kind: null);
            progress?.WriteLine($"modelpolicy: moving {pairs.Length} finding(s) to routes");
            var (fixedSolution, moved) = await RouteRewriter.ApplyWithPlanAsync(solution, pairs, cancellationToken, canAddSettingsFile: true).ConfigureAwait(false);

            var after = await AnalyzeAsync(fixedSolution, projectIds, wanted, cancellationToken).ConfigureAwait(false);
            var remaining = new List<FixFinding>();
            foreach (var diagnostic in after)
            {
                remaining.Add(ToFinding(diagnostic, target.Root, await ReasonAsync(fixedSolution, diagnostic, cancellationToken).ConfigureAwait(false)));
            }

            var files = new List<FileChange>();
            var added = new List<TextDocument>();
            foreach (var change in fixedSolution.GetChanges(solution).GetProjectChanges())
            {
                foreach (var id in change.GetChangedDocuments(onlyGetDocumentsWithTextChanges: true))
                {
                    files.Add(new FileChange(Relative(target.Root, fixedSolution.GetDocument(id)!.FilePath), "changed"));
                }

                foreach (var id in change.GetChangedAdditionalDocuments())
                {
                    var document = fixedSolution.GetAdditionalDocument(id)!;
                    var exists = document.FilePath != null && File.Exists(document.FilePath);
                    files.Add(new FileChange(Relative(target.Root, document.FilePath), unlisted.Contains(id) || exists ? "edited" : "created"));
                    if (unlisted.Contains(id))
                    {
                        added.Add(document);
                    }
                }

                foreach (var id in change.GetAddedAdditionalDocuments())
                {
                    var document = fixedSolution.GetAdditionalDocument(id)!;
                    files.Add(new FileChange(Relative(target.Root, document.FilePath), "created"));
                    added.Add(document);
                }
            }

            var errors = new List<string>();
            if (!dryRun && files.Count > 0)
            {
                await WriteAsync(loaded.Workspace, fixedSolution, added, errors, cancellationToken).ConfigureAwait(false);
            }

            var movedValues = new List<MovedValue>();
            foreach (var candidate in moved)
            {
                var document = solution.GetDocument(candidate.DocumentId)!;
                var line = candidate.Target.SyntaxTree.GetLineSpan(candidate.Target.Span).StartLinePosition.Line + 1;
                movedValues.Add(new MovedValue(Relative(target.Root, document.FilePath), line, candidate.IsEndpoint ? ValueKinds.Endpoint : ValueKinds.Model, candidate.Value, candidate.RouteName, candidate.IsInJson));
            }

            return new FixResult(
                before.Select(d => ToFinding(d, target.Root, null)).ToList(),
                movedValues.OrderBy(m => m.Path, StringComparer.Ordinal).ThenBy(m => m.Line).ToList(),
                files.Distinct().OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
                remaining,
                errors,
                projectIds.Count);
        }

        /// <summary>
        /// Source changes and changes to listed appsettings files go through MSBuildWorkspace, which writes them;
        /// it cannot add additional documents, so new (and unlisted) appsettings.json files are written here. The
        /// package's targets pass appsettings*.json of the project folder to the analyzer, so nothing else is needed.
        /// </summary>
        private static async Task WriteAsync(Workspace workspace, Solution fixedSolution, List<TextDocument> ownFiles, List<string> errors, CancellationToken cancellationToken)
        {
            var throughWorkspace = fixedSolution;
            foreach (var document in ownFiles)
            {
                throughWorkspace = throughWorkspace.RemoveAdditionalDocument(document.Id);
            }

            try
            {
                if (!workspace.TryApplyChanges(throughWorkspace))
                {
                    errors.Add("the workspace did not apply the source changes (the files changed on disk while fixing?)");
                }
            }
            catch (Exception e) when (e is NotSupportedException || e is InvalidOperationException || e is IOException || e is UnauthorizedAccessException)
            {
                errors.Add("the workspace could not apply the source changes: " + e.Message);
            }

            foreach (var document in ownFiles)
            {
                if (document.FilePath == null)
                {
                    errors.Add($"{document.Name} has no path to write it to");
                    continue;
                }

                try
                {
                    var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    File.WriteAllText(document.FilePath, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    errors.Add($"cannot write {document.FilePath}: {e.Message}");
                }
            }
        }

        /// <summary>The C# projects asked for, one per project file (a multi-targeted project's sources are fixed once).</summary>
        private static List<ProjectId> SelectProjects(Solution solution, InventoryTarget target)
        {
            IReadOnlyCollection<string>? requested = null;
            if (target.Solution == null)
            {
                requested = target.Projects.ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
            else
            {
                try
                {
                    requested = ProjectProperties.SolutionProjects(target.Solution);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    requested = null;
                }
            }

            return solution.Projects
                .Where(p => p.Language == LanguageNames.CSharp)
                .Where(p => requested == null || (p.FilePath != null && requested.Contains(p.FilePath)))
                .GroupBy(p => p.FilePath ?? p.Name, StringComparer.OrdinalIgnoreCase)
                .Select(g => g.OrderBy(p => p.Name, StringComparer.Ordinal).First().Id)
                .ToList();
        }

        private static async Task<List<Diagnostic>> AnalyzeAsync(Solution solution, IReadOnlyList<ProjectId> projectIds, HashSet<string> wanted, CancellationToken cancellationToken)
        {
            var diagnostics = new List<Diagnostic>();
            foreach (var projectId in projectIds)
            {
                var project = solution.GetProject(projectId)!;
                var found = await MoveToRouteFixAllProvider.AnalyzeAsync(project, cancellationToken).ConfigureAwait(false);
                diagnostics.AddRange(found.Where(d => wanted.Contains(d.Id) && d.Location.IsInSource && !d.IsSuppressed));
            }

            return diagnostics
                .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
                .ThenBy(d => d.Location.SourceSpan.Start)
                .ThenBy(d => d.Id, StringComparer.Ordinal)
                .ToList();
        }

        private static async Task<string> ReasonAsync(Solution solution, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var document = solution.GetDocument(diagnostic.Location.SourceTree);
            if (document == null)
            {
                return "not in a document of the loaded projects";
            }

            var compilation = await document.Project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
            if (compilation == null || RouteCandidateFinder.GetBestType(compilation, RouteCandidateFinder.RoutesInterface) == null)
            {
                return $"project {document.Project.Name} does not reference ModelPolicy.Routing (dotnet add package ModelPolicy.Routing), which the fixed code calls";
            }

            var settings = await AppSettingsRoutes.ReadAsync(document.Project, cancellationToken).ConfigureAwait(false);
            if (!settings.Readable)
            {
                return $"{settings.Document?.FilePath ?? AppSettingsRoutes.FileName} is not valid JSON or its ModelRoutes is not an object: correct it by hand, then run again";
            }

            return "no safe rewrite here: a place only a constant may take, a constant used as a constant, a value built at run time, or text the fix cannot edit";
        }

        private static FixFinding ToFinding(Diagnostic diagnostic, string root, string? reason)
        {
            var span = diagnostic.Location.GetLineSpan();
            diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind);
            diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var value);
            return new FixFinding(diagnostic.Id, Relative(root, span.Path), span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, kind ?? string.Empty, value ?? string.Empty, reason);
        }

        private static string Relative(string root, string? path) =>
            string.IsNullOrEmpty(path) ? string.Empty : Path.GetRelativePath(root, path).Replace('\\', '/');
    }
}
