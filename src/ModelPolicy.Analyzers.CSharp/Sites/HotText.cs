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
    /// The scan reads C#'s lexical structure as far as it is plain: comments are passed over, and so is a regular string
    /// on one line, without escapes, that cannot matter on its text (<see cref="Leaf.MayMatter"/>: no URL, even after
    /// leading spaces, no model id's shape), holds no such word and stands beside no <c>+</c>. A string with a model id's shape is
    /// passed over too when the catalog does not know it and no such word (nor another string that is a place) comes
    /// before it in its statement: an unknown id counts only in an SDK's own position, and every site that finds one
    /// starts from a name word before it (<c>GetChatClient(</c>, <c>model:</c>, <c>Model =</c>, <c>{ "model", …</c>).
    /// Everything else — a string that may
    /// matter, a verbatim, raw or interpolated string, a character literal it cannot read, a preprocessor directive — is a
    /// place: the caller finds its token in the tree and hands it to the scan (<see cref="Enter"/>), so the
    /// tree, not this scan, decides what is code after anything unusual. Inside an interpolated string every quote and word
    /// is a place.
    /// </para>
    /// </summary>
    internal struct HotText
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
                exactUntil = Math.Max(exactUntil, interpolated.Span.End); // every quote and word inside is a place
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
                        if (Names.StartsAt(text, i) || (c == 'b' && IsKeywordAt(i, "base")))
                        {
                            lastWord = i;
                            return Found(i);
                        }

                        // new(…) and this(…) call what the text does not name: a value after them may be an argument of a model
                        // parameter, as after a name word.
                        if ((c == 'n' && IsKeywordAt(i, "new") && NextIs('(', i + 3)) || (c == 't' && IsKeywordAt(i, "this") && NextIs('(', i + 4)))
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
        /// The index after a string opening at <paramref name="quote"/> that the scan may pass over (see the class summary),
        /// or -1 when it is a place: a regular string (escapes that make no letter included), a verbatim one, or a regular
        /// interpolated one on one line whose holes hold no string, comment or name word.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private int StringEnd(int quote)
        {
            if (PassesOverNoString)
            {
                return -1;
            }

            var prefix = quote > 0 ? text[quote - 1] : '\0';
            var before = quote > 1 ? text[quote - 2] : '\0';
            if (prefix == '@')
            {
                return before == '$' ? -1 : VerbatimEnd(quote);
            }

            if (prefix == '$')
            {
                return before == '@' || before == '$' ? -1 : InterpolatedEnd(quote);
            }

            var start = quote + 1;
            var end = start;
            var escapes = false;
            if (end < text.Length && text[end] == '"')
            {
                if (end + 1 < text.Length && text[end + 1] == '"')
                {
                    return -1; // raw
                }
            }
            else
            {
                while (end < text.Length && text[end] != '"')
                {
                    var c = text[end];
                    if (c == '\n' || c == '\r')
                    {
                        return -1; // no end on this line
                    }

                    if (c == '\\')
                    {
                        if (end + 1 >= text.Length || !IsEscapeOfNoLetter(text[end + 1]))
                        {
                            return -1; // \u, \x, \\: the value can hold what the characters do not show
                        }

                        escapes = true;
                        end += 2;
                        continue;
                    }

                    end++;
                }

                if (end >= text.Length)
                {
                    return -1;
                }
            }

            return PassOver(quote, start, end, escapes, multiLine: false);
        }

        /// <summary>A verbatim string: <c>""</c> is its one escape, and it can run over lines.</summary>
        private int VerbatimEnd(int quote)
        {
            var start = quote + 1;
            var end = start;
            var escapes = false;
            var multiLine = false;
            while (true)
            {
                if (end >= text.Length)
                {
                    return -1;
                }

                var c = text[end];
                if (c == '"')
                {
                    if (end + 1 < text.Length && text[end + 1] == '"')
                    {
                        escapes = true;
                        end += 2;
                        continue;
                    }

                    break;
                }

                multiLine |= c == '\n' || c == '\r';
                end++;
            }

            return PassOver(quote - 1, start, end, escapes, multiLine);
        }

        /// <summary>
        /// Leaf.MayMatter's text test on the characters of a string from <paramref name="start"/> to its closing quote at
        /// <paramref name="end"/>, the token opening at <paramref name="open"/>: the index after the token, or -1. With
        /// <paramref name="escapes"/> the value differs from the characters only by quotes, apostrophes and control characters
        /// (<see cref="IsEscapeOfNoLetter"/>), which no model id holds.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private int PassOver(int open, int start, int end, bool escapes, bool multiLine)
        {
            var idShaped = false;
            if (end - start >= 2)
            {
                if (UrlText.SchemeLength(text, start, end) > 0 || UrlText.IsUrlAfterSpaces(text, start, end))
                {
                    return -1;
                }

                if (escapes)
                {
                    // an escaped white space before a scheme is a padded URL; an escaped quote beside a brace may be JSON
                    if (text.IndexOf("://", start, end - start, StringComparison.Ordinal) >= 0 || text.IndexOf('{', start, end - start) >= 0)
                    {
                        return -1;
                    }
                }
                else
                {
                    // a line break is in no model id
                    idShaped = !multiLine && ModelIdShape.IsPlausible(text, start, end);
                }
            }

            // A word a name test looks for ({ "engine", value }: a request body's key), or a concatenation it may lead.
            if (Names.IndexOfAny(text, start, end) >= 0)
            {
                return -1;
            }

            var after = end + 1;
            if (after + 1 < text.Length && (text[after] == 'u' || text[after] == 'U') && text[after + 1] == '8')
            {
                after += 2;
            }

            if (NextTo('+', open - 1, -1) || NextTo('+', after, 1))
            {
                return -1;
            }

            // An id the catalog does not know counts only in an SDK's own position, and every site that can find one needs a
            // name word before it in its statement (GetChatClient(, model:, Model =, { "model", …): with none since the last
            // ';' or '}', only a known id can matter here (LiteralSite).
            if (idShaped && (catalog == null || lastWord > lastBoundary || catalog.IsKnownModel(text.Substring(start, end - start))))
            {
                return -1;
            }

            OnSkippedString?.Invoke(open, after);
            return after;
        }

        /// <summary>
        /// A regular interpolated string on one line (<c>$"Retry {id} of {count}"</c>). Its first text owns it and is judged
        /// at the uses the whole string reaches, and every site that can report there needs a name word before the string in
        /// its statement, as for an unknown id; so it is passed over when none comes before it or inside it, no text of it
        /// may matter on its own (a URL, a quote, a brace, a model id's shape), and its holes hold only plain expressions.
        /// </summary>
        private int InterpolatedEnd(int quote)
        {
            var start = quote + 1;
            if (start + 1 < text.Length && text[start] == '"' && text[start + 1] == '"')
            {
                return -1; // raw
            }

            var i = start;
            var partStart = start;
            var escapes = false;
            while (true)
            {
                if (i >= text.Length)
                {
                    return -1;
                }

                var c = text[i];
                if (c == '"')
                {
                    break;
                }

                switch (c)
                {
                    case '\n':
                    case '\r':
                    case '}':
                        return -1; // over lines, or a brace in the text ("}}")
                    case '\\':
                        if (i + 1 >= text.Length || text[i + 1] == '"' || !IsEscapeOfNoLetter(text[i + 1]))
                        {
                            return -1;
                        }

                        escapes = true;
                        i += 2;
                        continue;
                    case '{':
                        if ((i + 1 < text.Length && text[i + 1] == '{') || !TextCannotMatter(partStart, i, escapes))
                        {
                            return -1;
                        }

                        var close = HoleEnd(i + 1);
                        if (close < 0)
                        {
                            return -1;
                        }

                        i = close + 1;
                        partStart = i;
                        escapes = false;
                        continue;
                }

                i++;
            }

            var after = i + 1;
            if (!TextCannotMatter(partStart, i, escapes) || lastWord > lastBoundary || Names.IndexOfAny(text, start, i) >= 0
                || NextTo('+', quote - 2, -1) || NextTo('+', after, 1))
            {
                return -1;
            }

            OnSkippedString?.Invoke(quote - 1, after);
            return after;
        }

        /// <summary>An interpolated string's text that Leaf.MayMatter rejects: no URL, no model id's shape (quotes and braces were rejected before).</summary>
        private bool TextCannotMatter(int start, int end, bool escapes) =>
            end - start < 2
            || (text.IndexOf("://", start, end - start, StringComparison.Ordinal) < 0 && (escapes || !ModelIdShape.IsPlausible(text, start, end)));

        /// <summary>The closing brace of a hole from <paramref name="from"/>, or -1 where it holds anything but a plain expression on one line.</summary>
        private int HoleEnd(int from)
        {
            var nested = 0;
            for (var i = from; i < text.Length; i++)
            {
                switch (text[i])
                {
                    case '"':
                    case '\'':
                    case '@':
                    case '$':
                    case '/':
                    case '\\':
                    case '#':
                    case '\n':
                    case '\r':
                        return -1;
                    case '(':
                    case '[':
                    case '{':
                        nested++;
                        break;
                    case ')':
                    case ']':
                        if (nested == 0)
                        {
                            return -1;
                        }

                        nested--;
                        break;
                    case '}':
                        if (nested == 0)
                        {
                            return i;
                        }

                        nested--;
                        break;
                }
            }

            return -1;
        }

        /// <summary>\", \', \0, \a, \b, \e, \f, \n, \r, \t, \v: a quote, an apostrophe or a control character, never a letter.</summary>
        private static bool IsEscapeOfNoLetter(char c) =>
            c == '"' || c == '\'' || c == '0' || c == 'a' || c == 'b' || c == 'e' || c == 'f' || c == 'n' || c == 'r' || c == 't' || c == 'v';

        private bool NextIs(char sign, int index)
        {
            for (var i = index; i < text.Length; i++)
            {
                var c = text[i];
                if (c != ' ' && c != '\t')
                {
                    return c == sign;
                }
            }

            return false;
        }

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

        /// <summary>The index after a character literal opening at <paramref name="quote"/> ('"', '\'', '\u0022'), or -1.</summary>
        private int CharacterEnd(int quote)
        {
            if (quote + 2 < text.Length && text[quote + 1] != '\\' && text[quote + 1] != '\n' && text[quote + 2] == '\'')
            {
                return quote + 3;
            }

            if (quote + 3 < text.Length && text[quote + 1] == '\\')
            {
                var limit = Math.Min(text.Length, quote + 12);
                for (var i = quote + 3; i < limit; i++)
                {
                    var c = text[i];
                    if (c == '\'')
                    {
                        return i + 1;
                    }

                    if (c == '\n' || c == '"')
                    {
                        return -1;
                    }
                }
            }

            return -1;
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
