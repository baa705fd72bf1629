using System.IO;
using System.Linq;

namespace ModelPolicy.Cli.Diff
{
    /// <summary>The diff as text for a terminal, or as Markdown for a pull-request comment.</summary>
    internal static class DiffWriter
    {
        public static void WriteText(InventoryDiff diff, DiffFailOn failOn, TextWriter output)
        {
            output.WriteLine($"Inventory changes from {diff.Base.Path} to {diff.Head.Path}");
            if (diff.IsEmpty)
            {
                output.WriteLine();
                output.WriteLine("No change in models, vendors, origins, endpoints, endpoint operators or regions.");
            }

            foreach (var change in diff.All.Where(c => !c.IsEmpty))
            {
                output.WriteLine();
                output.WriteLine($"{change.Title}: {change.Added.Count} added, {change.Removed.Count} removed");
                foreach (var added in change.Added)
                {
                    output.WriteLine("  + " + added);
                }

                foreach (var removed in change.Removed)
                {
                    output.WriteLine("  - " + removed);
                }
            }

            output.WriteLine();
            output.WriteLine(Verdict(diff, failOn));
        }

        public static void WriteMarkdown(InventoryDiff diff, DiffFailOn failOn, TextWriter output)
        {
            output.WriteLine("### Model inventory changes");
            output.WriteLine();
            output.WriteLine($"`{Code(diff.Base.Path)}` → `{Code(diff.Head.Path)}`");
            output.WriteLine();
            if (diff.IsEmpty)
            {
                output.WriteLine("No change in models, vendors, origins, endpoints, endpoint operators or regions.");
            }
            else
            {
                output.WriteLine("| | added | removed |");
                output.WriteLine("|-|-|-|");
                foreach (var change in diff.All.Where(c => !c.IsEmpty))
                {
                    output.WriteLine($"| {change.Title} | {Cell(change.Added)} | {Cell(change.Removed)} |");
                }
            }

            output.WriteLine();
            var failures = diff.Failures(failOn);
            output.WriteLine(failures.Count == 0 ? "✅ " + Verdict(diff, failOn) : "❌ " + Verdict(diff, failOn));
        }

        private static string Verdict(InventoryDiff diff, DiffFailOn failOn)
        {
            var failures = diff.Failures(failOn);
            var option = "--fail-on " + Option(failOn);
            return failures.Count == 0
                ? $"Result: passes {option}."
                : $"Result: fails {option}: {string.Join("; ", failures)}.";
        }

        internal static string Option(DiffFailOn failOn) => failOn switch
        {
            DiffFailOn.None => "none",
            DiffFailOn.NewOrigin => "new-origin",
            DiffFailOn.NewVendor => "new-vendor",
            DiffFailOn.NewEndpoint => "new-endpoint",
            _ => "any",
        };

        private static string Cell(System.Collections.Generic.IReadOnlyList<string> items) =>
            items.Count == 0 ? string.Empty : string.Join("<br>", items.Select(Escape));

        private static string Escape(string text) => text.Replace("|", "\\|");

        private static string Code(string text) => text.Replace("`", "'");
    }
}
