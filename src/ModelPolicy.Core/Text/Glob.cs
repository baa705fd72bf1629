using System;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>
    /// Case-insensitive globs over ASCII-ish identifiers: <c>*</c> matches any run, <c>?</c> one character.
    /// Matching never allocates.
    /// </summary>
    public static class Glob
    {
        private const string AllowedPunctuation = "*?-._:/@+~";

        /// <summary>Returns null when <paramref name="pattern"/> is a valid glob, else why it is not.</summary>
        public static string? Validate(string pattern)
        {
            if (pattern.Length == 0)
            {
                return "an empty pattern matches nothing";
            }

            foreach (var c in pattern)
            {
                if (!char.IsLetterOrDigit(c) && AllowedPunctuation.IndexOf(c) < 0)
                {
                    return "'" + c + "' is not allowed in a pattern (letters, digits, " + AllowedPunctuation + ")";
                }
            }

            if (pattern.IndexOf("**", StringComparison.Ordinal) >= 0)
            {
                return "'**' is not a pattern: use a single '*'";
            }

            return null;
        }

        /// <summary>The number of characters before the first wildcard: how specific a match is.</summary>
        public static int LiteralPrefixLength(string pattern)
        {
            for (var i = 0; i < pattern.Length; i++)
            {
                if (pattern[i] == '*' || pattern[i] == '?')
                {
                    return i;
                }
            }

            return pattern.Length;
        }

        public static bool IsMatch(string pattern, string text) => IsMatch(pattern, text, 0, text.Length);

        /// <summary>Matches <paramref name="pattern"/> against <c>text[start..start+length)</c>, ignoring ASCII case.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsMatch(string pattern, string text, int start, int length)
        {
            int p = 0, t = 0, starP = -1, starT = 0;
            while (t < length)
            {
                if (p < pattern.Length && (pattern[p] == '?' || EqualsIgnoreCase(pattern[p], text[start + t])))
                {
                    p++;
                    t++;
                }
                else if (p < pattern.Length && pattern[p] == '*')
                {
                    starP = p++;
                    starT = t;
                }
                else if (starP >= 0)
                {
                    p = starP + 1;
                    t = ++starT;
                }
                else
                {
                    return false;
                }
            }

            while (p < pattern.Length && pattern[p] == '*')
            {
                p++;
            }

            return p == pattern.Length;
        }

        public static bool EqualsIgnoreCase(char a, char b)
        {
            if (a == b)
            {
                return true;
            }

            return a < 128 && b < 128 && (a | 0x20) == (b | 0x20) && (a | 0x20) >= 'a' && (a | 0x20) <= 'z';
        }
    }
}
