using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.MSBuild;

namespace ModelPolicy.Cli.Loading
{
    /// <summary>A loaded solution and what went wrong while loading it.</summary>
    internal sealed class LoadedSolution : IDisposable
    {
        public LoadedSolution(Workspace workspace, Solution solution, IReadOnlyList<string> warnings)
        {
            Workspace = workspace;
            Solution = solution;
            Warnings = warnings;
        }

        public Workspace Workspace { get; }

        public Solution Solution { get; }

        /// <summary>The workspace's failures and warnings (a project that failed to load, an unresolved reference).</summary>
        public IReadOnlyList<string> Warnings { get; }

        public void Dispose() => Workspace.Dispose();
    }

    /// <summary>
    /// Loads projects as the build sees them: MSBuildWorkspace runs each project's design-time build with the
    /// SDK's MSBuild, so sources, references, .editorconfig files and AdditionalFiles are the build's own.
    /// </summary>
    internal static class WorkspaceLoader
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static async Task<LoadedSolution> LoadAsync(InventoryTarget target, IReadOnlyDictionary<string, string> properties, TextWriter? progress, CancellationToken cancellationToken)
        {
            var workspace = MSBuildWorkspace.Create(properties.ToDictionary(p => p.Key, p => p.Value));
            var warnings = new List<string>();
            workspace.WorkspaceFailed += (_, e) =>
            {
                lock (warnings)
                {
                    warnings.Add((e.Diagnostic.Kind == WorkspaceDiagnosticKind.Failure ? "failure: " : "warning: ") + e.Diagnostic.Message);
                }
            };
            var reporter = new LoadProgress(progress, target.Root);
            try
            {
                if (target.Solution != null)
                {
                    progress?.WriteLine($"modelpolicy: loading {Relative(target.Solution)}");
                    await workspace.OpenSolutionAsync(target.Solution, reporter, cancellationToken).ConfigureAwait(false);
                }
                else
                {
                    var count = 0;
                    foreach (var project in target.Projects)
                    {
                        count++;
                        if (workspace.CurrentSolution.Projects.Any(p => string.Equals(p.FilePath, project, StringComparison.OrdinalIgnoreCase)))
                        {
                            continue; // already loaded as a reference of an earlier one
                        }

                        progress?.WriteLine($"modelpolicy: loading project {count}/{target.Projects.Count}: {Relative(project)}");
                        await workspace.OpenProjectAsync(project, reporter, cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (Exception e) when (e is InvalidOperationException || e is IOException || e is FileNotFoundException || e is InvalidDataException)
            {
                workspace.Dispose();
                throw new InventoryException($"could not load '{Relative(target.Solution ?? target.Path)}': {e.Message}", e);
            }

            if (!workspace.CurrentSolution.Projects.Any())
            {
                var why = warnings.Count > 0 ? Environment.NewLine + string.Join(Environment.NewLine, warnings.Select(w => "  " + w)) : string.Empty;
                workspace.Dispose();
                throw new InventoryException($"no project could be loaded from '{Relative(target.Solution ?? target.Path)}'." + why);
            }

            return new LoadedSolution(workspace, workspace.CurrentSolution, warnings);
        }

        private static string Relative(string path) => Path.GetRelativePath(Environment.CurrentDirectory, path);

        private sealed class LoadProgress : IProgress<ProjectLoadProgress>
        {
            private readonly TextWriter? output;
            private readonly string root;

            public LoadProgress(TextWriter? output, string root)
            {
                this.output = output;
                this.root = root;
            }

            public void Report(ProjectLoadProgress value)
            {
                if (output == null)
                {
                    return;
                }

                var framework = value.TargetFramework == null ? string.Empty : " (" + value.TargetFramework + ")";
                lock (output)
                {
                    output.WriteLine($"  {value.Operation.ToString().ToLowerInvariant(),-8} {Path.GetRelativePath(root, value.FilePath)}{framework} {value.ElapsedTime.TotalSeconds:0.0} s");
                }
            }
        }
    }
}
