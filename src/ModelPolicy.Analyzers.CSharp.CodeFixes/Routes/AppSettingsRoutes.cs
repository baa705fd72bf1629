using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Json;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>A route as appsettings.json has it (or as this fix will write it).</summary>
    internal sealed class RouteEntry
    {
        public RouteEntry(string name, string? model, string? endpoint)
        {
            Name = name;
            Model = model;
            Endpoint = endpoint;
        }

        public string Name { get; }

        public string? Model { get; set; }

        public string? Endpoint { get; set; }

        public string? Provider { get; set; }
    }

    /// <summary>The project's appsettings.json: the routes it has, and the edit that adds new ones.</summary>
    internal sealed class AppSettingsRoutes
    {
        public const string FileName = "appsettings.json";
        public const string SectionName = "ModelRoutes";

        private AppSettingsRoutes(TextDocument? document, string text, bool readable, Dictionary<string, RouteEntry> routes)
        {
            Document = document;
            Text = text;
            Readable = readable;
            Routes = routes;
        }

        /// <summary>The additional document, or null when the project has none (it will be created).</summary>
        public TextDocument? Document { get; }

        public string Text { get; }

        /// <summary>False when the file is not valid JSON: the fix is not offered rather than clobbering it.</summary>
        public bool Readable { get; }

        public Dictionary<string, RouteEntry> Routes { get; }

        public static async Task<AppSettingsRoutes> ReadAsync(Project project, CancellationToken cancellationToken)
        {
            var document = Find(project);
            var routes = new Dictionary<string, RouteEntry>(StringComparer.OrdinalIgnoreCase);
            if (document == null)
            {
                return new AppSettingsRoutes(null, string.Empty, readable: true, routes);
            }

            var text = (await document.GetTextAsync(cancellationToken).ConfigureAwait(false)).ToString();
            if (text.Trim('\uFEFF', ' ', '\t', '\r', '\n').Length == 0)
            {
                return new AppSettingsRoutes(document, text, readable: true, routes);
            }

            var parsed = JsonDocumentReader.Parse(text);
            if (!parsed.IsSuccess || parsed.Document!.Root is not JsonObject root)
            {
                return new AppSettingsRoutes(document, text, readable: false, routes);
            }

            if (root.GetProperty(SectionName, StringComparison.OrdinalIgnoreCase)?.Value is JsonObject section)
            {
                foreach (var property in section.Properties)
                {
                    var route = property.Value as JsonObject;
                    routes[property.Name] = new RouteEntry(
                        property.Name,
                        (route?.GetProperty("Model", StringComparison.OrdinalIgnoreCase)?.Value as JsonString)?.Value,
                        (route?.GetProperty("Endpoint", StringComparison.OrdinalIgnoreCase)?.Value as JsonString)?.Value);
                }
            }
            else if (root.GetProperty(SectionName, StringComparison.OrdinalIgnoreCase) != null)
            {
                return new AppSettingsRoutes(document, text, readable: false, routes);
            }

            return new AppSettingsRoutes(document, text, readable: true, routes);
        }

        /// <summary>appsettings.json of the project: the one in the project directory when there are several.</summary>
        public static TextDocument? Find(Project project)
        {
            var directory = ProjectDirectory(project);
            return project.AdditionalDocuments
                .Where(d => string.Equals(Path.GetFileName(d.FilePath ?? d.Name), FileName, StringComparison.OrdinalIgnoreCase))
                .OrderBy(d => directory != null && d.FilePath != null && string.Equals(Path.GetDirectoryName(d.FilePath), directory, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(d => d.FilePath?.Length ?? int.MaxValue)
                .FirstOrDefault();
        }

        public static string? ProjectDirectory(Project project)
        {
            if (!string.IsNullOrEmpty(project.FilePath))
            {
                return Path.GetDirectoryName(project.FilePath);
            }

            var first = project.Documents.Select(d => d.FilePath).Where(p => !string.IsNullOrEmpty(p)).OrderBy(p => p!.Length).FirstOrDefault();
            return first == null ? null : Path.GetDirectoryName(first);
        }

        /// <summary>The text with the new routes added, each property with a minimal edit.</summary>
        public string AddRoutes(IEnumerable<RouteEntry> added, string newLine)
        {
            var text = Text;
            var options = new JsonEditOptions { DefaultNewLine = newLine };
            foreach (var route in added)
            {
                foreach (var (key, value) in new[] { ("Model", route.Model), ("Endpoint", route.Endpoint), ("Provider", route.Provider) })
                {
                    if (value == null)
                    {
                        continue;
                    }

                    var result = JsonEditor.SetString(text, new[] { SectionName, route.Name, key }, value, options);
                    if (result.IsSuccess)
                    {
                        text = result.Text;
                    }
                }
            }

            return text;
        }
    }
}
