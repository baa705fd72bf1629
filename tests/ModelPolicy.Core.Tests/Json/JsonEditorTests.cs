using ModelPolicy.Json;
using Xunit;

namespace ModelPolicy.Tests.Json
{
    public class JsonEditorTests
    {
        private static readonly string[] ChatModel = { "ModelRoutes", "chat", "Model" };

        private static string Set(string text, string[] path, string value)
        {
            var result = JsonEditor.SetString(text, path, value);
            Assert.True(result.IsSuccess, result.Failure);
            Assert.True(JsonDocumentReader.Parse(result.Text).IsSuccess, result.Text);
            return result.Text;
        }

        [Fact]
        public void AnEmptyDocumentBecomesAnObject()
        {
            Assert.Equal("{\n  \"ModelRoutes\": {\n    \"chat\": {\n      \"Model\": \"gpt-4o\"\n    }\n  }\n}\n", Set(string.Empty, ChatModel, "gpt-4o"));
            Assert.Equal("\uFEFF{\n  \"A\": \"x\"\n}\n", Set("\uFEFF  \n", new[] { "A" }, "x"));
        }

        [Fact]
        public void AddsASectionAfterTheLastPropertyKeepingCommentsAndIndentation()
        {
            var text = "{\n    // logging\n    \"Logging\": {\n        \"LogLevel\": { \"Default\": \"Information\" }\n    }, /* kept */\n    \"AllowedHosts\": \"*\" // hosts\n}\n";
            var expected = "{\n    // logging\n    \"Logging\": {\n        \"LogLevel\": { \"Default\": \"Information\" }\n    }, /* kept */\n    \"AllowedHosts\": \"*\", // hosts\n    \"ModelRoutes\": {\n        \"chat\": {\n            \"Model\": \"gpt-4o\"\n        }\n    }\n}\n";
            Assert.Equal(expected, Set(text, ChatModel, "gpt-4o"));
        }

        [Fact]
        public void MergesIntoAnExistingSectionIgnoringCase()
        {
            var text = "{\n  \"modelRoutes\": {\n    \"chat\": { \"Model\": \"gpt-4o\" }\n  }\n}";
            var first = Set(text, new[] { "ModelRoutes", "embedding", "Model" }, "text-embedding-3-small");
            Assert.Equal("{\n  \"modelRoutes\": {\n    \"chat\": { \"Model\": \"gpt-4o\" },\n    \"embedding\": {\n      \"Model\": \"text-embedding-3-small\"\n    }\n  }\n}", first);
            var second = Set(first, new[] { "ModelRoutes", "Embedding", "Provider" }, "openai");
            Assert.Equal("{\n  \"modelRoutes\": {\n    \"chat\": { \"Model\": \"gpt-4o\" },\n    \"embedding\": {\n      \"Model\": \"text-embedding-3-small\",\n      \"Provider\": \"openai\"\n    }\n  }\n}", second);
            var third = Set(second, new[] { "ModelRoutes", "chat", "Provider" }, "openai");
            Assert.Contains("\"chat\": { \"Model\": \"gpt-4o\", \"Provider\": \"openai\" },", third);
        }

        [Fact]
        public void ReplacesAnExistingValueOnly()
        {
            var result = JsonEditor.SetString("{ \"A\": { \"B\": 1 } }", new[] { "A", "B" }, "x");
            Assert.Equal("{ \"A\": { \"B\": \"x\" } }", result.Text);
            Assert.Single(result.Edits);
            Assert.Equal(new JsonTextEdit(14, 1, "\"x\""), result.Edits[0]);
        }

        [Fact]
        public void KeepsTrailingCommasAndCrLf()
        {
            var text = "{\r\n\t\"A\": 1,\r\n}\r\n";
            Assert.Equal("{\r\n\t\"A\": 1,\r\n\t\"B\": {\r\n\t\t\"C\": \"x\"\r\n\t},\r\n}\r\n", Set(text, new[] { "B", "C" }, "x"));
        }

        [Fact]
        public void FillsEmptyObjects()
        {
            Assert.Equal("{\n  \"A\": \"x\"\n}", Set("{}", new[] { "A" }, "x"));
            Assert.Equal("{\n  \"R\": {\n    \"A\": \"x\"\n  }\n}", Set("{\n  \"R\": { }\n}", new[] { "R", "A" }, "x"));
            Assert.Equal("{\n  // routes go here\n  \"A\": \"x\"\n}", Set("{\n  // routes go here\n}", new[] { "A" }, "x"));
        }

        [Fact]
        public void RefusesWhatItCannotEdit()
        {
            Assert.False(JsonEditor.SetString("{ \"A\": ", new[] { "A" }, "x").IsSuccess);
            Assert.NotNull(JsonEditor.SetString("{ \"A\": ", new[] { "A" }, "x").ParseError);
            Assert.Equal("The document's root is not an object.", JsonEditor.SetString("[]", new[] { "A" }, "x").Failure);
            Assert.Equal("'ModelRoutes' is not an object.", JsonEditor.SetString("{ \"ModelRoutes\": \"x\" }", ChatModel, "x").Failure);
        }

        [Fact]
        public void QuotesStrings()
        {
            Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", JsonEditor.Quote("a\"b\\c\n\u0001"));
            Assert.Equal("\"C:\\\\models\\\\x.gguf\"", JsonEditor.Quote(@"C:\models\x.gguf"));
        }
    }
}
