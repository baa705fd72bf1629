using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Cli.Output
{
    /// <summary>
    /// The inventory as a CycloneDX 1.6 ML-BOM: each model id a <c>machine-learning-model</c> component whose
    /// supplier is the vendor that made the weights (with its country), each endpoint host a service whose
    /// provider is the host's operator, and dependencies from the solution and its projects to both.
    /// </summary>
    internal static class CycloneDxWriter
    {
        public const string PropertyPrefix = "modelpolicy:";

        public static void Write(InventoryReport report, TextWriter output, DateTimeOffset? now = null, Guid? serial = null)
        {
            var result = report.Result;
            var singleProject = result.SolutionPath == null && result.Projects.Count == 1;
            var rootRef = singleProject ? ProjectRef(result.Projects[0]) : "solution:" + result.Name;
            var root = new JsonObject
            {
                ["type"] = "application",
                ["bom-ref"] = rootRef,
                ["name"] = singleProject ? result.Projects[0] : result.Name,
            };
            if (result.SolutionPath != null)
            {
                root["properties"] = Properties(("solution", Path.GetFileName(result.SolutionPath)));
            }

            var components = new JsonArray();
            var dependencies = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal) { [rootRef] = new SortedSet<string>(StringComparer.Ordinal) };
            if (!singleProject)
            {
                foreach (var project in result.Projects)
                {
                    components.Add(new JsonObject { ["type"] = "application", ["bom-ref"] = ProjectRef(project), ["name"] = project });
                    dependencies[rootRef].Add(ProjectRef(project));
                    dependencies[ProjectRef(project)] = new SortedSet<string>(StringComparer.Ordinal);
                }
            }

            void DependOn(IEnumerable<Use> uses, string target)
            {
                foreach (var project in uses.Select(u => u.Entry.Project).Distinct())
                {
                    var from = singleProject || !dependencies.ContainsKey(ProjectRef(project)) ? rootRef : ProjectRef(project);
                    dependencies[from].Add(target);
                }
            }

            foreach (var model in report.Models)
            {
                components.Add(Model(model));
                DependOn(model.Uses, ModelRef(model.Id));
            }

            var services = new JsonArray();
            foreach (var endpoint in report.Endpoints)
            {
                services.Add(Service(endpoint));
                DependOn(endpoint.Uses, ServiceRef(endpoint.Host));
            }

            var bom = new JsonObject
            {
                ["bomFormat"] = "CycloneDX",
                ["specVersion"] = "1.6",
                ["serialNumber"] = "urn:uuid:" + (serial ?? Guid.NewGuid()).ToString("D"),
                ["version"] = 1,
                ["metadata"] = new JsonObject
                {
                    ["timestamp"] = (now ?? DateTimeOffset.UtcNow).ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                    ["tools"] = new JsonObject
                    {
                        ["components"] = new JsonArray
                        {
                            new JsonObject
                            {
                                ["type"] = "application",
                                ["group"] = "ModelPolicy",
                                ["name"] = ToolInfo.Name,
                                ["version"] = ToolInfo.Version,
                                ["purl"] = "pkg:nuget/" + ToolInfo.PackageId + "@" + ToolInfo.Version,
                                ["externalReferences"] = new JsonArray { new JsonObject { ["type"] = "website", ["url"] = ToolInfo.InformationUri } },
                            },
                        },
                    },
                    ["component"] = root,
                },
                ["components"] = components,
                ["services"] = services,
                ["dependencies"] = new JsonArray(dependencies
                    .OrderBy(d => d.Key == rootRef ? 0 : 1)
                    .ThenBy(d => d.Key, StringComparer.Ordinal)
                    .Select(d => (JsonNode)new JsonObject { ["ref"] = d.Key, ["dependsOn"] = new JsonArray(d.Value.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()) })
                    .ToArray()),
            };
            JsonOutput.Write(bom, output);
        }

        public static string ModelRef(string id) => "model:" + id;

        public static string ServiceRef(string host) => "endpoint:" + host.ToLowerInvariant();

        private static string ProjectRef(string name) => "project:" + name;

        private static JsonObject Model(ModelRow model)
        {
            var component = new JsonObject { ["type"] = "machine-learning-model", ["bom-ref"] = ModelRef(model.Id) };
            if (model.Vendor != null)
            {
                component["supplier"] = Organization(model.Vendor, model.Country);
                component["group"] = model.Vendor;
            }

            component["name"] = model.Id;
            component["description"] = model.Vendor == null
                ? "Not in the ModelPolicy catalog: its maker and origin are unknown."
                : $"{(model.AliasOf == null ? string.Empty : "Alias of " + model.AliasOf + "; ")}{model.Vendor}, {model.Country}, {(model.OpenWeights == true ? "open" : "closed")} weights" +
                  (model.Family == null ? string.Empty : $" (family {model.Family})");
            var worst = model.Uses.First(u => u.Status == model.Status);
            component["evidence"] = new JsonObject
            {
                ["occurrences"] = new JsonArray(model.Uses.Select(Occurrence).ToArray()),
            };
            if (model.ModelKind != null)
            {
                component["modelCard"] = new JsonObject
                {
                    ["modelParameters"] = new JsonObject { ["task"] = Task(model.ModelKind) },
                    ["properties"] = Properties(("modelKind", model.ModelKind)),
                };
            }

            component["properties"] = Properties(
                ("status", model.Status),
                ("reason", worst.Reason),
                ("rule", worst.Entry.Property(DiagnosticProperties.PolicyKey)),
                ("origin", model.Country),
                ("modelOrigin", model.Country),
                ("endpointJurisdiction", model.EndpointCountries.Count == 0 ? null : string.Join(", ", model.EndpointCountries)),
                ("endpointRegion", model.EndpointRegions.Count == 0 ? null : string.Join(", ", model.EndpointRegions)),
                ("openWeights", model.OpenWeights == null ? null : model.OpenWeights.Value ? "true" : "false"),
                ("family", model.Family),
                ("aliasOf", model.AliasOf),
                ("uses", model.Uses.Count.ToString(CultureInfo.InvariantCulture)),
                ("endpoints", model.Endpoints.Count == 0 ? null : string.Join(", ", model.Endpoints)),
                ("suppression", Justifications(model.Suppressed)));
            return component;
        }

        private static JsonObject Service(EndpointRow endpoint)
        {
            var local = TableWriter.IsLocal(endpoint.Host);
            var service = new JsonObject { ["bom-ref"] = ServiceRef(endpoint.Host) };
            if (endpoint.Operator != null)
            {
                service["provider"] = Organization(endpoint.Operator, endpoint.Country);
            }

            service["name"] = endpoint.Host;
            service["description"] = endpoint.Operator == null
                ? (local ? "Self-hosted model server." : "Host not in the ModelPolicy catalog.")
                : $"AI provider endpoint run by {endpoint.Operator}, {endpoint.Country}; region {endpoint.Region ?? "unknown"}.";
            service["endpoints"] = new JsonArray((local ? "http://" : "https://") + endpoint.Host);
            service["x-trust-boundary"] = !local; // prompts leave the process's machine
            if (local)
            {
                service["trustZone"] = "self-hosted";
            }

            var worst = endpoint.Uses.First(u => u.Status == endpoint.Status);
            var properties = Properties(
                ("status", endpoint.Status),
                ("reason", worst.Reason),
                ("rule", worst.Entry.Property(DiagnosticProperties.PolicyKey)),
                ("origin", endpoint.Country),
                ("endpointJurisdiction", endpoint.Country),
                ("endpointRegion", endpoint.Region),
                ("cloudRegion", endpoint.CloudRegion),
                ("uses", endpoint.Uses.Count.ToString(CultureInfo.InvariantCulture)),
                ("suppression", Justifications(endpoint.Suppressed)));
            foreach (var use in endpoint.Uses)
            {
                properties.Add(new JsonObject { ["name"] = PropertyPrefix + "occurrence", ["value"] = use.Entry.Path + ":" + use.Entry.Line.ToString(CultureInfo.InvariantCulture) });
            }

            service["properties"] = properties;
            return service;
        }

        private static JsonNode Occurrence(Use use)
        {
            var occurrence = new JsonObject { ["location"] = use.Entry.Path, ["line"] = use.Entry.Line };
            occurrence.Set("symbol", use.Entry.Property(DiagnosticProperties.Position));
            occurrence["additionalContext"] = $"project {use.Entry.Project}; {use.Entry.Property(DiagnosticProperties.FindingId)}; {use.Status}" +
                (use.Reason == null ? string.Empty : " (" + use.Reason + ")") +
                (use.Justification == null ? string.Empty : "; suppressed: " + use.Justification);
            return occurrence;
        }

        private static JsonObject Organization(string name, string? country)
        {
            var organization = new JsonObject { ["name"] = name };
            if (country != null)
            {
                organization["address"] = new JsonObject { ["country"] = country };
            }

            return organization;
        }

        /// <summary>The catalog's kind as a task name (Hugging Face's where one fits).</summary>
        private static string Task(string kind) => kind switch
        {
            "chat" => "text-generation",
            "reasoning" => "text-generation",
            "code" => "text-generation",
            "embedding" => "feature-extraction",
            "rerank" => "text-ranking",
            "image" => "text-to-image",
            "audio" => "audio",
            "moderation" => "text-classification",
            _ => kind,
        };

        private static string? Justifications(IEnumerable<Use> suppressed)
        {
            var texts = suppressed.Select(u => (u.Entry.Property(DiagnosticProperties.FindingId) ?? "?") + ": " + (u.Justification ?? "no recorded reason")).Distinct(StringComparer.Ordinal).ToList();
            return texts.Count == 0 ? null : string.Join("; ", texts);
        }

        private static JsonArray Properties(params (string Name, string? Value)[] properties) =>
            new JsonArray(properties
                .Where(p => p.Value != null)
                .Select(p => (JsonNode)new JsonObject { ["name"] = PropertyPrefix + p.Name, ["value"] = p.Value })
                .ToArray());
    }
}
