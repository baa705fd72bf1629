using System;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// An SDK model enum member anywhere: <c>ApiEnum&lt;string, Model&gt; Default =&gt; Model.ClaudeSonnet4_6;</c>. The
    /// wire id follows from the member name (<see cref="Values.ValueResolver.SdkModelId"/>).
    /// </summary>
    internal static class SdkEnumMemberSite
    {
        /// <summary>Cheap first: Anthropic's members are <c>Model.Claude…</c>; only those are bound.</summary>
        public static bool HasShape(MemberAccessExpressionSyntax access)
        {
            var left = access.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => string.Empty,
            };
            return left.EndsWith("Model", StringComparison.Ordinal) && access.Name.Identifier.ValueText.StartsWith("Claude", StringComparison.Ordinal);
        }

        /// <summary>The member where it stands, when no use it reaches has reported it (<see cref="Leaf.Judge"/>).</summary>
        public static void Scan(MemberAccessExpressionSyntax access, SiteContext site) =>
            site.Front().ReportUse(access, ValuePosition.Unnamed(ValueKind.Model));
    }
}
