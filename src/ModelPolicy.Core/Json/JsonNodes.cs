using System;
using System.Collections.Generic;

namespace ModelPolicy.Json
{
    public enum JsonNodeKind
    {
        Object,
        Array,
        String,
        Number,
        Boolean,
        Null,
    }

    /// <summary>
    /// A place in the text: a 0-based character <see cref="Offset"/>, a 1-based <see cref="Line"/> and a 1-based
    /// <see cref="Column"/> (counted in UTF-16 characters; a BOM counts as a character of line 1).
    /// </summary>
    public readonly struct JsonPosition : IEquatable<JsonPosition>
    {
        public JsonPosition(int offset, int line, int column)
        {
            Offset = offset;
            Line = line;
            Column = column;
        }

        public int Offset { get; }

        public int Line { get; }

        public int Column { get; }

        public bool Equals(JsonPosition other) => Offset == other.Offset && Line == other.Line && Column == other.Column;

        public override bool Equals(object? obj) => obj is JsonPosition other && Equals(other);

        public override int GetHashCode() => (Offset * 397) ^ Line;

        public override string ToString() => "(" + Line + "," + Column + ")";
    }

    /// <summary>A value of the tree, with where its text starts and ends (<see cref="End"/> is exclusive).</summary>
    public abstract class JsonNode
    {
        private protected JsonNode(JsonNodeKind kind, JsonPosition start, int end)
        {
            Kind = kind;
            StartPosition = start;
            End = end;
        }

        public JsonNodeKind Kind { get; }

        /// <summary>Where the value starts: its first character (a quote, a brace, a digit…).</summary>
        public JsonPosition StartPosition { get; }

        public int Start => StartPosition.Offset;

        /// <summary>Just past the value's last character.</summary>
        public int End { get; }

        public int Length => End - Start;

        public int Line => StartPosition.Line;

        public int Column => StartPosition.Column;
    }

    /// <summary><c>{ "name": value, … }</c>. Names may repeat; configuration takes the last.</summary>
    public sealed class JsonObject : JsonNode
    {
        internal JsonObject(JsonPosition start, int end, IReadOnlyList<JsonProperty> properties, bool hasTrailingComma)
            : base(JsonNodeKind.Object, start, end)
        {
            Properties = properties;
            HasTrailingComma = hasTrailingComma;
        }

        public IReadOnlyList<JsonProperty> Properties { get; }

        /// <summary>True when a comma follows the last property (allowed by <see cref="JsonReaderOptions.AllowTrailingCommas"/>).</summary>
        public bool HasTrailingComma { get; }

        /// <summary>The last property of that name (as configuration binds it), or null.</summary>
        public JsonProperty? GetProperty(string name, StringComparison comparison = StringComparison.Ordinal)
        {
            for (var i = Properties.Count - 1; i >= 0; i--)
            {
                if (string.Equals(Properties[i].Name, name, comparison))
                {
                    return Properties[i];
                }
            }

            return null;
        }
    }

    /// <summary>One <c>"name": value</c> member of an object.</summary>
    public sealed class JsonProperty
    {
        internal JsonProperty(JsonString name, JsonNode value)
        {
            NameNode = name;
            Value = value;
        }

        /// <summary>The decoded name.</summary>
        public string Name => NameNode.Value;

        /// <summary>The name as a string node, with its position.</summary>
        public JsonString NameNode { get; }

        public JsonNode Value { get; }

        public int Start => NameNode.Start;

        public int End => Value.End;
    }

    /// <summary><c>[ value, … ]</c>.</summary>
    public sealed class JsonArray : JsonNode
    {
        internal JsonArray(JsonPosition start, int end, IReadOnlyList<JsonNode> items, bool hasTrailingComma)
            : base(JsonNodeKind.Array, start, end)
        {
            Items = items;
            HasTrailingComma = hasTrailingComma;
        }

        public IReadOnlyList<JsonNode> Items { get; }

        public bool HasTrailingComma { get; }
    }

    /// <summary>A string; <see cref="Value"/> has the escapes decoded.</summary>
    public sealed class JsonString : JsonNode
    {
        internal JsonString(JsonPosition start, int end, string value)
            : base(JsonNodeKind.String, start, end)
        {
            Value = value;
        }

        public string Value { get; }
    }

    /// <summary>A number, kept as written.</summary>
    public sealed class JsonNumber : JsonNode
    {
        internal JsonNumber(JsonPosition start, int end, string text)
            : base(JsonNodeKind.Number, start, end)
        {
            Text = text;
        }

        public string Text { get; }

        public bool TryGetDouble(out double value) =>
            double.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
    }

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public sealed class JsonBoolean : JsonNode
    {
        internal JsonBoolean(JsonPosition start, int end, bool value)
            : base(JsonNodeKind.Boolean, start, end)
        {
            Value = value;
        }

        public bool Value { get; }
    }

    /// <summary><c>null</c>.</summary>
    public sealed class JsonNull : JsonNode
    {
        internal JsonNull(JsonPosition start, int end)
            : base(JsonNodeKind.Null, start, end)
        {
        }
    }

    /// <summary>A <c>// line</c> or <c>/* block */</c> comment (End exclusive; a line comment ends before the line break).</summary>
    public sealed class JsonComment
    {
        internal JsonComment(JsonPosition start, int end, bool isBlock)
        {
            StartPosition = start;
            End = end;
            IsBlock = isBlock;
        }

        public JsonPosition StartPosition { get; }

        public int Start => StartPosition.Offset;

        public int End { get; }

        public bool IsBlock { get; }
    }

    /// <summary>Why the text is not JSON, and where (the first problem met).</summary>
    public sealed class JsonParseError
    {
        internal JsonParseError(JsonPosition position, string message)
        {
            Position = position;
            Message = message;
        }

        public JsonPosition Position { get; }

        public int Offset => Position.Offset;

        /// <summary>1-based.</summary>
        public int Line => Position.Line;

        /// <summary>1-based.</summary>
        public int Column => Position.Column;

        public string Message { get; }

        public override string ToString() => "(" + Line + "," + Column + "): " + Message;
    }

    /// <summary>What the reader accepts beyond RFC 8259. The defaults fit appsettings.json files.</summary>
    public sealed class JsonReaderOptions
    {
        public static readonly JsonReaderOptions Default = new JsonReaderOptions();

        public static readonly JsonReaderOptions Strict = new JsonReaderOptions { AllowComments = false, AllowTrailingCommas = false };

        /// <summary><c>//</c> and <c>/* */</c> comments (on by default, as the configuration JSON provider reads them).</summary>
        public bool AllowComments { get; set; } = true;

        /// <summary>A comma after the last member of an object or array (on by default).</summary>
        public bool AllowTrailingCommas { get; set; } = true;

        /// <summary>How deeply objects and arrays may nest; the reader never recurses, this bounds the tree for its users.</summary>
        public int MaxDepth { get; set; } = 256;
    }

    /// <summary>A parsed document: the root value, the comments, and the text.</summary>
    public sealed class JsonDocument
    {
        internal JsonDocument(string text, JsonNode root, IReadOnlyList<JsonComment> comments)
        {
            Text = text;
            Root = root;
            Comments = comments;
        }

        public string Text { get; }

        public JsonNode Root { get; }

        public IReadOnlyList<JsonComment> Comments { get; }
    }

    /// <summary>Either a document or the error that stopped the reader.</summary>
    public sealed class JsonParseResult
    {
        internal JsonParseResult(JsonDocument? document, JsonParseError? error)
        {
            Document = document;
            Error = error;
        }

        public JsonDocument? Document { get; }

        public JsonParseError? Error { get; }

        public bool IsSuccess => Document != null;
    }
}
