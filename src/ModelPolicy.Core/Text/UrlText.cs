using System;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>Finds the host of an absolute http(s)/ws(s) URL inside a string, without allocating.</summary>
    public static class UrlText
    {
        /// <summary>
        /// True when <paramref name="text"/> at <paramref name="start"/> (after white space) begins an absolute
        /// http, https, ws or wss URL; gives the span of its host (no user info, no port).
        /// <paramref name="complete"/> is false when the host runs to the end of the text: for a whole string that is
        /// fine, for an interpolated text part the host may go on in the hole that follows.
        /// </summary>
        public static bool TryGetHost(string text, int start, int end, out int hostStart, out int hostLength, out bool complete)
        {
            hostStart = hostLength = 0;
            complete = false;
            while (start < end && char.IsWhiteSpace(text[start]))
            {
                start++;
            }

            var schemeEnd = SchemeLength(text, start, end);
            if (schemeEnd == 0)
            {
                return false;
            }

            var i = start + schemeEnd;
            var authorityStart = i;
            var stop = end;
            for (var j = i; j < end; j++)
            {
                var c = text[j];
                if (c == '/' || c == '?' || c == '#' || c == '"' || c == '\'' || char.IsWhiteSpace(c))
                {
                    stop = j;
                    break;
                }
            }

            // user info
            for (var j = stop - 1; j >= authorityStart; j--)
            {
                if (text[j] == '@')
                {
                    authorityStart = j + 1;
                    break;
                }
            }

            var hostEnd = stop;
            for (var j = authorityStart; j < stop; j++)
            {
                if (text[j] == ':')
                {
                    hostEnd = j;
                    break;
                }
            }

            if (hostEnd <= authorityStart)
            {
                return false;
            }

            hostStart = authorityStart;
            hostLength = hostEnd - authorityStart;
            complete = stop < end || hostEnd < stop;
            return true;
        }

        /// <summary>A URL after leading white space (<c>"  https://api.openai.com/v1"</c>, a padded or multi-line string).</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsUrlAfterSpaces(string text, int start, int end)
        {
            var i = start;
            while (i < end && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return i > start && SchemeLength(text, i, end) > 0;
        }

        /// <summary>Length of "https://" etc. at <paramref name="start"/>, or 0.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static int SchemeLength(string text, int start, int end)
        {
            if (end - start < 5)
            {
                return 0;
            }

            var c = text[start] | 0x20;
            int length;
            if (c == 'h')
            {
                length = Is(text, start, end, "https://") ? 8 : Is(text, start, end, "http://") ? 7 : 0;
            }
            else if (c == 'w')
            {
                length = Is(text, start, end, "wss://") ? 6 : Is(text, start, end, "ws://") ? 5 : 0;
            }
            else
            {
                return 0;
            }

            return length;
        }

        /// <summary>True for hosts of this machine or a private network: self-hosted, judged by no origin.</summary>
        public static bool IsLocalHost(string text, int start, int length)
        {
            return Equals(text, start, length, "localhost") || Equals(text, start, length, "127.0.0.1") || Equals(text, start, length, "[::1]")
                || Equals(text, start, length, "0.0.0.0") || Equals(text, start, length, "host.docker.internal")
                || EndsWith(text, start, length, ".local") || EndsWith(text, start, length, ".internal") || EndsWith(text, start, length, ".localhost");
        }

        private static bool Is(string text, int start, int end, string prefix) =>
            end - start >= prefix.Length && string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool Equals(string text, int start, int length, string value) =>
            length == value.Length && string.Compare(text, start, value, 0, length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool EndsWith(string text, int start, int length, string value) =>
            length > value.Length && string.Compare(text, start + length - value.Length, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;
    }
}
