using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace ModelPolicy.Cli.Loading
{
    /// <summary>What to load: one solution, or projects found in a folder.</summary>
    internal sealed class InventoryTarget
    {
        private static readonly string[] SolutionExtensions = { ".sln", ".slnx", ".slnf" };
        private static readonly string[] SkippedFolders = { "bin", "obj", "node_modules", ".git", ".vs", "artifacts", "TestResults" };

        private InventoryTarget(string path, string? solution, IReadOnlyList<string> projects, string root)
        {
            Path = path;
            Solution = solution;
            Projects = projects;
            Root = root;
        }

        /// <summary>The argument as given, made absolute.</summary>
        public string Path { get; }

        /// <summary>The solution file to open, if any.</summary>
        public string? Solution { get; }

        /// <summary>The project files to open when there is no solution.</summary>
        public IReadOnlyList<string> Projects { get; }

        /// <summary>The folder that reported paths are relative to: the solution's, the project's or the folder given.</summary>
        public string Root { get; }

        /// <summary>The name of what is inventoried: the solution's or project's file name without extension, or the folder's name.</summary>
        public string Name => System.IO.Path.GetFileNameWithoutExtension(Solution ?? (Projects.Count == 1 && !Directory.Exists(Path) ? Projects[0] : Path.TrimEnd('/', '\\')));

        /// <summary>
        /// A solution or project file is taken as it is. A folder: the solutions closest to it (in it, or else in
        /// the shallowest sub-folder that has any), if there is exactly one; with none, every *.csproj under it.
        /// </summary>
        /// <exception cref="InventoryException">Nothing to load, or several solutions to choose from.</exception>
        public static InventoryTarget Resolve(string argument)
        {
            var path = System.IO.Path.GetFullPath(argument);
            if (File.Exists(path))
            {
                var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
                var folder = System.IO.Path.GetDirectoryName(path)!;
                if (SolutionExtensions.Contains(extension))
                {
                    return new InventoryTarget(path, path, Array.Empty<string>(), folder);
                }

                if (extension == ".csproj")
                {
                    return new InventoryTarget(path, null, new[] { path }, folder);
                }

                throw new InventoryException($"'{argument}' is not a solution (.sln, .slnx, .slnf) or a C# project (.csproj).");
            }

            if (!Directory.Exists(path))
            {
                throw new InventoryException($"'{argument}' does not exist.");
            }

            var solutions = Find(path, SolutionExtensions.Where(e => e != ".slnf").ToArray());
            if (solutions.Count > 0)
            {
                var depth = solutions.Min(Depth);
                var closest = solutions.Where(s => Depth(s) == depth).ToList();
                if (closest.Count > 1)
                {
                    throw new InventoryException(
                        $"'{argument}' holds several solutions; pass one of them:" + Environment.NewLine +
                        string.Join(Environment.NewLine, closest.Select(s => "  " + System.IO.Path.GetRelativePath(Environment.CurrentDirectory, s))));
                }

                return new InventoryTarget(path, closest[0], Array.Empty<string>(), System.IO.Path.GetDirectoryName(closest[0])!);
            }

            var projects = Find(path, new[] { ".csproj" });
            if (projects.Count == 0)
            {
                throw new InventoryException($"'{argument}' holds no solution (*.sln, *.slnx) and no C# project (*.csproj).");
            }

            return new InventoryTarget(path, null, projects, path);
        }

        private static int Depth(string file) => file.Count(c => c == System.IO.Path.DirectorySeparatorChar);

        private static List<string> Find(string folder, string[] extensions)
        {
            var found = new List<string>();
            var pending = new Stack<string>();
            pending.Push(folder);
            while (pending.Count > 0)
            {
                var current = pending.Pop();
                foreach (var file in Directory.EnumerateFiles(current))
                {
                    if (extensions.Contains(System.IO.Path.GetExtension(file).ToLowerInvariant()))
                    {
                        found.Add(file);
                    }
                }

                foreach (var child in Directory.EnumerateDirectories(current))
                {
                    var name = System.IO.Path.GetFileName(child);
                    if (!SkippedFolders.Contains(name, StringComparer.OrdinalIgnoreCase))
                    {
                        pending.Push(child);
                    }
                }
            }

            found.Sort(StringComparer.Ordinal);
            return found;
        }
    }
}
