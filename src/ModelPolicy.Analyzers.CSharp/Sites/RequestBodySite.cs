using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Values;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A request-body key outside an SDK: an anonymous object (<c>new { model = "qwen-max" }</c>), a dictionary entry
    /// (<c>{ "model", "gpt-4o" }</c>) or a string-keyed indexer (<c>body["model"] = …</c>). "model" is a strong model
    /// position; an endpoint-like key a weak endpoint one. JSON text in strings is <see cref="LiteralSite"/>'s.
    /// </summary>
    internal static class RequestBodySite
    {
        [MethodImpl(HotPath.Optimized)]
        public static void ScanAnonymousMember(AnonymousObjectMemberDeclaratorSyntax member, SiteContext site)
        {
            var name = member.NameEquals?.Name.Identifier.ValueText
                ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText
                ?? (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
            if (name != null)
            {
                ReportByKey(name, member.Expression, site);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static void ScanDictionaryEntry(InitializerExpressionSyntax entry, SiteContext site)
        {
            // new Dictionary<string, object> { { "model", "gpt-4o" } }
            if (entry.Expressions.Count == 2 && entry.Expressions[0] is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression))
            {
                ReportByKey(key.Token.ValueText, entry.Expressions[1], site);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static void ReportByKey(string key, ExpressionSyntax value, SiteContext site)
        {
            if (!ValueResolver.MayResolve(value))
            {
                return;
            }

            if (PositionNames.IsModelName(key))
            {
                if (NotAChoice.IsInProviderTable(value))
                {
                    return;
                }

                site.Front().ReportUse(value, new ValuePosition(ValueKind.Model, Evidence.ApiPosition, key));
            }
            else if (PositionNames.IsEndpointName(key))
            {
                site.Front().ReportUse(value, new ValuePosition(ValueKind.Endpoint, Evidence.NameOnUserType, key));
            }
        }

        /// <summary>The key of a one-argument indexer with a string literal: <c>["model"]</c>.</summary>
        public static string? KeyName(BracketedArgumentListSyntax list) =>
            list.Arguments.Count == 1 && list.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;
    }
}
