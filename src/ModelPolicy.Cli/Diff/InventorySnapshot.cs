using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using ModelPolicy.Cli.Output;

namespace ModelPolicy.Cli.Diff
{
    /// <summary>A model of an inventory: its id, who made it and the maker's country.</summary>
    internal sealed record SnapshotModel(string Id, string? Vendor, string? Origin);

    /// <summary>An endpoint of an inventory: its host, who runs it, the operator's country and the host's region.</summary>
    internal sealed record SnapshotEndpoint(string Host, string? Operator, string? Country, string? Region);

    /// <summary>A file that is not an inventory the tool wrote; the message names the file and why.</summary>
    internal sealed class InventoryFileException : Exception
    {
        public InventoryFileException(string message)
            : base(message)
        {
        }
    }

    /// <summary>
    /// What <c>modelpolicy diff</c> compares, read off a CycloneDX inventory that <c>modelpolicy inventory --format cyclonedx</c>
    /// wrote: the <c>machine-learning-model</c> components (supplier name and country) and the services (provider name
    /// and country, <c>modelpolicy:endpointRegion</c>).
    /// </summary>
    internal sealed class InventorySnapshot
    {
        private InventorySnapshot(string path, IReadOnlyList<SnapshotModel> models, IReadOnlyList<SnapshotEndpoint> endpoints)
        {
            Path = path;
            Models = models;
            Endpoints = endpoints;
        }

        public string Path { get; }

        public IReadOnlyList<SnapshotModel> Models { get; }

        public IReadOnlyList<SnapshotEndpoint> Endpoints { get; }

        public static InventorySnapshot Read(string path)
        {
            string text;
            try
            {
                text = File.ReadAllText(path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                throw new InventoryFileException(path + ": cannot be read: " + e.Message);
            }

            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new InventoryFileException(path + ": not an inventory: not JSON (" + e.Message + ")");
            }

            using (document)
            {
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object || String(root, "bomFormat") != "CycloneDX")
                {
                    throw new InventoryFileException(path + ": not an inventory: not a CycloneDX BOM (no \"bomFormat\": \"CycloneDX\"); write one with 'modelpolicy inventory --format cyclonedx'");
                }

                if (!WrittenByTheTool(root))
                {
                    throw new InventoryFileException(path + ": not an inventory: a CycloneDX BOM that " + ToolInfo.Name + " did not write (metadata.tools names no " + ToolInfo.Name + ")");
                }

                var models = new List<SnapshotModel>();
                foreach (var component in Array(root, "components"))
                {
                    if (String(component, "type") != "machine-learning-model" || String(component, "name") is not { } id)
                    {
                        continue;
                    }

                    var supplier = Object(component, "supplier");
                    models.Add(new SnapshotModel(id, supplier == null ? null : String(supplier.Value, "name"), Country(supplier) ?? Property(component, "modelOrigin") ?? Property(component, "origin")));
                }

                var endpoints = new List<SnapshotEndpoint>();
                foreach (var service in Array(root, "services"))
                {
                    if (String(service, "name") is not { } host)
                    {
                        continue;
                    }

                    var provider = Object(service, "provider");
                    endpoints.Add(new SnapshotEndpoint(host, provider == null ? null : String(provider.Value, "name"), Country(provider) ?? Property(service, "endpointJurisdiction"), Property(service, "endpointRegion")));
                }

                return new InventorySnapshot(path, models, endpoints);
            }
        }

        private static bool WrittenByTheTool(JsonElement root)
        {
            var tools = Object(root, "metadata") is { } metadata ? Object(metadata, "tools") : null;
            return tools != null && Array(tools.Value, "components").Any(t => String(t, "name") == ToolInfo.Name);
        }

        private static string? Country(JsonElement? organization) =>
            organization != null && Object(organization.Value, "address") is { } address ? String(address, "country") : null;

        private static string? Property(JsonElement element, string name) =>
            Array(element, "properties").Where(p => String(p, "name") == CycloneDxWriter.PropertyPrefix + name).Select(p => String(p, "value")).FirstOrDefault(v => v != null);

        private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array
                ? value.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.Object).ToList()
                : Enumerable.Empty<JsonElement>();

        private static JsonElement? Object(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Object ? value : null;

        private static string? String(JsonElement element, string name) =>
            element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
