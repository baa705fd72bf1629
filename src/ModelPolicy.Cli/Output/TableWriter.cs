using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Cli.Output
{
    /// <summary>
    /// The inventory as text: a models table, an endpoints table, the recorded suppressions and a count of
    /// findings per rule. Columns are explained in docs/inventory.md.
    /// </summary>
    internal static class TableWriter
    {
        public static void Write(InventoryReport report, TextWriter output)
        {
            var result = report.Result;
            var uses = report.Models.Sum(m => m.Uses.Count);
            output.WriteLine($"Models in {result.Name} ({Plural(report.Models.Count, "model id")}, {Plural(uses, "use")}, {Plural(result.Projects.Count, "project")})");
            output.WriteLine();
            if (report.Models.Count == 0)
            {
                output.WriteLine("  no hard-coded model id found");
            }
            else
            {
                var rows = new List<string[]> { new[] { "MODEL", "VENDOR", "ORIGIN", "OPEN WEIGHTS", "ENDPOINTS", "USES", "STATUS", "SUPPRESSIONS" } };
                foreach (var model in report.Models)
                {
                    rows.Add(new[]
                    {
                        model.AliasOf == null ? model.Id : model.Id + " (= " + model.AliasOf + ")",
                        model.Vendor ?? "?",
                        model.Country ?? "?",
                        model.OpenWeights == null ? "?" : model.OpenWeights.Value ? "yes" : "no",
                        model.Endpoints.Count == 0 ? "-" : string.Join(", ", model.Endpoints),
                        model.Uses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        InventoryReport.Describe(model.Status, model.Uses) + (Overrides(report).Any(o => o.Kind == "catalog-override" && o.Value == model.Id) ? " (overridden)" : string.Empty),
                        Suppressions(model.Suppressed),
                    });
                }

                WriteTable(output, rows);
            }

            output.WriteLine();
            output.WriteLine($"Endpoints ({Plural(report.Endpoints.Count, "host")})");
            output.WriteLine();
            if (report.Endpoints.Count == 0)
            {
                output.WriteLine("  no hard-coded provider endpoint found");
            }
            else
            {
                var rows = new List<string[]> { new[] { "HOST", "OPERATOR", "COUNTRY", "REGION", "USES", "STATUS", "SUPPRESSIONS" } };
                foreach (var endpoint in report.Endpoints)
                {
                    rows.Add(new[]
                    {
                        endpoint.Host,
                        endpoint.Operator ?? (IsLocal(endpoint.Host) ? "self-hosted" : "?"),
                        endpoint.Country ?? "-",
                        endpoint.Region == null ? "-" : endpoint.CloudRegion == null ? endpoint.Region : endpoint.Region + " (" + endpoint.CloudRegion + ")",
                        endpoint.Uses.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                        InventoryReport.Describe(endpoint.Status, endpoint.Uses),
                        Suppressions(endpoint.Suppressed),
                    });
                }

                WriteTable(output, rows);
            }

            if (report.Suppressions.Count > 0)
            {
                output.WriteLine();
                output.WriteLine($"Justified suppressions ({report.Suppressions.Count})");
                output.WriteLine();
                foreach (var suppression in report.Suppressions)
                {
                    output.WriteLine($"  {suppression.Path}:{suppression.Line}  {suppression.Value}: {suppression.Property(DiagnosticProperties.Justification)}");
                }
            }

            var recorded = Overrides(report).ToList();
            if (recorded.Count > 0)
            {
                output.WriteLine();
                output.WriteLine($"Catalog overrides and enforcement exceptions ({recorded.Count})");
                output.WriteLine();
                foreach (var entry in recorded)
                {
                    var detail = entry.Kind == "catalog-override"
                        ? $"{entry.Property(DiagnosticProperties.Vendor)}, {entry.Property(DiagnosticProperties.Country)} (built-in: {entry.Property(DiagnosticProperties.BuiltinAttribution)})"
                        : "exception";
                    output.WriteLine($"  {entry.Path}:{entry.Line}  {entry.Kind} {entry.Value}: {detail}; {entry.Property(DiagnosticProperties.Justification) ?? "no reason given"}");
                }
            }

            output.WriteLine();
            var counts = report.Diagnostics
                .GroupBy(f => f.Id)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} x{g.Count()}" + (g.Any(f => f.Suppressed) ? $" ({g.Count(f => f.Suppressed)} suppressed)" : string.Empty));
            output.WriteLine("Findings: " + (report.Diagnostics.Any() ? string.Join(", ", counts) : "none"));
            var violations = report.Violations.Where(v => v.Id != RuleIdentifiers.Inventory).ToList();
            output.WriteLine(violations.Count == 0
                ? "Policy: no violation"
                : $"Policy: {Plural(violations.Count, "violation")} ({string.Join(", ", violations.Select(v => $"{v.Id} {v.Path}:{v.Line}"))})");
        }

        /// <summary>The MP0010 entries of catalog overrides (MP0011) and enforcement exceptions (MP0012).</summary>
        private static IEnumerable<Finding> Overrides(InventoryReport report) =>
            report.Result.Findings.Where(f => f.Id == RuleIdentifiers.Inventory && (f.Kind == ValueKinds.CatalogOverride || f.Kind == ValueKinds.EnforcementException));

        private static string Suppressions(IEnumerable<Use> suppressed)
        {
            var texts = suppressed
                .Select(u => (u.Entry.Property(DiagnosticProperties.FindingId) ?? "?") + ": " + (u.Justification ?? "no recorded reason"))
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return texts.Count == 0 ? string.Empty : string.Join("; ", texts);
        }

        internal static bool IsLocal(string host) =>
            host == "localhost" || host.StartsWith("127.", StringComparison.Ordinal) || host == "[::1]" || host == "::1" || host == "0.0.0.0";

        private static string Plural(int count, string noun) => count + " " + noun + (count == 1 ? string.Empty : "s");

        private static void WriteTable(TextWriter output, List<string[]> rows)
        {
            var widths = new int[rows[0].Length];
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            foreach (var row in rows)
            {
                var cells = row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]));
                output.WriteLine(("  " + string.Join("  ", cells)).TrimEnd());
            }
        }
    }
}
