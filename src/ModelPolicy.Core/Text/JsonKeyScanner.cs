using System;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>
    /// Finds <c>"key": "value"</c> pairs in text that holds JSON (a request body in a string literal),
    /// without parsing or allocating until a pair is found. Escaped quotes inside values end the scan
    /// of that value; the text need not be valid JSON as a whole.
    /// </summary>
    public struct JsonKeyScanner
    {
        private readonly string text;
        private readonly int end;
        private int position;

        public JsonKeyScanner(string text, int start, int end)
        {
            this.text = text;
            this.end = end;
            position = start;
            KeyStart = KeyLength = ValueStart = ValueLength = 0;
        }

        public int KeyStart { get; private set; }

        public int KeyLength { get; private set; }

        public int ValueStart { get; private set; }

        public int ValueLength { get; private set; }

        /// <summary>Cheap test: could the text hold a JSON object at all?</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MayContainJson(string text) => text.IndexOf('{') >= 0 && text.IndexOf(':') > 0 && text.IndexOf('"') >= 0;

        public string Key => text.Substring(KeyStart, KeyLength);

        public string Value => text.Substring(ValueStart, ValueLength);

        /// <summary>Advances to the next string key whose value is a string.</summary>
        public bool MoveNext()
        {
            while (position < end)
            {
                var quote = text.IndexOf('"', position, end - position);
                if (quote < 0)
                {
                    position = end;
                    return false;
                }

                var keyStart = quote + 1;
                var keyEnd = IndexOfClosingQuote(keyStart);
                if (keyEnd < 0)
                {
                    position = end;
                    return false;
                }

                var i = SkipWhite(keyEnd + 1);
                if (i >= end || text[i] != ':')
                {
                    position = keyEnd + 1;
                    continue;
                }

                i = SkipWhite(i + 1);
                if (i >= end || text[i] != '"')
                {
                    position = i;
                    continue;
                }

                var valueStart = i + 1;
                var valueEnd = IndexOfClosingQuote(valueStart);
                if (valueEnd < 0)
                {
                    position = end;
                    return false;
                }

                KeyStart = keyStart;
                KeyLength = keyEnd - keyStart;
                ValueStart = valueStart;
                ValueLength = valueEnd - valueStart;
                position = valueEnd + 1;
                return true;
            }

            return false;
        }

        /// <summary>True when the current key is one of the given names, ignoring case.</summary>
        public bool KeyIs(string name) =>
            KeyLength == name.Length && string.Compare(text, KeyStart, name, 0, KeyLength, StringComparison.OrdinalIgnoreCase) == 0;

        private int IndexOfClosingQuote(int start)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c == '"')
                {
                    return i;
                }

                if (c == '\\' || c == '\n')
                {
                    return -1;
                }
            }

            return -1;
        }

        private int SkipWhite(int i)
        {
            while (i < end && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n'))
            {
                i++;
            }

            return i;
        }
    }
}
