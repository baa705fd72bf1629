using System.Collections.Generic;
using System.Text;

namespace ModelPolicy.Json
{
    /// <summary>
    /// Reads JSON as appsettings.json is written (comments, trailing commas, a BOM, any line breaks) into a tree
    /// that keeps every value's position, so tools can report problems at the right line and edit the text in
    /// place. Never recurses and never throws on bad input: the first error is returned with its line and column.
    /// </summary>
    public static class JsonDocumentReader
    {
        public static JsonParseResult Parse(string text, JsonReaderOptions? options = null)
        {
            if (text == null)
            {
                throw new System.ArgumentNullException(nameof(text));
            }

            return new Reader(text, options ?? JsonReaderOptions.Default).Read();
        }

        private sealed class Frame
        {
            public Frame(bool isObject, JsonPosition start)
            {
                IsObject = isObject;
                Start = start;
            }

            public bool IsObject { get; }

            public JsonPosition Start { get; }

            public List<JsonProperty> Properties { get; } = new List<JsonProperty>();

            public List<JsonNode> Items { get; } = new List<JsonNode>();

            public JsonString? PendingName { get; set; }

            public bool TrailingComma { get; set; }
        }

        private sealed class Reader
        {
            private readonly string text;
            private readonly JsonReaderOptions options;
            private readonly List<JsonComment> comments = new List<JsonComment>();
            private readonly StringBuilder builder = new StringBuilder();
            private int pos;
            private int line = 1;
            private int lineStart;
            private JsonParseError? error;

            public Reader(string text, JsonReaderOptions options)
            {
                this.text = text;
                this.options = options;
            }

            private JsonPosition Here => new JsonPosition(pos, line, pos - lineStart + 1);

            public JsonParseResult Read()
            {
                if (text.Length > 0 && text[0] == '\uFEFF')
                {
                    pos = 1;
                }

                var root = ReadTree();
                if (root == null)
                {
                    return new JsonParseResult(null, error);
                }

                if (!SkipTrivia())
                {
                    return new JsonParseResult(null, error);
                }

                if (pos < text.Length)
                {
                    return new JsonParseResult(null, Error(Here, "Unexpected '" + Describe(text[pos]) + "' after the end of the document."));
                }

                return new JsonParseResult(new JsonDocument(text, root, comments), null);
            }

            private JsonNode? ReadTree()
            {
                var stack = new Stack<Frame>();
                while (true)
                {
                    // A value is expected here.
                    if (!SkipTrivia())
                    {
                        return null;
                    }

                    if (pos >= text.Length)
                    {
                        Error(Here, stack.Count == 0 ? "The document is empty: a value was expected." : "Unexpected end of the document: a value was expected.");
                        return null;
                    }

                    JsonNode? value;
                    var c = text[pos];
                    if (c == '{' || c == '[')
                    {
                        if (stack.Count >= options.MaxDepth)
                        {
                            Error(Here, "The document nests deeper than " + options.MaxDepth + " levels.");
                            return null;
                        }

                        var frame = new Frame(c == '{', Here);
                        pos++;
                        stack.Push(frame);
                        if (!SkipTrivia())
                        {
                            return null;
                        }

                        if (frame.IsObject)
                        {
                            if (pos < text.Length && text[pos] == '}')
                            {
                                pos++;
                                value = Close(stack.Pop());
                            }
                            else if (!ReadName(frame))
                            {
                                return null;
                            }
                            else
                            {
                                continue;
                            }
                        }
                        else if (pos < text.Length && text[pos] == ']')
                        {
                            pos++;
                            value = Close(stack.Pop());
                        }
                        else
                        {
                            continue;
                        }
                    }
                    else
                    {
                        value = ReadScalar();
                        if (value == null)
                        {
                            return null;
                        }
                    }

                    // A value is complete: attach it, then read separators and closers until a value is expected.
                    while (true)
                    {
                        if (stack.Count == 0)
                        {
                            return value;
                        }

                        var top = stack.Peek();
                        if (top.IsObject)
                        {
                            top.Properties.Add(new JsonProperty(top.PendingName!, value));
                            top.PendingName = null;
                        }
                        else
                        {
                            top.Items.Add(value);
                        }

                        if (!SkipTrivia())
                        {
                            return null;
                        }

                        var close = top.IsObject ? '}' : ']';
                        if (pos >= text.Length)
                        {
                            Error(Here, "Unexpected end of the document: ',' or '" + close + "' was expected.");
                            return null;
                        }

                        if (text[pos] == close)
                        {
                            pos++;
                            value = Close(stack.Pop());
                            continue;
                        }

                        if (text[pos] != ',')
                        {
                            Error(Here, "Unexpected '" + Describe(text[pos]) + "': ',' or '" + close + "' was expected.");
                            return null;
                        }

                        var comma = Here;
                        pos++;
                        if (!SkipTrivia())
                        {
                            return null;
                        }

                        if (pos < text.Length && text[pos] == close)
                        {
                            if (!options.AllowTrailingCommas)
                            {
                                Error(comma, "A trailing comma is not allowed.");
                                return null;
                            }

                            top.TrailingComma = true;
                            pos++;
                            value = Close(stack.Pop());
                            continue;
                        }

                        if (top.IsObject && !ReadName(top))
                        {
                            return null;
                        }

                        break;
                    }
                }
            }

            /// <summary>The container of <paramref name="frame"/>, its closing brace or bracket just read.</summary>
            private JsonNode Close(Frame frame) => frame.IsObject
                ? new JsonObject(frame.Start, pos, frame.Properties.ToArray(), frame.TrailingComma)
                : new JsonArray(frame.Start, pos, frame.Items.ToArray(), frame.TrailingComma);

            /// <summary>Reads <c>"name" :</c> (trivia skipped before) and leaves the reader at the value.</summary>
            private bool ReadName(Frame frame)
            {
                if (pos >= text.Length)
                {
                    Error(Here, "Unexpected end of the document: a property name or '}' was expected.");
                    return false;
                }

                if (text[pos] != '"')
                {
                    Error(Here, "Unexpected '" + Describe(text[pos]) + "': a property name in double quotes was expected.");
                    return false;
                }

                var name = ReadString();
                if (name == null || !SkipTrivia())
                {
                    return false;
                }

                if (pos >= text.Length || text[pos] != ':')
                {
                    Error(Here, pos >= text.Length ? "Unexpected end of the document: ':' was expected." : "Unexpected '" + Describe(text[pos]) + "': ':' was expected after the property name.");
                    return false;
                }

                pos++;
                frame.PendingName = name;
                return true;
            }

            private JsonNode? ReadScalar()
            {
                var c = text[pos];
                if (c == '"')
                {
                    return ReadString();
                }

                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return ReadNumber();
                }

                var start = Here;
                if (Matches("true"))
                {
                    pos += 4;
                    return new JsonBoolean(start, pos, true);
                }

                if (Matches("false"))
                {
                    pos += 5;
                    return new JsonBoolean(start, pos, false);
                }

                if (Matches("null"))
                {
                    pos += 4;
                    return new JsonNull(start, pos);
                }

                Error(start, c == '\'' ? "Strings must be in double quotes." : "Unexpected '" + Describe(c) + "': a value was expected.");
                return null;
            }

            private bool Matches(string word)
            {
                if (string.CompareOrdinal(text, pos, word, 0, word.Length) != 0)
                {
                    return false;
                }

                var next = pos + word.Length;
                return next >= text.Length || !(char.IsLetterOrDigit(text[next]) || text[next] == '_');
            }

            private JsonString? ReadString()
            {
                var start = Here;
                pos++;
                builder.Clear();
                while (true)
                {
                    if (pos >= text.Length)
                    {
                        Error(start, "The string is not closed.");
                        return null;
                    }

                    var c = text[pos];
                    if (c == '"')
                    {
                        pos++;
                        return new JsonString(start, pos, builder.ToString());
                    }

                    if (c == '\r' || c == '\n')
                    {
                        Error(start, "The string is not closed before the end of the line.");
                        return null;
                    }

                    if (c < ' ')
                    {
                        Error(Here, "A control character (U+" + ((int)c).ToString("X4") + ") must be escaped in a string.");
                        return null;
                    }

                    if (c != '\\')
                    {
                        builder.Append(c);
                        pos++;
                        continue;
                    }

                    var escape = Here;
                    if (pos + 1 >= text.Length)
                    {
                        Error(start, "The string is not closed.");
                        return null;
                    }

                    var e = text[pos + 1];
                    pos += 2;
                    switch (e)
                    {
                        case '"': builder.Append('"'); break;
                        case '\\': builder.Append('\\'); break;
                        case '/': builder.Append('/'); break;
                        case 'b': builder.Append('\b'); break;
                        case 'f': builder.Append('\f'); break;
                        case 'n': builder.Append('\n'); break;
                        case 'r': builder.Append('\r'); break;
                        case 't': builder.Append('\t'); break;
                        case 'u':
                            var code = 0;
                            for (var i = 0; i < 4; i++)
                            {
                                var digit = pos + i < text.Length ? HexValue(text[pos + i]) : -1;
                                if (digit < 0)
                                {
                                    Error(escape, "'\\u' must be followed by four hexadecimal digits.");
                                    return null;
                                }

                                code = (code * 16) + digit;
                            }

                            pos += 4;
                            builder.Append((char)code);
                            break;
                        default:
                            Error(escape, "Unknown escape '\\" + Describe(e) + "'.");
                            return null;
                    }
                }
            }

            private static int HexValue(char c) =>
                c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;

            private JsonNumber? ReadNumber()
            {
                var start = Here;
                if (text[pos] == '-')
                {
                    pos++;
                }

                if (pos >= text.Length || !IsDigit(text[pos]))
                {
                    Error(start, "A number needs a digit after '-'.");
                    return null;
                }

                if (text[pos] == '0' && pos + 1 < text.Length && IsDigit(text[pos + 1]))
                {
                    Error(start, "A number must not start with a leading zero.");
                    return null;
                }

                SkipDigits();
                if (pos < text.Length && text[pos] == '.')
                {
                    pos++;
                    if (pos >= text.Length || !IsDigit(text[pos]))
                    {
                        Error(Here, "A digit was expected after the decimal point.");
                        return null;
                    }

                    SkipDigits();
                }

                if (pos < text.Length && (text[pos] == 'e' || text[pos] == 'E'))
                {
                    pos++;
                    if (pos < text.Length && (text[pos] == '+' || text[pos] == '-'))
                    {
                        pos++;
                    }

                    if (pos >= text.Length || !IsDigit(text[pos]))
                    {
                        Error(Here, "A digit was expected in the exponent.");
                        return null;
                    }

                    SkipDigits();
                }

                if (pos < text.Length && (char.IsLetterOrDigit(text[pos]) || text[pos] == '.'))
                {
                    Error(Here, "Unexpected '" + Describe(text[pos]) + "' in a number.");
                    return null;
                }

                return new JsonNumber(start, pos, text.Substring(start.Offset, pos - start.Offset));
            }

            private static bool IsDigit(char c) => c >= '0' && c <= '9';

            private void SkipDigits()
            {
                while (pos < text.Length && IsDigit(text[pos]))
                {
                    pos++;
                }
            }

            /// <summary>Skips white space and comments, counting lines. False (with the error set) on a bad comment.</summary>
            private bool SkipTrivia()
            {
                while (pos < text.Length)
                {
                    var c = text[pos];
                    switch (c)
                    {
                        case ' ':
                        case '\t':
                            pos++;
                            break;
                        case '\r':
                            pos++;
                            if (pos < text.Length && text[pos] == '\n')
                            {
                                pos++;
                            }

                            NewLine();
                            break;
                        case '\n':
                            pos++;
                            NewLine();
                            break;
                        case '/':
                            if (!ReadComment())
                            {
                                return false;
                            }

                            break;
                        default:
                            return true;
                    }
                }

                return true;
            }

            private bool ReadComment()
            {
                var start = Here;
                var next = pos + 1 < text.Length ? text[pos + 1] : '\0';
                if (next != '/' && next != '*')
                {
                    Error(start, "Unexpected '/'.");
                    return false;
                }

                if (!options.AllowComments)
                {
                    Error(start, "Comments are not allowed.");
                    return false;
                }

                pos += 2;
                if (next == '/')
                {
                    while (pos < text.Length && text[pos] != '\r' && text[pos] != '\n')
                    {
                        pos++;
                    }

                    comments.Add(new JsonComment(start, pos, isBlock: false));
                    return true;
                }

                while (pos < text.Length)
                {
                    var c = text[pos];
                    if (c == '*' && pos + 1 < text.Length && text[pos + 1] == '/')
                    {
                        pos += 2;
                        comments.Add(new JsonComment(start, pos, isBlock: true));
                        return true;
                    }

                    pos++;
                    if (c == '\n' || (c == '\r' && (pos >= text.Length || text[pos] != '\n')))
                    {
                        NewLine();
                    }
                }

                Error(start, "The comment is not closed: '*/' was expected.");
                return false;
            }

            private void NewLine()
            {
                line++;
                lineStart = pos;
            }

            private JsonParseError Error(JsonPosition at, string message)
            {
                error ??= new JsonParseError(at, message);
                return error;
            }

            private static string Describe(char c) => c < ' ' ? "U+" + ((int)c).ToString("X4") : c.ToString();
        }
    }
}
