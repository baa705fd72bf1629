using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Json;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>
    /// MP0006 and MP0007 for configuration files: model ids and endpoints in <c>appsettings*.json</c> (and JSON
    /// files added with <c>ModelPolicyConfig="true"</c>) under the policy of the folder the file sits in, reported
    /// at the value's line and column; routes whose primary and fallbacks share one vendor or origin. A file that
    /// is not valid JSON gets one MP0008 at its first error.
    /// </summary>
    internal sealed class ConfigurationFileScanner
    {
        public const string ConfigMetadata = "build_metadata.AdditionalFiles.ModelPolicyConfig";
        private const string RoutesSection = "ModelRoutes";

        private readonly AdditionalText file;
        private readonly SourceText text;
        private readonly PolicyCache cache;
        private readonly ModelPolicySettings policy;
        private readonly Action<Diagnostic> report;

        private ConfigurationFileScanner(AdditionalText file, SourceText text, PolicyCache cache, ModelPolicySettings policy, Action<Diagnostic> report)
        {
            this.file = file;
            this.text = text;
            this.cache = cache;
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

        public static void Scan(AdditionalText file, Compilation compilation, PolicyCache cache, AnalyzerConfigOptionsProvider options, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            if (!IsConfigurationFile(file, options))
            {
                return;
            }

            var text = file.GetText(cancellationToken);
            if (text == null)
            {
                return;
            }

            var parsed = JsonDocumentReader.Parse(text.ToString());
            if (!parsed.IsSuccess)
            {
                var error = parsed.Error!;
                var start = Math.Min(error.Offset, text.Length);
                var span = new TextSpan(start, start < text.Length ? 1 : 0);
                report(Diagnostic.Create(
                    Rules.InvalidPolicy,
                    Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span)),
                    file.Path + "(" + error.Line + "," + error.Column + ") is not valid JSON, so its model ids and endpoints cannot be judged: " + error.Message));
                return;
            }

            var policy = cache.GetPolicy(file, compilation);
            new ConfigurationFileScanner(file, text, cache, policy, report).Walk(parsed.Document!.Root);
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
                                JudgeValue(property.Name, value, childPath);
                            }
                            else
                            {
                                stack.Push((property.Value, childPath));
                            }
                        }

                        if (path.Length == 0 && obj.GetProperty(RoutesSection, StringComparison.OrdinalIgnoreCase)?.Value is JsonObject routes)
                        {
                            CheckRoutes(routes);
                        }

                        break;
                    case JsonArray array:
                        for (var i = 0; i < array.Items.Count; i++)
                        {
                            var item = array.Items[i];
                            if (item is JsonString value)
                            {
                                // A string in a list is a route name or plain data; only a URL is judged.
                                JudgeUrl(value, path + ":" + i, strong: false);
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

        private void JudgeValue(string key, JsonString value, string path)
        {
            var id = value.Value;
            if (PositionNames.IsModelName(key) && UrlText.SchemeLength(id, 0, id.Length) == 0)
            {
                if (!ModelIdShape.IsPlausible(id))
                {
                    return;
                }

                var match = cache.Catalog.MatchModel(id);
                cache.RecordModelUse(match);
                var verdict = PolicyEvaluator.EvaluateModel(policy, id, match);
                var described = match == null ? "not in the catalog" : Findings.Describe(match);
                Report("Model", id, described, path, verdict, Findings.ModelProperties(id, match, verdict, key), value);
                return;
            }

            JudgeUrl(value, path, strong: PositionNames.IsEndpointName(key));
        }

        private void JudgeUrl(JsonString value, string path, bool strong)
        {
            var url = value.Value;
            if (!UrlText.TryGetHost(url, 0, url.Length, out var hostStart, out var hostLength, out _))
            {
                return;
            }

            var entry = cache.Catalog.MatchHost(url, hostStart, hostLength);
            if (entry == null && !strong)
            {
                return;
            }

            var host = url.Substring(hostStart, hostLength).ToLowerInvariant();
            var verdict = PolicyEvaluator.EvaluateEndpoint(policy, host, entry);
            var described = Findings.DescribeEndpoint(entry, UrlText.IsLocalHost(url, hostStart, hostLength));
            Report("Endpoint", host, described, path, verdict, Findings.EndpointProperties(host, entry, verdict, path), value);
        }

        private void Report(string what, string value, string described, string path, Verdict verdict, System.Collections.Immutable.ImmutableDictionary<string, string?> properties, JsonNode node)
        {
            var location = LocationOf(node);
            if (verdict.IsDenied)
            {
                var finding = Diagnostic.Create(
                    Rules.ConfigurationNotAllowed,
                    location,
                    policy.IsRegulated ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
                    null,
                    properties,
                    what,
                    value,
                    described,
                    path,
                    verdict.Reason);
                report(finding);
                report(Findings.Inventory(finding, verdict));
            }
            else
            {
                report(Findings.Inventory(location, properties, verdict, RuleIdentifiers.ConfigurationNotAllowed));
            }
        }

        /// <summary>MP0007: a route whose primary and fallbacks are all from one vendor, or one origin.</summary>
        private void CheckRoutes(JsonObject routes)
        {
            if (policy.Diversification == Diversification.Off)
            {
                return;
            }

            foreach (var route in routes.Properties)
            {
                if (route.Value is not JsonObject body)
                {
                    continue;
                }

                var backends = new List<ModelMatch>();
                var fallbacks = 0;
                AddBackend(body, backends);
                if (body.GetProperty("Fallbacks", StringComparison.OrdinalIgnoreCase)?.Value is JsonArray list)
                {
                    foreach (var item in list.Items)
                    {
                        fallbacks++;
                        if (item is JsonObject inline)
                        {
                            AddBackend(inline, backends);
                        }
                        else if (item is JsonString name && routes.GetProperty(name.Value, StringComparison.OrdinalIgnoreCase)?.Value is JsonObject named)
                        {
                            AddBackend(named, backends);
                        }
                    }
                }

                // Without fallbacks a route cannot fail over at all; that is reported only where the team asked for it.
                if (backends.Count == 0 || (fallbacks == 0 && !policy.DiversificationExplicit))
                {
                    continue;
                }

                string? message = null;
                if (policy.Diversification == Diversification.Vendor || policy.Diversification == Diversification.Origin)
                {
                    if (backends.Select(b => b.Vendor.Name).Distinct().Count() == 1)
                    {
                        message = "Route '" + route.Name + "' " + (fallbacks == 0 ? "has no fallback" : "fails over only within " + backends[0].Vendor.Name) + ": add a fallback from another vendor";
                    }

                    if (message == null && policy.Diversification == Diversification.Origin && backends.Select(b => b.Country).Distinct().Count() == 1)
                    {
                        message = "Route '" + route.Name + "' fails over only within origin " + backends[0].Country + ": add a fallback from another country";
                    }
                }

                if (message != null)
                {
                    report(Diagnostic.Create(Rules.Diversification, LocationOf(route.NameNode), message));
                }
            }
        }

        private void AddBackend(JsonObject backend, List<ModelMatch> into)
        {
            foreach (var property in backend.Properties)
            {
                if (property.Value is JsonString id && PositionNames.IsModelName(property.Name) && cache.Catalog.MatchModel(id.Value) is { } match)
                {
                    into.Add(match);
                    return;
                }
            }
        }

        private Location LocationOf(JsonNode node)
        {
            var start = Math.Min(node.Start, text.Length);
            var span = new TextSpan(start, Math.Max(0, Math.Min(node.Length, text.Length - start)));
            return Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
        }
    }
}
