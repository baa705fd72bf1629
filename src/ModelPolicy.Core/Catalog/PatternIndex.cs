using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ModelPolicy.Text;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// Globs bucketed by their first two literal characters (or the first, where the second is a wildcard),
    /// so that a lookup compares a text with the few patterns that can match it. Lookups never allocate.
    /// </summary>
    internal sealed class PatternIndex<T>
        where T : class
    {
        private readonly Dictionary<int, List<Entry>> pairs = new Dictionary<int, List<Entry>>();
        private readonly List<Entry>[] buckets = new List<Entry>[128];
        private readonly List<Entry> wild = new List<Entry>();

        /// <summary>Adds a pattern; a leading <c>~</c> marks it as valid only in a model position.</summary>
        public void Add(string pattern, T value)
        {
            var positionOnly = pattern.Length > 0 && pattern[0] == '~';
            if (positionOnly)
            {
                pattern = pattern.Substring(1);
            }

            var entry = new Entry(pattern, value, Specificity(pattern), positionOnly);
            var first = pattern.Length == 0 ? '*' : pattern[0];
            if (first == '*' || first == '?' || first >= 128)
            {
                wild.Add(entry);
                return;
            }

            if (pattern.Length >= 2 && IsLiteralAscii(pattern[1]))
            {
                var key = Key(first, pattern[1]);
                if (!pairs.TryGetValue(key, out var list))
                {
                    pairs.Add(key, list = new List<Entry>());
                }

                list.Add(entry);
                return;
            }

            var index = char.ToLowerInvariant(first);
            (buckets[index] ??= new List<Entry>()).Add(entry);
        }

        private static bool IsLiteralAscii(char c) => c < 128 && c != '*' && c != '?';

        private static int Key(char first, char second) => (char.ToLowerInvariant(first) << 8) | char.ToLowerInvariant(second);

        [MethodImpl(HotPath.Optimized)]
        public Hit Find(string text, int start, int length)
        {
            var best = default(Hit);
            if (length == 0)
            {
                return best;
            }

            var first = text[start];
            if (first < 128)
            {
                if (length >= 2 && text[start + 1] < 128 && pairs.TryGetValue(Key(first, text[start + 1]), out var pair))
                {
                    best = Scan(pair, text, start, length, best);
                }

                var bucket = buckets[char.ToLowerInvariant(first)];
                if (bucket != null)
                {
                    best = Scan(bucket, text, start, length, best);
                }
            }

            return wild.Count == 0 ? best : Scan(wild, text, start, length, best);
        }

        [MethodImpl(HotPath.Optimized)]
        private static Hit Scan(List<Entry> entries, string text, int start, int length, Hit best)
        {
            foreach (var entry in entries)
            {
                if (entry.Specificity > best.Specificity && EndsWith(text, start, length, entry.Tail) && Glob.IsMatch(entry.Pattern, text, start, length))
                {
                    best = new Hit(entry.Value, entry.Specificity, entry.PositionOnly);
                }
            }

            return best;
        }

        /// <summary>Whether <c>text[start..start+length)</c> ends with <paramref name="tail"/>, ignoring ASCII case.</summary>
        private static bool EndsWith(string text, int start, int length, string tail)
        {
            if (tail.Length > length)
            {
                return false;
            }

            var offset = start + length - tail.Length;
            for (var i = tail.Length - 1; i >= 0; i--)
            {
                if (!Glob.EqualsIgnoreCase(tail[i], text[offset + i]))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The literal characters after a pattern's last wildcard, which every text it matches ends with
        /// (<c>*.openai.azure.com</c> → <c>.openai.azure.com</c>): most texts fail this before the glob is tried.
        /// Empty for a pattern that ends with a wildcard.
        /// </summary>
        private static string TailOf(string pattern)
        {
            var last = pattern.LastIndexOfAny(new[] { '*', '?' });
            return last < 0 ? pattern : pattern.Substring(last + 1);
        }

        /// <summary>Literal characters before the first wildcard count most; the rest break ties.</summary>
        private static int Specificity(string pattern)
        {
            var literal = 0;
            foreach (var c in pattern)
            {
                if (c != '*' && c != '?')
                {
                    literal++;
                }
            }

            return (Glob.LiteralPrefixLength(pattern) * 256) + literal;
        }

        public readonly struct Hit
        {
            public Hit(T value, int specificity, bool positionOnly)
            {
                Value = value;
                Specificity = specificity;
                PositionOnly = positionOnly;
            }

            public T? Value { get; }

            public int Specificity { get; }

            /// <summary>How many characters the winning pattern spells before its first wildcard.</summary>
            public int LiteralPrefix => Specificity / 256;

            public bool PositionOnly { get; }
        }

        private sealed class Entry
        {
            public Entry(string pattern, T value, int specificity, bool positionOnly)
            {
                Pattern = pattern;
                Tail = TailOf(pattern);
                Value = value;
                Specificity = specificity;
                PositionOnly = positionOnly;
            }

            public string Pattern { get; }

            public string Tail { get; }

            public T Value { get; }

            public int Specificity { get; }

            public bool PositionOnly { get; }
        }
    }
}
