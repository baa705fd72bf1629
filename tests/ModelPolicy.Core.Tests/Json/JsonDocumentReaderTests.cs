using System.Linq;
using System.Text;
using ModelPolicy.Json;
using Xunit;

namespace ModelPolicy.Tests.Json
{
    public class JsonDocumentReaderTests
    {
        private static JsonDocument Read(string text)
        {
            var result = JsonDocumentReader.Parse(text);
            Assert.True(result.IsSuccess, result.Error?.ToString());
            return result.Document!;
        }

        private static JsonParseError Fail(string text, JsonReaderOptions? options = null)
        {
            var result = JsonDocumentReader.Parse(text, options);
            Assert.False(result.IsSuccess);
            Assert.Null(result.Document);
            return result.Error!;
        }

        [Fact]
        public void ReadsValuesWithTheirPositions()
        {
            var text = "{\n  \"Logging\": { \"Level\": \"Information\" },\n  \"Retries\": 3,\n  \"On\": true,\n  \"Off\": false,\n  \"None\": null,\n  \"List\": [1, -2.5e3, \"x\"]\n}\n";
            var root = (JsonObject)Read(text).Root;
            Assert.Equal(new[] { "Logging", "Retries", "On", "Off", "None", "List" }, root.Properties.Select(p => p.Name));
            var logging = (JsonObject)root.GetProperty("Logging")!.Value;
            var level = (JsonString)logging.GetProperty("Level")!.Value;
            Assert.Equal("Information", level.Value);
            Assert.Equal(2, level.Line);
            Assert.Equal(25, level.Column);
            Assert.Equal("\"Information\"", text.Substring(level.Start, level.Length));
            Assert.Equal("3", ((JsonNumber)root.GetProperty("Retries")!.Value).Text);
            Assert.True(((JsonBoolean)root.GetProperty("On")!.Value).Value);
            Assert.False(((JsonBoolean)root.GetProperty("Off")!.Value).Value);
            Assert.Equal(JsonNodeKind.Null, root.GetProperty("None")!.Value.Kind);
            var list = (JsonArray)root.GetProperty("List")!.Value;
            Assert.Equal(3, list.Items.Count);
            Assert.True(((JsonNumber)list.Items[1]).TryGetDouble(out var number));
            Assert.Equal(-2500, number);
            Assert.Equal(7, list.Line);
            Assert.Equal(0, root.Start);
            Assert.Equal(text.Length - 1, root.End);
            var name = root.GetProperty("Retries")!.NameNode;
            Assert.Equal((3, 3), (name.Line, name.Column));
        }

        [Fact]
        public void AcceptsCommentsAndTrailingCommasAsAppSettingsDo()
        {
            var text = "// settings\n{\n  /* block\n     comment */ \"A\": 1, // one\n  \"B\": [1, 2,],\n}\n/* end */";
            var document = Read(text);
            var root = (JsonObject)document.Root;
            Assert.True(root.HasTrailingComma);
            Assert.True(((JsonArray)root.GetProperty("B")!.Value).HasTrailingComma);
            Assert.Equal(4, document.Comments.Count);
            Assert.Equal(4, root.GetProperty("A")!.NameNode.Line);
            Assert.Equal(17, root.GetProperty("A")!.NameNode.Column);
            Assert.True(document.Comments[1].IsBlock);
        }

        [Fact]
        public void StrictOptionsRejectCommentsAndTrailingCommas()
        {
            Assert.Equal("Comments are not allowed.", Fail("{ // x\n}", JsonReaderOptions.Strict).Message);
            var error = Fail("{ \"a\": 1, }", JsonReaderOptions.Strict);
            Assert.Equal("A trailing comma is not allowed.", error.Message);
            Assert.Equal(9, error.Column);
        }

        [Fact]
        public void DecodesEscapes()
        {
            var root = (JsonObject)Read("{ \"k\\u00e9y\": \"a\\\"b\\\\c\\/d\\n\\t\\u0041\\b\\f\\r\" }").Root;
            Assert.Equal("kéy", root.Properties[0].Name);
            Assert.Equal("a\"b\\c/d\n\tA\b\f\r", ((JsonString)root.Properties[0].Value).Value);
        }

        [Fact]
        public void SkipsTheByteOrderMarkAndCountsCrLfLines()
        {
            var text = "\uFEFF{\r\n  \"A\": {\r\n    \"B\": \"x\"\r\n  }\r\n}\r\n";
            var root = (JsonObject)Read(text).Root;
            Assert.Equal(1, root.Start);
            var b = ((JsonObject)root.GetProperty("A")!.Value).GetProperty("B")!;
            Assert.Equal((3, 5), (b.NameNode.Line, b.NameNode.Column));
            Assert.Equal((3, 10), (b.Value.Line, b.Value.Column));
            var error = Fail("\r\n\r\n  {\r\n  \"A\" 1 }");
            Assert.Equal((4, 7), (error.Line, error.Column));
        }

        [Fact]
        public void LooksUpNamesByComparisonTakingTheLastDuplicate()
        {
            var root = (JsonObject)Read("{ \"model\": \"a\", \"Model\": \"b\" }").Root;
            Assert.Equal("a", ((JsonString)root.GetProperty("model")!.Value).Value);
            Assert.Equal("b", ((JsonString)root.GetProperty("MODEL", System.StringComparison.OrdinalIgnoreCase)!.Value).Value);
            Assert.Null(root.GetProperty("MODEL"));
        }

        [Theory]
        [InlineData("", 1, 1, "The document is empty: a value was expected.")]
        [InlineData("   // only a comment\n", 2, 1, "The document is empty: a value was expected.")]
        [InlineData("{", 1, 2, "Unexpected end of the document: a property name or '}' was expected.")]
        [InlineData("{ \"a\": 1", 1, 9, "Unexpected end of the document: ',' or '}' was expected.")]
        [InlineData("{ \"a\" 1 }", 1, 7, "Unexpected '1': ':' was expected after the property name.")]
        [InlineData("{ \"a\": 1 \"b\": 2 }", 1, 10, "Unexpected '\"': ',' or '}' was expected.")]
        [InlineData("{ a: 1 }", 1, 3, "Unexpected 'a': a property name in double quotes was expected.")]
        [InlineData("{ \"a\": 'x' }", 1, 8, "Strings must be in double quotes.")]
        [InlineData("{ \"a\": \"x }", 1, 8, "The string is not closed.")]
        [InlineData("{ \"a\": \"x\n }", 1, 8, "The string is not closed before the end of the line.")]
        [InlineData("\"abc", 1, 1, "The string is not closed.")]
        [InlineData("[1, 2", 1, 6, "Unexpected end of the document: ',' or ']' was expected.")]
        [InlineData("[1 2]", 1, 4, "Unexpected '2': ',' or ']' was expected.")]
        [InlineData("[,]", 1, 2, "Unexpected ',': a value was expected.")]
        [InlineData("{ \"a\": 1,, }", 1, 10, "Unexpected ',': a property name in double quotes was expected.")]
        [InlineData("{} {}", 1, 4, "Unexpected '{' after the end of the document.")]
        [InlineData("{ \"a\": tru }", 1, 8, "Unexpected 't': a value was expected.")]
        [InlineData("{ \"a\": nullx }", 1, 8, "Unexpected 'n': a value was expected.")]
        [InlineData("[01]", 1, 2, "A number must not start with a leading zero.")]
        [InlineData("[1.]", 1, 4, "A digit was expected after the decimal point.")]
        [InlineData("[1e]", 1, 4, "A digit was expected in the exponent.")]
        [InlineData("[-]", 1, 2, "A number needs a digit after '-'.")]
        [InlineData("[12abc]", 1, 4, "Unexpected 'a' in a number.")]
        [InlineData("[\"\\x\"]", 1, 3, "Unknown escape '\\x'.")]
        [InlineData("[\"\\u12G4\"]", 1, 3, "'\\u' must be followed by four hexadecimal digits.")]
        [InlineData("[\"a\tb\"]", 1, 4, "A control character (U+0009) must be escaped in a string.")]
        [InlineData("{ /* open", 1, 3, "The comment is not closed: '*/' was expected.")]
        [InlineData("{ / }", 1, 3, "Unexpected '/'.")]
        [InlineData("{ \"a\": }", 1, 8, "Unexpected '}': a value was expected.")]
        [InlineData("]", 1, 1, "Unexpected ']': a value was expected.")]
        public void ReportsTheFirstErrorWithLineAndColumn(string text, int line, int column, string message)
        {
            var error = Fail(text);
            Assert.Equal(message, error.Message);
            Assert.Equal(line, error.Line);
            Assert.Equal(column, error.Column);
        }

        [Fact]
        public void ErrorsAfterMultiLineCommentsCountTheirLines()
        {
            var error = Fail("{\n /* one\n two\r\n three */ \"a\": x }");
            Assert.Equal((4, 16), (error.Line, error.Column));
        }

        [Fact]
        public void DeepNestingNeverOverflowsTheStack()
        {
            const int depth = 100_000;
            var text = new StringBuilder().Append('[', depth).Append(']', depth).ToString();
            Assert.True(JsonDocumentReader.Parse(text, new JsonReaderOptions { MaxDepth = depth }).IsSuccess);
            var error = Fail(text);
            Assert.Equal("The document nests deeper than 256 levels.", error.Message);
            Assert.Equal(257, error.Column);
            var open = new StringBuilder().Append("{\"a\":", 0, 5).Insert(0, "{\"a\":", depth).ToString();
            Assert.StartsWith("Unexpected end", Fail(open, new JsonReaderOptions { MaxDepth = depth + 1 }).Message);
        }

        [Fact]
        public void ScalarRootsAreDocumentsToo()
        {
            Assert.Equal("x", ((JsonString)Read(" \"x\" ").Root).Value);
            Assert.Equal(JsonNodeKind.Number, Read("42").Root.Kind);
        }
    }
}
