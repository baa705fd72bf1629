using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Rules;
using ModelPolicy.Catalog;
using ModelPolicy.Json;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>
    /// The verdict pipeline's front end for configuration files: model ids and endpoints in <c>appsettings*.json</c> (and JSON
    /// files added with <c>ModelPolicyConfig="true"</c>), under the policy of the folder the file sits in, judged by the same
    /// <see cref="VerdictPipeline"/> as code and reported at the value's line and column (MP0006, MP0010); the file's routes
    /// go to <see cref="MP0007Diversification.CheckRoutes"/>; a file that is not valid JSON is one MP0008 at its first error.
    /// </summary>
    internal sealed class ConfigurationFrontEnd
    {
        public const string ConfigMetadata = "build_metadata.AdditionalFiles.ModelPolicyConfig";

        private readonly AdditionalText file;
        private readonly SourceText text;
        private readonly VerdictPipeline pipeline;
        private readonly ModelPolicySettings policy;
        private readonly Action<Diagnostic> report;

        private ConfigurationFrontEnd(AdditionalText file, SourceText text, VerdictPipeline pipeline, ModelPolicySettings policy, Action<Diagnostic> report)
        {
            this.file = file;
            this.text = text;
            this.pipeline = pipeline;
            this.policy = policy;
            this.report = report;
        }

        public static bool IsConfigurationFile(AdditionalText file, AnalyzerConfigOptionsProvider options)
        {
            var name = Path.GetFileName(file.Path);
            if (name.StartsWith("appsettings", StringComparison.OrdinalIgnoreCase) && name.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return options.GetOptions(file).TryGetValue(ConfigMetadata, out var flag) && string.Equals(flag, "true", StringComparison.OrdinalIgnoreCase);
        }

        public static void Scan(AdditionalText file, Compilation compilation, CompilationState state, VerdictPipeline pipeline, AnalyzerConfigOptionsProvider options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (!IsConfigurationFile(file, options) || file.GetText(cancellationToken) is not { } text)
            {
                return;
            }

            var parsed = JsonDocumentReader.Parse(text.ToString());
            if (!parsed.IsSuccess)
            {
                state.ReportAtEnd(MP0008InvalidPolicy.MalformedJson(file.Path, text, parsed.Error!));
                return;
            }

            var policy = state.Policies.For(file, compilation);
            var front = new ConfigurationFrontEnd(file, text, pipeline, policy, report);
            front.Walk(parsed.Document!.Root);
            if (parsed.Document.Root is JsonObject root && root.GetProperty(MP0007Diversification.RoutesSection, StringComparison.OrdinalIgnoreCase)?.Value is JsonObject routes)
            {
                MP0007Diversification.CheckRoutes(routes, state.Catalog, policy, front.LocationOf, state.ReportAtEnd);
            }
        }

        private void Walk(JsonNode root)
        {
            // Iterative: a configuration file may nest deeply; the reader bounds the depth, we never recurse.
            var stack = new Stack<(JsonNode Node, string Path)>();
            stack.Push((root, string.Empty));
            while (stack.Count > 0)
            {
                var (node, path) = stack.Pop();
                switch (node)
                {
                    case JsonObject obj:
                        foreach (var property in obj.Properties)
                        {
                            var childPath = path.Length == 0 ? property.Name : path + ":" + property.Name;
                            if (property.Value is JsonString value)
                            {
                                ReportValue(property.Name, value, childPath);
                            }
                            else
                            {
                                stack.Push((property.Value, childPath));
                            }
                        }

                        break;
                    case JsonArray array:
                        for (var i = 0; i < array.Items.Count; i++)
                        {
                            var item = array.Items[i];
                            if (item is JsonString value)
                            {
                                // A string in a list is a route name or plain data; only a URL is judged.
                                ReportUrl(value, path + ":" + i, endpointKey: false);
                            }
                            else
                            {
                                stack.Push((item, path + ":" + i));
                            }
                        }

                        break;
                }
            }
        }

        private void ReportValue(string key, JsonString value, string path)
        {
            var id = value.Value;
            if (PositionNames.IsModelName(key) && UrlText.SchemeLength(id, 0, id.Length) == 0)
            {
                if (ModelIdShape.IsPlausible(id))
                {
                    var finding = pipeline.JudgeModel(id, pipeline.Catalog.MatchModel(id), policy, key);
                    pipeline.ReportInConfiguration(finding, LocationOf(value), path, policy, report);
                }

                return;
            }

            ReportUrl(value, path, endpointKey: PositionNames.IsEndpointName(key));
        }

        /// <param name="endpointKey">The key names an endpoint: a host the catalog does not know counts too.</param>
        private void ReportUrl(JsonString value, string path, bool endpointKey)
        {
            var url = value.Value;
            if (!UrlText.TryGetHost(url, 0, url.Length, out var hostStart, out var hostLength, out _))
            {
                return;
            }

            var entry = pipeline.Catalog.MatchHost(url, hostStart, hostLength);
            if (entry == null && !endpointKey)
            {
                return;
            }

            var host = url.Substring(hostStart, hostLength).ToLowerInvariant();
            var finding = pipeline.JudgeEndpoint(host, entry, UrlText.IsLocalHost(url, hostStart, hostLength), policy, path);
            pipeline.ReportInConfiguration(finding, LocationOf(value), path, policy, report);
        }

        private Location LocationOf(JsonNode node)
        {
            var start = Math.Min(node.Start, text.Length);
            var span = new TextSpan(start, Math.Max(0, Math.Min(node.Length, text.Length - start)));
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
