using System.Text;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>
    /// A URL whose host has holes: <c>$"https://{account}.openai.azure.com/"</c>, <c>"https://{0}.services.ai.azure.com"</c>
    /// for <c>string.Format</c>, <c>$"https://bedrock-runtime.{region}.amazonaws.com"</c>. A hole stands for one or more
    /// DNS labels, so the host is matched against the catalog with each hole filled by one label; a host that is
    /// nothing but a hole (<c>"https://{0}/v1/projects/…"</c>) says nothing of the operator, and only a path that AI APIs
    /// alone use makes it an endpoint. Only URLs whose host holds a <c>{</c> get here: ordinary strings allocate nothing.
    /// </summary>
    internal static class UrlTemplate
    {
        /// <summary>What a hole stands for when the host is matched: one DNS label.</summary>
        private const string Label = "x";

        /// <summary>
        /// The interpolated string's text with each hole written as <c>{name}</c> (a simple name or member access) or
        /// <c>{}</c>, so that it reads as a composite-format template.
        /// </summary>
        public static string Text(InterpolatedStringExpressionSyntax interpolated)
        {
            var builder = new StringBuilder();
            foreach (var content in interpolated.Contents)
            {
                switch (content)
                {
                    case InterpolatedStringTextSyntax text:
                        builder.Append(text.TextToken.ValueText);
                        break;
                    case InterpolationSyntax hole:
                        builder.Append('{').Append(IsPlainName(hole.Expression) ? hole.Expression.ToString() : string.Empty).Append('}');
                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>True when the host span holds a hole.</summary>
        public static bool HasHole(string text, int hostStart, int hostLength) => text.IndexOf('{', hostStart, hostLength) >= 0;

        /// <summary>True when the host is one hole and nothing else (<c>{0}</c>, <c>{endpoint}</c>).</summary>
        public static bool IsOnlyHole(string text, int hostStart, int hostLength) =>
            hostLength >= 2 && text[hostStart] == '{' && text.IndexOf('}', hostStart) == hostStart + hostLength - 1;

        /// <summary>
        /// <paramref name="text"/> up to <paramref name="end"/> with each hole of the host replaced by one label, for matching;
        /// the host keeps its start and gets <paramref name="filledLength"/>.
        /// </summary>
        public static string Fill(string text, int hostStart, int hostLength, int end, out int filledLength)
        {
            var builder = new StringBuilder(end);
            builder.Append(text, 0, hostStart);
            var hostEnd = hostStart + hostLength;
            for (var i = hostStart; i < hostEnd; i++)
            {
                if (text[i] != '{')
                {
                    builder.Append(text[i]);
                    continue;
                }

                var close = text.IndexOf('}', i, hostEnd - i);
                builder.Append(Label);
                i = close < 0 ? hostEnd : close;
            }

            filledLength = builder.Length - hostStart;
            builder.Append(text, hostEnd, end - hostEnd);
            return builder.ToString();
        }

        private static bool IsPlainName(ExpressionSyntax expression) => expression switch
        {
            IdentifierNameSyntax => true,
            MemberAccessExpressionSyntax access => IsPlainName(access.Expression) && access.Name is IdentifierNameSyntax,
            ThisExpressionSyntax => true,
            _ => false,
        };
    }
}
