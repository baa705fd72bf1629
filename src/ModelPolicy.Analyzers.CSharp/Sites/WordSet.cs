using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Lower-case ASCII words bucketed by their first letter, found anywhere in a text ignoring ASCII case: one pass over
    /// the text, never allocates. The same matcher finds the words in a name (<see cref="BindingFilter"/>) and in a whole
    /// file (<see cref="HotText"/>).
    /// </summary>
    internal sealed class WordSet
    {
        private readonly string[]?[] byFirstLetter = new string[26][];

        // The first two letters of some word, folded: most positions of a text fail this one test.
        private readonly bool[] pairs = new bool[26 * 26];

        public WordSet(IEnumerable<string> words)
        {
            var buckets = new List<string>?[26];
            foreach (var word in words)
            {
                var list = buckets[word[0] - 'a'] ??= new List<string>();
                if (!list.Contains(word))
                {
                    list.Add(word);
                }

                if (word.Length >= 2 && word[1] >= 'a' && word[1] <= 'z')
                {
                    pairs[((word[0] - 'a') * 26) + (word[1] - 'a')] = true;
                }
            }

            for (var i = 0; i < 26; i++)
            {
                byFirstLetter[i] = buckets[i]?.ToArray();
            }
        }

        /// <summary>The first index at or after <paramref name="start"/> where a word begins, or -1.</summary>
        [MethodImpl(HotPath.Optimized)]
        public int IndexOfAny(string text, int start) => IndexOfAny(text, start, text.Length);

        /// <summary>The first index in <c>[start, end)</c> where a word begins (and ends by <paramref name="end"/>), or -1.</summary>
        [MethodImpl(HotPath.Optimized)]
        public int IndexOfAny(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                if (StartsAt(text, i, end))
                {
                    return i;
                }
            }

            return -1;
        }

        public bool ContainsAny(string text) => IndexOfAny(text, 0) >= 0;

        /// <summary>Whether a word begins at <paramref name="index"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool StartsAt(string text, int index) => StartsAt(text, index, text.Length);

        /// <summary>Whether a word begins at <paramref name="index"/> and ends by <paramref name="end"/>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public bool StartsAt(string text, int index, int end)
        {
            var first = (text[index] | 0x20) - 'a';
            if ((uint)first >= 26 || index + 1 >= end)
            {
                return false;
            }

            var second = (text[index + 1] | 0x20) - 'a';
            if ((uint)second >= 26 || !pairs[(first * 26) + second] || byFirstLetter[first] is not { } words)
            {
                return false;
            }

            foreach (var word in words)
            {
                if (index + word.Length <= end && Matches(text, index, word))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Matches(string text, int index, string word)
        {
            for (var k = 1; k < word.Length; k++)
            {
                if ((char)(text[index + k] | 0x20) != word[k])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
