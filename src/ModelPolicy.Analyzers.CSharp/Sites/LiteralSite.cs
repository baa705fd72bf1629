using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A string literal anywhere, outside any use a site has reported: a URL of a catalog host under its API path, a model
    /// id the catalog knows with confidence (not where the literal is only compared or looked up:
    /// <see cref="ComparisonContext"/>), and "model" keys and URLs inside JSON text (regular, verbatim, raw and
    /// interpolated strings). A literal that cannot be any of these is rejected on its text, without allocating.
    /// </summary>
    internal static class LiteralSite
    {
        [MethodImpl(HotPath.Optimized)]
        public static void ScanLiteral(LiteralExpressionSyntax literal, SiteContext site)
        {
            var text = literal.Token.ValueText;
            if (text.Length < 2)
            {
                return;
            }

            if (UrlText.SchemeLength(text, 0, text.Length) > 0 || UrlText.IsUrlAfterSpaces(text, 0, text.Length))
            {
                // A URL compared or asserted (url == "https://api.mistral.ai", Assert.Equal(expected, …)) is not a choice of endpoint.
                if (ComparisonContext.IsComparedOrLookedUp(literal))
                {
                    return;
                }

                site.Front().ReportEndpoint(literal, text, 0, text.Length, ValuePosition.Unnamed(ValueKind.Endpoint));
                return;
            }

            if (JsonKeyScanner.MayContainJson(text))
            {
                ScanJson(literal, text, 0, text.Length, site);
                return;
            }

            if (site.IsKnownModel(text) && !ComparisonContext.IsComparedOrLookedUp(literal))
            {
                site.Front().ReportModel(literal, text, ValuePosition.Unnamed(ValueKind.Model));
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static void ScanInterpolatedText(InterpolatedStringTextSyntax part, SiteContext site)
        {
            var text = part.TextToken.ValueText;
            if (text.Length < 5)
            {
                return;
            }

            // $"https://api.deepseek.com/v1/{path}": the constant prefix names the host.
            if (part.Parent is InterpolatedStringExpressionSyntax interpolated && interpolated.Contents[0] == part && UrlText.SchemeLength(text, 0, text.Length) > 0)
            {
                site.Front().ReportEndpoint(interpolated, text, 0, text.Length, ValuePosition.Unnamed(ValueKind.Endpoint), continues: interpolated.Contents.Count > 1);
                return;
            }

            if (JsonKeyScanner.MayContainJson(text) || (text.IndexOf('"') >= 0 && text.IndexOf(':') >= 0))
            {
                ScanJson(part, text, 0, text.Length, site);
            }
        }

        private static void ScanJson(SyntaxNode node, string text, int start, int end, SiteContext site)
        {
            var scanner = new JsonKeyScanner(text, start, end);
            while (scanner.MoveNext())
            {
                if (PositionNames.IsModelName(text, scanner.KeyStart, scanner.KeyLength))
                {
                    site.Front().ReportModel(node, scanner.Value, new ValuePosition(ValueKind.Model, Evidence.ApiPosition, scanner.Key), json: new JsonValueSpan(scanner.ValueStart, scanner.ValueLength));
                }
                else if (UrlText.SchemeLength(text, scanner.ValueStart, scanner.ValueStart + scanner.ValueLength) > 0)
                {
                    site.Front().ReportEndpoint(node, text, scanner.ValueStart, scanner.ValueStart + scanner.ValueLength, ValuePosition.Unnamed(ValueKind.Endpoint), json: new JsonValueSpan(scanner.ValueStart, scanner.ValueLength));
                }
            }
        }
    }
}
