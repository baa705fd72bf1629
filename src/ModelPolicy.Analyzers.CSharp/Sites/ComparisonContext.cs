using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A literal that tests or looks up an id rather than choosing one: <c>id.StartsWith("qwen")</c>,
    /// <c>model == "gpt-4o"</c>, <c>case "gpt-4o":</c>, a switch arm's pattern, <c>Assert.Equal("gpt-4o", …)</c>, and the key of
    /// a table about models (<c>{ "gpt-4o", price }</c>, <c>["gpt-4o"] = 128000</c>).
    /// </summary>
    internal static class ComparisonContext
    {
        [MethodImpl(HotPath.Optimized)]
        public static bool IsComparedOrLookedUp(ExpressionSyntax expression)
        {
            SyntaxNode node = expression;
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                node = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case BinaryExpressionSyntax binary:
                    return binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression);
                case ConstantPatternSyntax:
                case CaseSwitchLabelSyntax:
                    return true;
                case InitializerExpressionSyntax entry when entry.IsKind(SyntaxKind.ComplexElementInitializerExpression) && entry.Expressions.Count == 2 && entry.Expressions[0] == node:
                    // { "claude-opus-4-6", new ModelPricing(…) }: the key of a table about models, not a choice of one.
                    return true;
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax creation } }
                    when Values.ValueResolver.IsUriCreation(creation):
                    // Is.EqualTo(new Uri("https://api.openai.com/v1")): the Uri is what is compared.
                    return IsComparedOrLookedUp(creation);
                case ArgumentSyntax { Parent: TupleExpressionSyntax { Arguments.Count: 2 } tuple } argument
                    when tuple.Arguments[0] == argument && tuple.Parent is InitializerExpressionSyntax or ExpressionElementSyntax
                        && !tuple.Arguments[1].Expression.IsKind(SyntaxKind.StringLiteralExpression):
                    // ("claude-opus-4-6", new ModelPricing(5m, 25m)) in a list: the key of a row of a table about models.
                    return true;
                case ArgumentSyntax { Parent: BracketedArgumentListSyntax }:
                    // ["qwen3-embedding"] = 1024, table["gpt-4o"]: an indexer key.
                    return true;
                case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax:
                    return IsComparisonMethod(access.Name.Identifier.ValueText);
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    return IsComparisonMethod(name);
                default:
                    return false;
            }
        }

        /// <summary>String tests and look-ups, and the assertion methods of xUnit, NUnit (Is.EqualTo), MSTest, FluentAssertions and Shouldly.</summary>
        internal static bool IsComparisonMethod(string name)
        {
            switch (name)
            {
                case "StartsWith":
                case "EndsWith":
                case "Contains":
                case "ContainsKey":
                case "Equals":
                case "IndexOf":
                case "LastIndexOf":
                case "Replace":
                case "Split":
                case "IsMatch":
                case "Match":
                case "Matches":
                case "Compare":
                case "CompareOrdinal":
                case "TryGetValue":
                case "Remove":
                case "Trim":
                case "TrimStart":
                case "TrimEnd":
                case "Equal":
                case "NotEqual":
                case "AreEqual":
                case "AreNotEqual":
                case "StrictEqual":
                case "Be":
                case "NotBe":
                case "BeOneOf":
                case "StartWith":
                case "EndWith":
                case "Contain":
                case "NotContain":
                case "ShouldBe":
                case "ShouldNotBe":
                case "ShouldContain":
                case "ShouldStartWith":
                case "ShouldEndWith":
                case "EqualTo":
                case "IsEqualTo":
                case "Equivalent":
                case "AreEquivalent":
                case "BeEquivalentTo":
                case "ShouldBeEquivalentTo":
                case "SequenceEqual":
                    return true;
                default:
                    return false;
            }
        }
    }
}
