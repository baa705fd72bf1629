using System.Collections.Generic;
using System.Runtime.CompilerServices;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// The places in a file's text where a site can have something to judge, in order: every quote (a string starts or
    /// ends there) and every word a site's syntax tests look for in a name — the stems of model and endpoint position
    /// names (<see cref="PositionWords"/>), <see cref="BindingFilter"/>'s AI-call and value-name words, <c>Claude</c>
    /// (<see cref="SdkEnumMemberSite"/>) and <c>base</c> (a constructor initializer's arguments). Case is ignored; the
    /// scan is one pass over the characters and never allocates.
    /// </summary>
    internal struct HotText
    {
        /// <summary>Stems every name <see cref="ModelPolicy.Text.PositionNames"/> accepts contains (checked by a test).</summary>
        internal static readonly string[] PositionWords = { "model", "deploy", "engine", "endpoint", "url", "uri", "address", "apibase", "host", "server" };

        private static readonly WordSet Names = new WordSet(Words());

        private readonly string text;
        private int next;

        public HotText(string text)
        {
            this.text = text;
            next = 0;
            Position = -1;
        }

        public int Position { get; private set; }

        // Optimized at once: the compiler keeps jitting while it builds, which holds back tiering (docs/performance.md).
        [MethodImpl((MethodImplOptions)512)] // AggressiveOptimization; netstandard2.0 lacks the name
        public bool MoveNext()
        {
            for (var i = next; i < text.Length; i++)
            {
                if (text[i] == '"' || Names.StartsAt(text, i))
                {
                    return Found(i);
                }
            }

            next = text.Length;
            return false;
        }

        private bool Found(int position)
        {
            Position = position;
            next = position + 1;
            return true;
        }

        internal static IEnumerable<string> Words()
        {
            foreach (var word in PositionWords)
            {
                yield return word;
            }

            foreach (var word in BindingFilter.AiCallWords)
            {
                yield return word;
            }

            foreach (var word in BindingFilter.ValueNameWords)
            {
                yield return word;
            }

            yield return "claude";
            yield return "base";
        }
    }
}
