using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>One value inside a JSON text in a C# string to replace with an interpolation hole.</summary>
    internal readonly struct JsonHole
    {
        public JsonHole(InterpolatedStringTextSyntax? part, int valueStart, int valueLength, string expression)
        {
            Part = part;
            ValueStart = valueStart;
            ValueLength = valueLength;
            Expression = expression;
        }

        /// <summary>The text part of an interpolated string that holds the value; null for a string literal.</summary>
        public InterpolatedStringTextSyntax? Part { get; }

        /// <summary>Offset of the value in the literal's (or the text part's) <c>ValueText</c>, without the JSON quotes.</summary>
        public int ValueStart { get; }

        public int ValueLength { get; }

        /// <summary>The C# expression the hole holds, e.g. <c>routes.GetModel("chat")</c>.</summary>
        public string Expression { get; }
    }

    /// <summary>
    /// Turns values inside JSON in a C# string into interpolation holes, keeping everything else as written:
    /// a regular or verbatim literal becomes <c>$"…"</c> / <c>$@"…"</c> with its braces doubled; a raw literal gets
    /// one more <c>$</c> than its longest run of braces, so its braces stay content and the holes use that many
    /// braces; an interpolated string keeps its form and gets holes of its own brace count. The escapes of the
    /// string's kind stay as they were: only the characters between the value's JSON quotes are replaced.
    /// </summary>
    internal static partial class JsonStringRewriter
    {
        private enum Form
        {
            Regular,
            Verbatim,
            Raw,
        }

        /// <summary>Whether <see cref="Rewrite"/> can place a hole at that value (the string's kind is understood and the value maps back to its source).</summary>
        public static bool CanRewrite(ExpressionSyntax target, InterpolatedStringTextSyntax? part, int valueStart, int valueLength) =>
            Rewrite(target, new[] { new JsonHole(part, valueStart, valueLength, "x") }) != null;

        /// <summary>The new string expression's source text, or null when a hole cannot be placed.</summary>
        public static string? Rewrite(ExpressionSyntax target, IReadOnlyList<JsonHole> holes)
        {
            if (holes.Count == 0)
            {
                return null;
            }

            switch (target)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return holes.Any(h => h.Part != null) ? null : RewriteLiteral(literal.Token, holes);
                case InterpolatedStringExpressionSyntax interpolated:
                    return holes.Any(h => h.Part == null || h.Part.Parent != interpolated) ? null : RewriteInterpolated(interpolated, holes);
                default:
                    return null;
            }
        }

        private static string? RewriteLiteral(SyntaxToken token, IReadOnlyList<JsonHole> holes)
        {
            var text = token.Text;
            var value = token.ValueText;
            Form form;
            int open, close;
            switch (token.Kind())
            {
                case SyntaxKind.StringLiteralToken when text.StartsWith("@\"", StringComparison.Ordinal):
                    form = Form.Verbatim;
                    open = 2;
                    close = 1;
                    break;
                case SyntaxKind.StringLiteralToken when text.StartsWith("\"", StringComparison.Ordinal):
                    form = Form.Regular;
                    open = 1;
                    close = 1;
                    break;
                case SyntaxKind.SingleLineRawStringLiteralToken:
                case SyntaxKind.MultiLineRawStringLiteralToken:
                    form = Form.Raw;
                    open = CountLeading(text, '"');
                    close = open;
                    break;
                default:
                    return null;
            }

            if (text.Length < open + close)
            {
                return null;
            }

            var content = text.Substring(open, text.Length - open - close);
            var map = Map(content, value, form, interpolated: false);
            if (map == null)
            {
                return null;
            }

            var braces = form == Form.Raw ? LongestBraceRun(content) + 1 : 1;
            var spliced = Splice(content, value, map, holes, braces, doubleBraces: form != Form.Raw);
            if (spliced == null)
            {
                return null;
            }

            var prefix = form == Form.Raw ? new string('$', braces) : "$";
            return prefix + text.Substring(0, open) + spliced + text.Substring(text.Length - close);
        }

        private static string? RewriteInterpolated(InterpolatedStringExpressionSyntax interpolated, IReadOnlyList<JsonHole> holes)
        {
            var start = interpolated.StringStartToken.Text;
            var dollars = CountLeading(start.Replace("@", string.Empty), '$');
            Form form;
            if (start.IndexOf("\"\"\"", StringComparison.Ordinal) >= 0)
            {
                form = Form.Raw;
            }
            else if (start.IndexOf('@') >= 0)
            {
                form = Form.Verbatim;
            }
            else
            {
                form = Form.Regular;
            }

            if (dollars < 1)
            {
                return null;
            }

            var builder = new StringBuilder();
            var position = interpolated.SpanStart;
            var source = interpolated.ToString();
            foreach (var group in holes.GroupBy(h => h.Part!).OrderBy(g => g.Key.SpanStart))
            {
                var token = group.Key.TextToken;
                // Roslyn keeps a text part's doubled braces in its ValueText; read it both ways to be safe.
                var map = Map(token.Text, token.ValueText, form, interpolated: false) ?? Map(token.Text, token.ValueText, form, interpolated: true);
                if (map == null)
                {
                    return null;
                }

                var spliced = Splice(token.Text, token.ValueText, map, group.ToList(), form == Form.Raw ? dollars : 1, doubleBraces: false);
                if (spliced == null)
                {
                    return null;
                }

                builder.Append(source, position - interpolated.SpanStart, token.SpanStart - position).Append(spliced);
                position = token.Span.End;
            }

            builder.Append(source, position - interpolated.SpanStart, interpolated.Span.End - position);
            return builder.ToString();
        }

        /// <summary>
        /// The content with each hole's value replaced by <c>{expression}</c> (with <paramref name="braces"/> braces),
        /// and, for a literal that becomes interpolated, every other brace doubled.
        /// </summary>
        private static string? Splice(string content, string value, int[] map, IReadOnlyList<JsonHole> holes, int braces, bool doubleBraces)
        {
            var builder = new StringBuilder(content.Length + 32);
            var position = 0;
            foreach (var hole in holes.OrderBy(h => h.ValueStart))
            {
                var end = hole.ValueStart + hole.ValueLength;
                if (hole.ValueStart < 0 || hole.ValueLength <= 0 || end > value.Length || map[hole.ValueStart] < position)
                {
                    return null;
                }

                // The value must be what the source has there, character for character (no escape inside it).
                var sourceStart = map[hole.ValueStart];
                var sourceEnd = map[end];
                if (sourceEnd - sourceStart != hole.ValueLength || string.CompareOrdinal(content, sourceStart, value, hole.ValueStart, hole.ValueLength) != 0)
                {
                    return null;
                }

                Append(builder, content, position, sourceStart, doubleBraces);
                builder.Append('{', braces).Append(hole.Expression).Append('}', braces);
                position = sourceEnd;
            }

            Append(builder, content, position, content.Length, doubleBraces);
            return builder.ToString();
        }

        private static void Append(StringBuilder builder, string content, int start, int end, bool doubleBraces)
        {
            for (var i = start; i < end; i++)
            {
                var c = content[i];
                builder.Append(c);
                if (doubleBraces && (c == '{' || c == '}'))
                {
                    builder.Append(c);
                }
            }
        }

        private static int CountLeading(string text, char c)
        {
            var n = 0;
            while (n < text.Length && text[n] == c)
            {
                n++;
            }

            return n;
        }

        private static int LongestBraceRun(string text)
        {
            var longest = 0;
            var run = 0;
            var previous = '\0';
            foreach (var c in text)
            {
                if (c == '{' || c == '}')
                {
                    run = c == previous ? run + 1 : 1;
                    longest = Math.Max(longest, run);
                }
                else
                {
                    run = 0;
                }

                previous = c;
            }

            return longest;
        }
    }
}
