using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Cli.Loading;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Cli.Analysis
{
    /// <summary>
    /// Runs <see cref="ModelPolicyAnalyzer"/> over every C# project of a loaded solution, with the project's own
    /// analyzer options (each file's .editorconfig policy, AdditionalFiles such as ModelCatalog.txt), and turns
    /// what it reports into <see cref="Finding"/>s.
    /// </summary>
    internal static class InventoryRunner
    {
        public static async Task<InventoryResult> RunAsync(
            LoadedSolution loaded,
            InventoryTarget target,
            IReadOnlyDictionary<string, string> globalProperties,
            TextWriter? progress,
            CancellationToken cancellationToken,
            Policy.PolicyFloorFile? floor = null)
        {
            var analyzer = new ModelPolicyAnalyzer();
            var requested = RequestedProjects(target);
            var projects = loaded.Solution.Projects
                .Where(p => p.Language == LanguageNames.CSharp)
                .Where(p => requested == null || (p.FilePath != null && requested.Contains(p.FilePath)))
                .OrderBy(p => p.FilePath, StringComparer.Ordinal)
                .ThenBy(p => p.Name, StringComparer.Ordinal)
                .ToList();
            var findings = new List<Finding>();
            var seen = new HashSet<(string, string, int, int, string)>();
            var profiles = new Dictionary<string, string?>(StringComparer.Ordinal);
            var names = new List<string>();
            for (var i = 0; i < projects.Count; i++)
            {
                var project = projects[i];
                var name = ProjectName(project);
                if (!names.Contains(name))
                {
                    names.Add(name);
                }

                progress?.WriteLine($"modelpolicy: analyzing project {i + 1}/{projects.Count}: {project.Name}");
                var compilation = await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false);
                if (compilation == null)
                {
                    continue;
                }

                var options = project.AnalyzerOptions;
                string? profile = null;
                if (ProfileOptionsProvider.VisibleProfile(options.AnalyzerConfigOptionsProvider) == null && project.FilePath != null
                    && !profiles.TryGetValue(project.FilePath, out profile))
                {
                    profile = ReadProfile(project.FilePath, globalProperties);
                    profiles[project.FilePath] = profile;
                }

                options = new AnalyzerOptions(options.AdditionalFiles, new ProfileOptionsProvider(options.AnalyzerConfigOptionsProvider, profile));

                // --policy: the analyzer runs without the repository's ModelPolicy severities and the floor judges every use
                var floorRun = floor == null ? null : new Policy.FloorRun(floor.Floor, floor.Text, compilation, options, target.Root);
                var withAnalyzers = (floorRun?.Compilation ?? compilation).WithAnalyzers(
                    ImmutableArray.Create<DiagnosticAnalyzer>(analyzer),
                    new CompilationWithAnalyzersOptions(floorRun?.Options ?? options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: true));
                var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(cancellationToken).ConfigureAwait(false);
                if (floorRun != null)
                {
                    diagnostics = floorRun.Replace(diagnostics, cancellationToken);
                }

                var projectFindings = diagnostics.Select(d => ToFinding(d, name, target.Root)).ToList();
                foreach (var finding in floorRun?.Judge(projectFindings) ?? projectFindings)
                {
                    if (seen.Add((finding.Id, finding.Path, finding.Line, finding.Column, finding.Value + "|" + finding.Property(DiagnosticProperties.FindingId) + "|" + finding.Message)))
                    {
                        findings.Add(finding); // a multi-targeted project reports each use once per framework
                    }
                }
            }

            findings.Sort((a, b) =>
            {
                var order = string.CompareOrdinal(a.Path, b.Path);
                order = order != 0 ? order : a.Line.CompareTo(b.Line);
                order = order != 0 ? order : a.Column.CompareTo(b.Column);
                return order != 0 ? order : string.CompareOrdinal(a.Id, b.Id);
            });
            var rules = analyzer.SupportedDiagnostics
                .Select(d => new RuleInfo(d.Id, d.Title.ToString(), d.Description.ToString(), d.HelpLinkUri, Level(d.DefaultSeverity)))
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
            return new InventoryResult(target.Name, target.Root, target.Solution, names, findings, rules, loaded.Warnings);
        }

        /// <summary>
        /// The projects asked for: those the solution lists, or those found in the folder. Projects they reference
        /// that are not in that list (loaded by the workspace to resolve references) are not inventoried.
        /// </summary>
        private static IReadOnlyCollection<string>? RequestedProjects(InventoryTarget target)
        {
            if (target.Solution == null)
            {
                return target.Projects.ToHashSet(StringComparer.OrdinalIgnoreCase);
            }

            try
            {
                MSBuildSetup.EnsureRegistered();
                return ProjectProperties.SolutionProjects(target.Solution);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null; // every project the workspace loaded
            }
        }

        /// <summary>The project's <c>ModelPolicyProfile</c>, read by evaluating it (a project without the package does not pass it to analyzers).</summary>
        private static string? ReadProfile(string projectPath, IReadOnlyDictionary<string, string> globalProperties)
        {
            try
            {
                MSBuildSetup.EnsureRegistered();
                return ProjectProperties.Read(projectPath, "ModelPolicyProfile", globalProperties);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return null; // evaluation failed: the design-time build already said why, if it matters
            }
        }

        /// <summary>"ChatService" for "ChatService(net8.0)" of a multi-targeted project.</summary>
        private static string ProjectName(Project project)
        {
            var name = project.Name;
            var paren = name.IndexOf('(');
            return paren > 0 && name.EndsWith(")", StringComparison.Ordinal) ? name.Substring(0, paren) : name;
        }

        private static Finding ToFinding(Diagnostic diagnostic, string project, string root)
        {
            var span = diagnostic.Location.GetMappedLineSpan();
            var path = string.IsNullOrEmpty(span.Path) ? string.Empty : RelativePath(root, span.Path);
            return new Finding(
                diagnostic.Id,
                Level(diagnostic.Severity),
                diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                project,
                path,
                span.IsValid ? span.StartLinePosition.Line + 1 : 0,
                span.IsValid ? span.StartLinePosition.Character + 1 : 0,
                span.IsValid ? span.EndLinePosition.Line + 1 : 0,
                span.IsValid ? span.EndLinePosition.Character + 1 : 0,
                diagnostic.IsSuppressed,
                diagnostic.Properties);
        }

        internal static string RelativePath(string root, string path)
        {
            var full = Path.IsPathRooted(path) ? path : Path.Combine(root, path);
            return Path.GetRelativePath(root, full).Replace('\\', '/');
        }

        private static FindingLevel Level(DiagnosticSeverity severity) => severity switch
        {
            DiagnosticSeverity.Error => FindingLevel.Error,
            DiagnosticSeverity.Warning => FindingLevel.Warning,
            DiagnosticSeverity.Info => FindingLevel.Note,
            _ => FindingLevel.None,
        };
    }
}
