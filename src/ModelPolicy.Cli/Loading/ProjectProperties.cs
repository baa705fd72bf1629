using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.Build.Construction;
using Microsoft.Build.Evaluation;
using Microsoft.Build.Exceptions;

namespace ModelPolicy.Cli.Loading
{
    /// <summary>
    /// What MSBuild itself says about a project or solution, without building: an evaluated property, the
    /// projects a solution lists. The only code here that touches MSBuild's own types: it runs after
    /// <see cref="MSBuildSetup.EnsureRegistered"/>, in methods that are never inlined.
    /// </summary>
    internal static class ProjectProperties
    {
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static string? Read(string projectPath, string name, IReadOnlyDictionary<string, string> globalProperties)
        {
            var globals = new Dictionary<string, string>(globalProperties);
            using var collection = new ProjectCollection(globals);
            var project = collection.LoadProject(projectPath);
            var value = project.GetPropertyValue(name);
            collection.UnloadAllProjects();
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        /// <summary>The full paths of the projects a solution (.sln, .slnx, .slnf) lists; null when MSBuild cannot read it.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static IReadOnlyCollection<string>? SolutionProjects(string solutionPath)
        {
            try
            {
                var solution = SolutionFile.Parse(solutionPath);
                return solution.ProjectsInOrder
                    .Where(p => p.ProjectType != SolutionProjectType.SolutionFolder)
                    .Select(p => p.AbsolutePath)
                    .ToHashSet(StringComparer.OrdinalIgnoreCase);
            }
            catch (Exception e) when (e is InvalidProjectFileException || e is System.IO.IOException || e is ArgumentException || e is InvalidOperationException)
            {
                return null;
            }
        }
    }
}
