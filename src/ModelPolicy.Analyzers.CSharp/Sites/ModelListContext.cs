using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A short or ambiguous id (<c>"o1"</c>, <c>"babbage"</c>) is a model where it is one entry of a list of models: a
    /// constant, static readonly field or expression-bodied property named after its value (<c>O1 => "o1"</c>,
    /// <c>Babbage => "babbage"</c>) in a type whose string members are mostly ids the catalog knows with confidence
    /// (at least <see cref="MinimumSiblings"/> of them). Asked only for an id that would otherwise count only in a model
    /// position, so ordinary code never gets here.
    /// </summary>
    internal static class ModelListContext
    {
        private const int MinimumSiblings = 3;

        public static bool IsEntryOfModelList(SyntaxNode literal, string id, ModelCatalog catalog)
        {
            if (MemberOf(literal, out var name) is not { Parent: TypeDeclarationSyntax type } member || !IsNamedAfter(name, id))
            {
                return false;
            }

            int ids = 0, strings = 0;
            foreach (var sibling in type.Members)
            {
                if (sibling == member || ValueOf(sibling) is not { } value)
                {
                    continue;
                }

                strings++;
                var text = value.Token.ValueText;
                if (ModelIdText.IsSpecific(text) && catalog.IsKnownModel(text) && catalog.MatchModel(text) is { PositionOnly: false })
                {
                    ids++;
                }
            }

            return ids >= MinimumSiblings && ids * 2 >= strings;
        }

        /// <summary>The field or property whose whole value is the literal, and its name.</summary>
        private static MemberDeclarationSyntax? MemberOf(SyntaxNode literal, out string name)
        {
            name = string.Empty;
            switch (literal.Parent)
            {
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    name = property.Identifier.ValueText;
                    return property;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    name = property.Identifier.ValueText;
                    return property;
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax field } } declarator }:
                    name = declarator.Identifier.ValueText;
                    return field;
                default:
                    return null;
            }
        }

        private static LiteralExpressionSyntax? ValueOf(MemberDeclarationSyntax member)
        {
            var value = member switch
            {
                PropertyDeclarationSyntax property => property.ExpressionBody?.Expression ?? property.Initializer?.Value,
                FieldDeclarationSyntax field when field.Declaration.Variables.Count == 1 => field.Declaration.Variables[0].Initializer?.Value,
                _ => null,
            };
            return value is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression) ? literal : null;
        }

        /// <summary><c>O1</c> for <c>o1</c>, <c>Gpt_4o</c> for <c>gpt-4o</c>: the same letters and digits, ignoring case and separators.</summary>
        private static bool IsNamedAfter(string name, string id)
        {
            int i = 0, j = 0;
            while (true)
            {
                while (i < name.Length && !char.IsLetterOrDigit(name[i]))
                {
                    i++;
                }

                while (j < id.Length && !char.IsLetterOrDigit(id[j]))
                {
                    j++;
                }

                if (i == name.Length || j == id.Length)
                {
                    return i == name.Length && j == id.Length;
                }

                if (char.ToLowerInvariant(name[i]) != char.ToLowerInvariant(id[j]))
                {
                    return false;
                }

                i++;
                j++;
            }
        }
    }
}
