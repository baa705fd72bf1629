using System;
using System.IO;
using System.Linq;

namespace ModelPolicy.Cli.Fixing
{
    /// <summary>What <c>modelpolicy fix</c> prints: the findings before, the ids and endpoints moved with their routes, the files, and what is left.</summary>
    internal static class FixReport
    {
        public static void Write(FixResult result, string root, bool dryRun, TextWriter output)
        {
            var counts = string.Join(", ", result.Before.GroupBy(f => f.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count()));
            output.WriteLine($"modelpolicy fix{(dryRun ? " --dry-run" : string.Empty)}: {result.Before.Count} finding(s){(counts.Length > 0 ? " (" + counts + ")" : string.Empty)} in {result.Projects} project(s) under {root}");
            if (result.Moved.Count > 0)
            {
                var routes = result.Moved.Select(m => m.Route).Distinct(StringComparer.Ordinal).Count();
                output.WriteLine($"{(dryRun ? "would move" : "moved")} {result.Moved.Count} value(s) into {routes} route(s):");
                var width = result.Moved.Max(m => (m.Path + ":" + m.Line).Length);
                var valueWidth = result.Moved.Max(m => m.Value.Length);
                foreach (var moved in result.Moved)
                {
                    output.WriteLine($"  {(moved.Path + ":" + moved.Line).PadRight(width)}  {moved.Kind,-8}  {moved.Value.PadRight(valueWidth)}  -> ModelRoutes:{moved.Route}{(moved.InJson ? "  (in a JSON string)" : string.Empty)}");
                }
            }

            if (result.Files.Count > 0)
            {
                output.WriteLine(dryRun ? "files it would write:" : "files:");
                foreach (var file in result.Files)
                {
                    output.WriteLine($"  {file.Action,-8} {file.Path}");
                }
            }

            foreach (var error in result.WriteErrors)
            {
                output.WriteLine("  error: " + error);
            }

            if (result.Remaining.Count == 0)
            {
                output.WriteLine(result.Before.Count == 0 ? "nothing to fix" : dryRun ? "every finding would be fixed" : "every finding was fixed");
                return;
            }

            output.WriteLine($"{result.Remaining.Count} finding(s) {(dryRun ? "would be" : "were")} left:");
            foreach (var left in result.Remaining)
            {
                output.WriteLine($"  {left.Path}({left.Line},{left.Column}): {left.Id} {left.Kind} '{left.Value}': {left.Reason}");
            }
        }
    }
}
