using System;
using System.Runtime.CompilerServices;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// How <see cref="HotText"/> reads strings and character literals on their characters, to pass over those that cannot
    /// matter without asking the tree: regular, verbatim and regular interpolated strings (see the main part's summary).
    /// </summary>
    internal partial struct HotText
    {
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
            var backslashes = false;
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
                        if (end + 1 < text.Length && text[end + 1] == '\\')
                        {
                            backslashes = true;
                        }
                        else if (end + 1 >= text.Length || !IsEscapeOfNoLetter(text[end + 1]))
                        {
                            return -1; // \u, \x: the value can hold what the characters do not show
                        }
                        else
                        {
                            escapes = true;
                        }

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

            return PassOver(quote, start, end, escapes, multiLine: false, backslashes);
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
        /// <paramref name="escapes"/> the value differs from the characters by quotes, apostrophes and control characters
        /// (<see cref="IsEscapeOfNoLetter"/>), which no model id holds; with <paramref name="backslashes"/>, by <c>\\</c> read
        /// as one backslash, which a path to a weights file can hold (its shape is tested on the characters, which is longer).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        private int PassOver(int open, int start, int end, bool escapes, bool multiLine, bool backslashes = false)
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
                    // a line break is in no model id; a doubled backslash makes the characters longer than the value
                    idShaped = !multiLine && (ModelIdShape.IsPlausible(text, start, end) || (backslashes && end - start > ModelIdShape.MaxLength));
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
            if (idShaped && (catalog == null || NameWordInStatement || (backslashes ? catalog.IsKnownModel(Value(start, end)) : catalog.IsKnownModel(text, start, end))))
            {
                return -1;
            }

            OnSkippedString?.Invoke(open, after);
            return after;
        }

        /// <summary>The value of a regular string's characters without escapes but <c>\\</c>.</summary>
        private string Value(int start, int end) => text.Substring(start, end - start).Replace("\\\\", "\\");

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

                        i += 2;
                        continue;
                    case '{':
                        if ((i + 1 < text.Length && text[i + 1] == '{') || !TextCannotMatter(partStart, i))
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
                        continue;
                }

                i++;
            }

            var after = i + 1;
            if (!TextCannotMatter(partStart, i) || NameWordInStatement || Names.IndexOfAny(text, start, i) >= 0
                || NextTo('+', quote - 2, -1) || NextTo('+', after, 1))
            {
                return -1;
            }

            OnSkippedString?.Invoke(quote - 1, after);
            return after;
        }

        /// <summary>
        /// An interpolated string's text that cannot matter on its own: no URL (quotes and braces were rejected before). A
        /// text with a model id's shape is judged only at the uses the string reaches (LiteralSite reports none on its own).
        /// </summary>
        private bool TextCannotMatter(int start, int end) =>
            end - start < 2 || text.IndexOf("://", start, end - start, StringComparison.Ordinal) < 0;

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

        private char NextChar(int index) => index + 1 < text.Length ? text[index + 1] : '\0';

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
    }
}
