using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using Json.Schema;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// The official CycloneDX 1.6 JSON schema (Schemas/cyclonedx, Apache-2.0), with the SPDX licence list and
    /// JSF signature schemas registered under the names its <c>$ref</c>s use.
    /// </summary>
    internal static class CycloneDxSchema
    {
        private const string Base = "http://cyclonedx.org/schema/";

        private static readonly Lazy<JsonSchema> Bom = new Lazy<JsonSchema>(Load);

        /// <summary>The validation errors, one per line ("" when the document is valid).</summary>
        public static string Validate(string json)
        {
            using var document = JsonDocument.Parse(json);
            var result = Bom.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = global::Json.Schema.OutputFormat.List });
            if (result.IsValid)
            {
                return string.Empty;
            }

            return string.Join(
                Environment.NewLine,
                ((System.Collections.Generic.IEnumerable<EvaluationResults>?)result.Details ?? Array.Empty<EvaluationResults>())
                    .Where(d => d.Errors != null)
                    .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}"))
                    .Take(20));
        }

        private static JsonSchema Load()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "Schemas", "cyclonedx");
            var registry = new SchemaRegistry();
            var options = new BuildOptions { SchemaRegistry = registry };
            var spdx = JsonSchema.FromFile(Path.Combine(folder, "spdx.SNAPSHOT.schema.json"), options);
            var jsf = JsonSchema.FromFile(Path.Combine(folder, "jsf-0.82.SNAPSHOT.schema.json"), options);

            // bom-1.6.SNAPSHOT.schema.json refers to them by their file names.
            registry.Register(new Uri(Base + "spdx.SNAPSHOT.schema.json"), spdx);
            registry.Register(new Uri(Base + "jsf-0.82.SNAPSHOT.schema.json"), jsf);
            return JsonSchema.FromFile(Path.Combine(folder, "bom-1.6.SNAPSHOT.schema.json"), options);
        }
    }
}
