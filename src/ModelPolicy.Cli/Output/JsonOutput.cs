using System.IO;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ModelPolicy.Cli.Output
{
    internal static class JsonOutput
    {
        private static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // "+" and "'" as they are; the output is a file, not HTML
        };

        public static void Write(JsonNode node, TextWriter output)
        {
            output.Write(node.ToJsonString(Options));
            output.WriteLine();
        }

        /// <summary>Adds a property only when it has a value.</summary>
        public static void Set(this JsonObject target, string name, JsonNode? value)
        {
            if (value != null)
            {
                target[name] = value;
            }
        }
    }
}
