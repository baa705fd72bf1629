using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>From a string's source text to its value: where each value character was written.</summary>
    internal static partial class JsonStringRewriter
    {
        /// <summary>
        /// Where each character of <paramref name="value"/> starts in <paramref name="source"/> (one more entry: the end).
        /// Regular and verbatim text is decoded escape by escape and must give the value back exactly; raw text has no
        /// escapes, only indentation and the first and last line breaks removed, so its characters are found in order.
        /// </summary>
        private static int[]? Map(string source, string value, Form form, bool interpolated)
        {
            var map = new int[value.Length + 1];
            var v = 0;
            var i = 0;
            if (form == Form.Raw)
            {
                for (; v < value.Length; v++, i++)
                {
                    while (i < source.Length && source[i] != value[v])
                    {
                        if (!char.IsWhiteSpace(source[i]))
                        {
                            return null;
                        }

                        i++;
                    }

                    if (i >= source.Length)
                    {
                        return null;
                    }

                    map[v] = i;
                }

                map[value.Length] = i;
                return map;
            }

            var decoded = new StringBuilder(value.Length);
            while (i < source.Length)
            {
                var start = i;
                var c = source[i];
                if (form == Form.Regular && c == '\\')
                {
                    if (!Unescape(source, ref i, decoded))
                    {
                        return null;
                    }
                }
                else if (form == Form.Verbatim && c == '"' && i + 1 < source.Length && source[i + 1] == '"')
                {
                    decoded.Append('"');
                    i += 2;
                }
                else if (interpolated && (c == '{' || c == '}') && i + 1 < source.Length && source[i + 1] == c)
                {
                    decoded.Append(c);
                    i += 2;
                }
                else
                {
                    decoded.Append(c);
                    i++;
                }

                while (v < decoded.Length)
                {
                    if (v >= value.Length || decoded[v] != value[v])
                    {
                        return null;
                    }

                    map[v++] = start;
                }
            }

            if (v != value.Length)
            {
                return null;
            }

            map[value.Length] = source.Length;
            return map;
        }

        private static bool Unescape(string source, ref int i, StringBuilder decoded)
        {
            if (i + 1 >= source.Length)
            {
                return false;
            }

            var c = source[i + 1];
            i += 2;
            switch (c)
            {
                case '\'': decoded.Append('\''); return true;
                case '"': decoded.Append('"'); return true;
                case '\\': decoded.Append('\\'); return true;
                case '0': decoded.Append('\0'); return true;
                case 'a': decoded.Append('\a'); return true;
                case 'b': decoded.Append('\b'); return true;
                case 'e': decoded.Append('\u001b'); return true;
                case 'f': decoded.Append('\f'); return true;
                case 'n': decoded.Append('\n'); return true;
                case 'r': decoded.Append('\r'); return true;
                case 't': decoded.Append('\t'); return true;
                case 'v': decoded.Append('\v'); return true;
                case 'u':
                    return Hex(source, ref i, 4, 4, out var u) && Append(decoded, u);
                case 'U':
                    return Hex(source, ref i, 8, 8, out var big) && Append(decoded, big);
                case 'x':
                    return Hex(source, ref i, 1, 4, out var x) && Append(decoded, x);
                default:
                    return false;
            }
        }

        private static bool Append(StringBuilder decoded, int codePoint)
        {
            if (codePoint < 0 || codePoint > 0x10FFFF)
            {
                return false;
            }

            if (codePoint < 0x10000)
            {
                decoded.Append((char)codePoint);
            }
            else
            {
                decoded.Append((char)(0xD800 + ((codePoint - 0x10000) >> 10))).Append((char)(0xDC00 + ((codePoint - 0x10000) & 0x3FF)));
            }

            return true;
        }

        private static bool Hex(string source, ref int i, int min, int max, out int value)
        {
            value = 0;
            var count = 0;
            while (count < max && i < source.Length && Uri.IsHexDigit(source[i]))
            {
                value = (value * 16) + Convert.ToInt32(source[i].ToString(), 16);
                i++;
                count++;
            }

            return count >= min;
        }
    }
}
