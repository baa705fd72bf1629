using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Cli.Inventory;

namespace ModelPolicy.Cli.Output
{
    /// <summary>
    /// The findings as SARIF 2.1.0: MP0001–MP0009 with their effective level, and each MP0010 inventory entry
    /// (level <c>none</c>) with its properties. Files are absolute <c>file://</c> URIs, as the compiler's own
    /// ErrorLog writes them, so code-scanning uploads can make them relative to the checkout.
    /// </summary>
    internal static class SarifWriter
    {
        public static void Write(InventoryReport report, TextWriter output)
        {
            var result = report.Result;
            var rules = result.Rules.ToList();
            var results = new JsonArray();
            foreach (var finding in result.Findings)
            {
                var entry = new JsonObject
                {
                    ["ruleId"] = finding.Id,
                    ["ruleIndex"] = rules.FindIndex(r => r.Id == finding.Id),
                    ["level"] = Level(finding.Level),
                    ["message"] = new JsonObject { ["text"] = finding.Message },
                };
                if (finding.Path.Length > 0)
                {
                    var region = new JsonObject { ["startLine"] = finding.Line, ["startColumn"] = finding.Column };
                    if (finding.EndLine > 0)
                    {
                        region["endLine"] = finding.EndLine;
                        region["endColumn"] = finding.EndColumn;
                    }

                    entry["locations"] = new JsonArray
                    {
                        new JsonObject
                        {
                            ["physicalLocation"] = new JsonObject
                            {
                                ["artifactLocation"] = new JsonObject { ["uri"] = FileUri(result.Root, finding.Path) },
                                ["region"] = region,
                            },
                        },
                    };
                }

                if (finding.Suppressed)
                {
                    entry["suppressions"] = new JsonArray { new JsonObject { ["kind"] = "inSource" } };
                }

                var properties = new JsonObject { ["project"] = finding.Project };
                foreach (var property in finding.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
                {
                    properties.Set(property.Key, property.Value);
                }

                // The third axis on every endpoint result, also from an analyzer that predates the Region property.
                if (finding.Kind == ValueKinds.Endpoint && finding.Property(DiagnosticProperties.Region) == null)
                {
                    var (region, cloudRegion) = InventoryReport.RegionOf(finding.Value, finding.Property(DiagnosticProperties.Vendor), null, null);
                    properties.Set(DiagnosticProperties.Region, region);
                    properties.Set(DiagnosticProperties.CloudRegion, cloudRegion);
                }

                entry["properties"] = properties;
                results.Add(entry);
            }

            var sarif = new JsonObject
            {
                ["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json",
                ["version"] = "2.1.0",
                ["runs"] = new JsonArray
                {
                    new JsonObject
                    {
                        ["tool"] = new JsonObject
                        {
                            ["driver"] = new JsonObject
                            {
                                ["name"] = ToolInfo.Name,
                                ["semanticVersion"] = ToolInfo.Version,
                                ["informationUri"] = ToolInfo.InformationUri,
                                ["rules"] = new JsonArray(rules.Select(Rule).ToArray()),
                            },
                        },
                        ["results"] = results,
                        ["properties"] = new JsonObject
                        {
                            ["inventory"] = result.Name,
                            ["projects"] = new JsonArray(result.Projects.Select(p => (JsonNode)JsonValue.Create(p)!).ToArray()),
                            ["loadWarnings"] = new JsonArray(result.LoadWarnings.Distinct(StringComparer.Ordinal).Select(w => (JsonNode)JsonValue.Create(w)!).ToArray()),
                        },
                    },
                },
            };
            JsonOutput.Write(sarif, output);
        }

        private static JsonNode Rule(RuleInfo rule) => new JsonObject
        {
            ["id"] = rule.Id,
            ["shortDescription"] = new JsonObject { ["text"] = rule.Title },
            ["fullDescription"] = new JsonObject { ["text"] = rule.Description },
            ["helpUri"] = rule.HelpUri,
            ["defaultConfiguration"] = new JsonObject { ["level"] = Level(rule.DefaultLevel) },
            ["properties"] = new JsonObject { ["category"] = "ModelPolicy" },
        };

        private static string FileUri(string root, string relative) => new Uri(Path.GetFullPath(Path.Combine(root, relative))).AbsoluteUri;

        private static string Level(FindingLevel level) => level switch
        {
            FindingLevel.Error => "error",
            FindingLevel.Warning => "warning",
            FindingLevel.Note => "note",
            _ => "none",
        };
    }
}
