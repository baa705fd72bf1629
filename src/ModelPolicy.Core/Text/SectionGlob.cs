using System.Linq;
using System.Text;
using System.Text.RegularExpressions;

namespace ModelPolicy.Text
{
    /// <summary>.editorconfig section globs (<c>*</c>, <c>**</c>, <c>?</c>, <c>{a,b}</c>, <c>[abc]</c>) as regexes over '/'-separated paths.</summary>
    public static class SectionGlob
    {
        /// <summary>An .editorconfig glob as a regex over a '/'-separated path, anchored at a folder boundary.</summary>
        /// <param name="anchored">
        /// True: the glob is matched against the whole path relative to the .editorconfig's folder when it has a '/'
        /// (the .editorconfig rule). False: from any folder boundary (an organisation file, which knows no root).
        /// A glob without '/' always matches the file name in any folder.
        /// </param>
        public static Regex ToRegex(string glob, bool anchored)
        {
            var prefix = anchored && glob.IndexOf('/') >= 0 ? "^" : "^(?:.*/)?";
            return new Regex(prefix + Body(glob) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        }

        private static string Body(string glob)
        {
            var body = new StringBuilder();
            var text = glob.TrimStart('/');
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '*':
                        if (i + 1 < text.Length && text[i + 1] == '*')
                        {
                            body.Append(".*");
                            i++;
                        }
                        else
                        {
                            body.Append("[^/]*");
                        }

                        break;
                    case '?':
                        body.Append("[^/]");
                        break;
                    case '{':
                        var close = text.IndexOf('}', i);
                        if (close < 0)
                        {
                            body.Append("\\{");
                            break;
                        }

                        var options = text.Substring(i + 1, close - i - 1).Split(',');
                        body.Append("(?:").Append(string.Join("|", options.Select(Body))).Append(')');
                        i = close;
                        break;
                    case '[':
                        var end = text.IndexOf(']', i);
                        if (end < 0)
                        {
                            body.Append("\\[");
                            break;
                        }

                        body.Append('[').Append(text.Substring(i + 1, end - i - 1).Replace("!", "^").Replace("\\", "\\\\")).Append(']');
                        i = end;
                        break;
                    default:
                        body.Append(Regex.Escape(c.ToString()));
                        break;
                }
            }

            return body.ToString();
        }

    }
}
