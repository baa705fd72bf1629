using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace ModelPolicy.Json
{
    /// <summary>A replacement of <see cref="Length"/> characters at <see cref="Start"/> by <see cref="NewText"/>.</summary>
    public readonly struct JsonTextEdit
    {
        public JsonTextEdit(int start, int length, string newText)
        {
            Start = start;
            Length = length;
            NewText = newText;
        }

        public int Start { get; }

        public int Length { get; }

        public string NewText { get; }

        public override string ToString() => "[" + Start + ".." + (Start + Length) + ") -> \"" + NewText + "\"";
    }

    /// <summary>How <see cref="JsonEditor"/> writes what it adds.</summary>
    public sealed class JsonEditOptions
    {
        public static readonly JsonEditOptions Default = new JsonEditOptions();

        /// <summary>How property names are compared; configuration keys ignore case.</summary>
        public StringComparison NameComparison { get; set; } = StringComparison.OrdinalIgnoreCase;

        /// <summary>The line break for a document that has none yet (otherwise the document's own is used).</summary>
        public string DefaultNewLine { get; set; } = "\n";

        /// <summary>One level of indentation for a document whose own cannot be seen.</summary>
        public string DefaultIndent { get; set; } = "  ";
    }

    /// <summary>The edited text and the edits made, or why the document could not be edited.</summary>
    public sealed class JsonEditResult
    {
        private JsonEditResult(string text, IReadOnlyList<JsonTextEdit> edits, string? failure, JsonParseError? error)
        {
            Text = text;
            Edits = edits;
            Failure = failure;
            ParseError = error;
        }

        /// <summary>The new text (the original one when the edit failed).</summary>
        public string Text { get; }

        /// <summary>The minimal edits made to the original text, in document order.</summary>
        public IReadOnlyList<JsonTextEdit> Edits { get; }

        public bool IsSuccess => Failure == null;

        public string? Failure { get; }

        public JsonParseError? ParseError { get; }

        internal static JsonEditResult Success(string original, List<JsonTextEdit> edits)
        {
            edits.Sort((a, b) => a.Start.CompareTo(b.Start));
            var builder = new StringBuilder(original.Length + 64);
            var at = 0;
            foreach (var edit in edits)
            {
                builder.Append(original, at, edit.Start - at).Append(edit.NewText);
                at = edit.Start + edit.Length;
            }

            builder.Append(original, at, original.Length - at);
            return new JsonEditResult(builder.ToString(), edits, null, null);
        }

        internal static JsonEditResult Fail(string original, string failure, JsonParseError? error = null) =>
            new JsonEditResult(original, Array.Empty<JsonTextEdit>(), failure, error);
    }

    /// <summary>
    /// Minimal, formatting-keeping edits of a JSON document read by <see cref="JsonDocumentReader"/>: what is
    /// there stays as it is (comments, order, indentation, trailing commas, line breaks); what is added follows
    /// the document's indentation and line breaks.
    /// </summary>
    public static class JsonEditor
    {
        /// <summary>
        /// Sets the property at <paramref name="path"/> (object names from the root; the last is the property) to
        /// <paramref name="rawValue"/>, JSON text such as <c>"\"gpt-4o\""</c>. Missing objects on the way are created;
        /// an existing property's value is replaced. An empty document becomes an object.
        /// </summary>
        public static JsonEditResult SetProperty(string text, IReadOnlyList<string> path, string rawValue, JsonEditOptions? options = null)
        {
            if (text == null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (path == null || path.Count == 0)
            {
                throw new ArgumentException("The path needs at least the property name.", nameof(path));
            }

            options ??= JsonEditOptions.Default;
            var newLine = DetectNewLine(text) ?? options.DefaultNewLine;
            if (IsBlank(text))
            {
                var bom = text.Length > 0 && text[0] == '\uFEFF' ? "\uFEFF" : string.Empty;
                var body = "{" + newLine + options.DefaultIndent + Render(path, 0, rawValue, options.DefaultIndent, options.DefaultIndent, newLine, multiLine: true) + newLine + "}" + newLine;
                return JsonEditResult.Success(text, new List<JsonTextEdit> { new JsonTextEdit(0, text.Length, bom + body) });
            }

            var parsed = JsonDocumentReader.Parse(text);
            if (!parsed.IsSuccess)
            {
                return JsonEditResult.Fail(text, "The document is not valid JSON: " + parsed.Error, parsed.Error);
            }

            if (parsed.Document!.Root is not JsonObject current)
            {
                return JsonEditResult.Fail(text, "The document's root is not an object.");
            }

            var unit = DetectIndentUnit(text, current) ?? options.DefaultIndent;
            for (var i = 0; i < path.Count; i++)
            {
                var property = current.GetProperty(path[i], options.NameComparison);
                if (property == null)
                {
                    return Insert(text, current, path, i, rawValue, unit, newLine);
                }

                if (i == path.Count - 1)
                {
                    return JsonEditResult.Success(text, new List<JsonTextEdit> { new JsonTextEdit(property.Value.Start, property.Value.Length, rawValue) });
                }

                if (property.Value is not JsonObject next)
                {
                    return JsonEditResult.Fail(text, "'" + string.Join(":", path.Take(i + 1)) + "' is not an object.");
                }

                current = next;
            }

            throw new InvalidOperationException("unreachable");
        }

        /// <summary><see cref="SetProperty"/> with a string value.</summary>
        public static JsonEditResult SetString(string text, IReadOnlyList<string> path, string value, JsonEditOptions? options = null) =>
            SetProperty(text, path, Quote(value), options);

        /// <summary>The JSON string literal of <paramref name="value"/>.</summary>
        public static string Quote(string value)
        {
            var builder = new StringBuilder(value.Length + 2).Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': builder.Append("\\\""); break;
                    case '\\': builder.Append("\\\\"); break;
                    case '\n': builder.Append("\\n"); break;
                    case '\r': builder.Append("\\r"); break;
                    case '\t': builder.Append("\\t"); break;
                    case '\b': builder.Append("\\b"); break;
                    case '\f': builder.Append("\\f"); break;
                    default:
                        if (c < ' ')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4"));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }

        private static JsonEditResult Insert(string text, JsonObject target, IReadOnlyList<string> path, int index, string rawValue, string unit, string newLine)
        {
            var edits = new List<JsonTextEdit>();
            var closeBrace = target.End - 1;
            if (target.Properties.Count == 0)
            {
                var outer = LineIndent(text, target.Start);
                var inner = outer + unit;
                var interiorStart = target.Start + 1;
                var interior = text.Substring(interiorStart, closeBrace - interiorStart);
                var property = Render(path, index, rawValue, inner, unit, newLine, multiLine: true);
                if (interior.Trim().Length == 0)
                {
                    edits.Add(new JsonTextEdit(interiorStart, interior.Length, newLine + inner + property + newLine + outer));
                }
                else
                {
                    var lastBreak = interior.LastIndexOfAny(new[] { '\n', '\r' });
                    edits.Add(lastBreak >= 0 && interior.Substring(lastBreak + 1).Trim().Length == 0
                        ? new JsonTextEdit(interiorStart + lastBreak + 1, 0, inner + property + newLine)
                        : new JsonTextEdit(closeBrace, 0, newLine + inner + property + newLine + outer));
                }

                return JsonEditResult.Success(text, edits);
            }

            var last = target.Properties[target.Properties.Count - 1];
            var lineEnd = ScanAfter(text, last.End, closeBrace);
            if (lineEnd < 0)
            {
                // { "a": 1 } on one line: stay on one line.
                edits.Add(new JsonTextEdit(last.End, 0, ", " + Render(path, index, rawValue, string.Empty, unit, newLine, multiLine: false)));
                return JsonEditResult.Success(text, edits);
            }

            var indent = IsFirstOnLine(text, last.Start) ? LineIndent(text, last.Start) : LineIndent(text, target.Start) + unit;
            var rendered = Render(path, index, rawValue, indent, unit, newLine, multiLine: true);
            if (target.HasTrailingComma)
            {
                edits.Add(new JsonTextEdit(lineEnd, 0, newLine + indent + rendered + ","));
            }
            else
            {
                edits.Add(new JsonTextEdit(last.End, 0, ","));
                edits.Add(new JsonTextEdit(lineEnd, 0, newLine + indent + rendered));
            }

            return JsonEditResult.Success(text, edits);
        }

        /// <summary>
        /// From the end of the last property: past blanks, same-line block comments, the trailing comma and a
        /// line comment, to the end of that line (-1 when the closing brace comes first: a one-line object).
        /// </summary>
        private static int ScanAfter(string text, int from, int closeBrace)
        {
            var i = from;
            while (i < closeBrace)
            {
                var c = text[i];
                if (c == '\r' || c == '\n')
                {
                    return i;
                }

                if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
                {
                    while (i < text.Length && text[i] != '\r' && text[i] != '\n')
                    {
                        i++;
                    }

                    return i;
                }

                if (c == '/' && i + 1 < text.Length && text[i + 1] == '*')
                {
                    var close = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                    i = close < 0 ? closeBrace : close + 2;
                    continue;
                }

                i++;
            }

            return -1;
        }

        private static string Render(IReadOnlyList<string> path, int index, string rawValue, string indent, string unit, string newLine, bool multiLine)
        {
            // Built from the innermost property out, without recursion.
            var value = rawValue;
            for (var i = path.Count - 1; i > index; i--)
            {
                var level = indent;
                for (var k = index; k < i - 1; k++)
                {
                    level += unit;
                }

                value = multiLine
                    ? "{" + newLine + level + unit + Quote(path[i]) + ": " + value + newLine + level + "}"
                    : "{ " + Quote(path[i]) + ": " + value + " }";
            }

            return Quote(path[index]) + ": " + value;
        }

        private static bool IsBlank(string text)
        {
            foreach (var c in text)
            {
                if (!char.IsWhiteSpace(c) && c != '\uFEFF')
                {
                    return false;
                }
            }

            return true;
        }

        private static string? DetectNewLine(string text)
        {
            var i = text.IndexOf('\n');
            if (i < 0)
            {
                return text.IndexOf('\r') >= 0 ? "\r" : null;
            }

            return i > 0 && text[i - 1] == '\r' ? "\r\n" : "\n";
        }

        private static int LineStart(string text, int offset)
        {
            var i = offset;
            while (i > 0 && text[i - 1] != '\n' && text[i - 1] != '\r')
            {
                i--;
            }

            return i;
        }

        private static string LineIndent(string text, int offset)
        {
            var start = LineStart(text, offset);
            if (start == 0 && text.Length > 0 && text[0] == '\uFEFF')
            {
                start = 1;
            }

            var end = start;
            while (end < offset && (text[end] == ' ' || text[end] == '\t'))
            {
                end++;
            }

            return text.Substring(start, end - start);
        }

        private static bool IsFirstOnLine(string text, int offset) => LineIndent(text, offset).Length == offset - LineStart(text, offset) - (LineStart(text, offset) == 0 && text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0);

        /// <summary>One level of the document's indentation: the first property on its own line, less its object's line.</summary>
        private static string? DetectIndentUnit(string text, JsonObject root)
        {
            var pending = new Stack<JsonNode>();
            pending.Push(root);
            while (pending.Count > 0)
            {
                var node = pending.Pop();
                IEnumerable<JsonNode> children;
                if (node is JsonObject obj)
                {
                    if (obj.Properties.Count > 0)
                    {
                        var first = obj.Properties[0];
                        if (first.NameNode.Line != obj.Line && IsFirstOnLine(text, first.Start))
                        {
                            var outer = LineIndent(text, obj.Start);
                            var inner = LineIndent(text, first.Start);
                            if (inner.Length > outer.Length && inner.StartsWith(outer, StringComparison.Ordinal))
                            {
                                return inner.Substring(outer.Length);
                            }
                        }
                    }

                    children = obj.Properties.Select(p => p.Value);
                }
                else if (node is JsonArray array)
                {
                    children = array.Items;
                }
                else
                {
                    continue;
                }

                foreach (var child in children.Reverse())
                {
                    pending.Push(child);
                }
            }

            return null;
        }
    }
}
