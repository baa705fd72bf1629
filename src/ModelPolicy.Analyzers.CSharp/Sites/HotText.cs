using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// The places in a file's text where a site can have something to judge, in order: a string that may matter, every
    /// word a site's syntax tests look for in a name — the stems of model and endpoint position names
    /// (<see cref="PositionWords"/>), <see cref="BindingFilter"/>'s AI-call and value-name words, <c>Claude</c>
    /// (<see cref="SdkEnumMemberSite"/>) and the keyword <c>base</c> (a constructor initializer's arguments) — and whatever the scan
    /// cannot read on its own. Case is ignored; one pass over the characters, never allocates.
    /// <para>
    /// The scan reads C#'s lexical structure as far as it is plain (HotText.Strings.cs): comments are passed over, and so
    /// is a string that cannot matter on its text (<see cref="Leaf.MayMatter"/>: no URL, even after leading spaces, no model
    /// id's shape), holds no such word and stands beside no <c>+</c> — a regular one (its escapes make no letter), a verbatim
    /// one, or a regular interpolated one on one line whose holes hold plain expressions. A string with a model id's shape
    /// is passed over too when the catalog does not know it and no such word (nor another string that is a place, nor
    /// <c>new(</c> or <c>this(</c>) comes before it in its statement: an unknown id counts only in an SDK's own position, and
    /// every site that finds one starts from a name word before it (<c>GetChatClient(</c>, <c>model:</c>, <c>Model =</c>,
    /// <c>{ "model", …</c>). The same holds for an interpolated string, whose first text is judged at the uses it reaches.
    /// A statement ends at <c>;</c> or <c>}</c> outside parentheses, so a lambda's body inside a call's arguments ends none.
    /// Everything else — a string that may matter, a raw string, an interpolated one it cannot read, a character literal it
    /// cannot read, a preprocessor directive — is a place: the caller finds its token in the tree and hands it to the scan
    /// (<see cref="Enter"/>), so the tree, not this scan, decides what is code after anything unusual. In an interpolated
    /// string entered at its start only the holes are read, every quote and word in them a place.
    /// </para>
    /// </summary>
    internal partial struct HotText
    {
        /// <summary>Stems every name <see cref="ModelPolicy.Text.PositionNames"/> accepts contains (checked by a test).</summary>
        internal static readonly string[] PositionWords = { "model", "deploy", "engine", "endpoint", "url", "uri", "address", "apibase", "host", "server" };

        private static readonly WordSet Names = new WordSet(Words());

        private readonly string text;
        private readonly ModelCatalog? catalog;
        private int next;
        private int exactUntil;
        private int lastWord;
        private int lastBoundary;
        private int depth;
        private InterpolatedStringExpressionSyntax? holesOf;
        private int content;

        /// <param name="catalog">Null: every string with a model id's shape is a place (tests of the lexical reading).</param>
        public HotText(string text, ModelCatalog? catalog = null)
        {
            this.text = text;
            this.catalog = catalog;
            next = 0;
            exactUntil = 0;
            lastWord = -1;
            lastBoundary = -1;
            depth = 0;
            Position = -1;
        }

        public int Position { get; private set; }

        /// <summary>
        /// What the tree holds at the place <paramref name="position"/>: the scan goes on after the token, or after the trivia
        /// the place is in, and reads an interpolated string place by place. False when the place is in trivia (a comment,
        /// a directive, disabled text): nothing there to visit.
        /// </summary>
        public bool Enter(SyntaxToken token, int position)
        {
            if (!token.Span.Contains(position))
            {
                next = Math.Max(next, position < token.SpanStart ? token.SpanStart : token.FullSpan.End);
                return false;
            }

            next = Math.Max(next, token.Span.End);
            if (token.Parent is InterpolatedStringExpressionSyntax interpolated && interpolated.StringStartToken == token)
            {
                // Its texts are judged with it (SiteDispatcher.Visit): only its holes are read, every quote and word in them
                // a place. One inside another's hole: every quote and word is a place up to the outer one's end.
                holesOf = token.SpanStart < exactUntil || PassesOverNoString ? null : interpolated;
                content = 0;
                exactUntil = Math.Max(exactUntil, interpolated.Span.End);
            }

            return true;
        }

        /// <summary>For tests: every string is a place, as if none could be passed over on its text.</summary>
        internal bool PassesOverNoString { get; set; }

        /// <summary>Whether a string's characters were passed over; set by <see cref="MoveNext"/> for tests.</summary>
        internal Action<int, int>? OnSkippedString { get; set; }

        // Optimized at once: the compiler keeps jitting while it builds, which holds back tiering (docs/performance.md).
        [MethodImpl(HotPath.Optimized)]
        public bool MoveNext()
        {
            var i = next;
            while (i < text.Length)
            {
                if (i < exactUntil && holesOf != null && !InHole(ref i))
                {
                    continue;
                }

                var c = text[i];
                if (i < exactUntil)
                {
                    if (c == '"' || Names.StartsAt(text, i))
                    {
                        lastWord = i;
                        return Found(i);
                    }

                    i++;
                    continue;
                }

                switch (c)
                {
                    case '"':
                        var after = StringEnd(i);
                        if (after < 0)
                        {
                            lastWord = i; // a string that may matter, or a name word in one ({ "model", … }): what follows may be its value
                            return Found(i);
                        }

                        i = after;
                        continue;
                    case '\'':
                        var close = CharacterEnd(i);
                        if (close < 0)
                        {
                            return Found(i);
                        }

                        i = close;
                        continue;
                    case '/' when i + 1 < text.Length && text[i + 1] == '/':
                        i = text.IndexOf('\n', i + 2);
                        i = i < 0 ? text.Length : i + 1;
                        continue;
                    case '/' when i + 1 < text.Length && text[i + 1] == '*':
                        i = text.IndexOf("*/", i + 2, StringComparison.Ordinal);
                        i = i < 0 ? text.Length : i + 2;
                        continue;
                    case '#' when AtLineStart(i):
                        return Found(i); // a directive: disabled text after it can hold anything; the tree knows where code resumes
                    case '(':
                        depth++;
                        i++;
                        continue;
                    case ')':
                        depth = depth > 0 ? depth - 1 : 0;
                        i++;
                        continue;
                    case ';':
                    case '}':
                        // The end of a statement or a block, not of a lambda's body inside a call's arguments.
                        if (depth == 0)
                        {
                            lastBoundary = i;
                        }

                        i++;
                        continue;
                    default:
                        if (Names.StartsAt(text, i) || (c == 'b' && NextChar(i) == 'a' && IsKeywordAt(i, "base")))
                        {
                            lastWord = i;
                            return Found(i);
                        }

                        // new(…) and this(…) call what the text does not name: a value after them may be an argument of a model
                        // parameter, as after a name word.
                        if ((c == 'n' && NextChar(i) == 'e' && IsKeywordAt(i, "new") && NextTo('(', i + 3, 1))
                            || (c == 't' && NextChar(i) == 'h' && IsKeywordAt(i, "this") && NextTo('(', i + 4, 1)))
                        {
                            lastWord = i;
                        }

                        i++;
                        continue;
                }
            }

            next = text.Length;
            return false;
        }

        /// <summary>
        /// In an interpolated string entered at its start (<see cref="holesOf"/>): whether <paramref name="i"/> is in a hole;
        /// if not, it is moved to the next hole's start, or to the string's end.
        /// </summary>
        private bool InHole(ref int i)
        {
            var contents = holesOf!.Contents;
            for (; content < contents.Count; content++)
            {
                if (contents[content] is InterpolationSyntax hole && i < hole.Span.End)
                {
                    if (i >= hole.SpanStart)
                    {
                        return true;
                    }

                    i = hole.SpanStart;
                    return false;
                }
            }

            i = Math.Max(i, exactUntil);
            holesOf = null;
            return false;
        }

        /// <summary>
        /// A name word, a string that is a place, <c>new(</c> or <c>this(</c> since the statement began: what follows may be the
        /// value of a model or endpoint position, so an unknown id or an interpolated string after it is a place.
        /// </summary>
        private bool NameWordInStatement => lastWord > lastBoundary;

        /// <summary>Whether the first character from <paramref name="index"/> on (stepping by <paramref name="step"/>) past spaces is the sign, or a comment.</summary>
        private bool NextTo(char sign, int index, int step)
        {
            for (var i = index; i >= 0 && i < text.Length; i += step)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    continue;
                }

                return c == sign || c == '/';
            }

            return false;
        }

        /// <summary>The keyword itself (<c>: base(…)</c>), not a name holding it (BaseDirectory, Database).</summary>
        private bool IsKeywordAt(int index, string keyword) =>
            string.CompareOrdinal(text, index, keyword, 0, keyword.Length) == 0
            && (index == 0 || !IsNameCharacter(text[index - 1]))
            && (index + keyword.Length >= text.Length || !IsNameCharacter(text[index + keyword.Length]));

        private static bool IsNameCharacter(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '@';

        private bool AtLineStart(int index)
        {
            for (var i = index - 1; i >= 0; i--)
            {
                var c = text[i];
                if (c == '\n')
                {
                    return true;
                }

                if (c != ' ' && c != '\t' && c != '\r')
                {
                    return false;
                }
            }

            return true;
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
        }
    }
}
