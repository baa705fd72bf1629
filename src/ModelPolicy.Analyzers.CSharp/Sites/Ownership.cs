using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Which values one callback reports, so that every value is reported by exactly one callback without any state
    /// shared between callbacks:
    /// <list type="bullet">
    /// <item>a leaf (a string literal, the first text of an interpolated string, an SDK enum member) is reported by its
    /// own callback, which walks up to the uses it sits in (<see cref="Leaf.Judge"/>); a folded constant
    /// (<c>Family + "-chat"</c>) belongs to its leftmost leaf;</item>
    /// <item>a use's callback reports what its value's names lead to: a constant of another file (at the use), and a
    /// literal elsewhere in this file (a local's or a field's initializer) unless that literal's own callback reports it
    /// anyway (a known id) — decided by a dry run of that callback, so the answer never depends on which runs first.</item>
    /// </list>
    /// </summary>
    internal readonly struct Ownership
    {
        private readonly SyntaxNode? leaf;
        private readonly ExpressionSyntax? useValue;

        private Ownership(SyntaxNode? leaf, ExpressionSyntax? useValue)
        {
            this.leaf = leaf;
            this.useValue = useValue;
        }

        public static Ownership ForLeaf(SyntaxNode leaf) => new Ownership(leaf, null);

        public static Ownership ForUse(ExpressionSyntax value) => new Ownership(null, value);

        /// <summary>Whether this callback reports a value that resolution found at <paramref name="valueNode"/>.</summary>
        public bool Owns(SyntaxNode valueNode, bool declaredElsewhere, SiteContext site)
        {
            if (leaf != null)
            {
                // A use reported at itself (a constant of another file) is the use's own callback's.
                return !declaredElsewhere && OwningLeaf(valueNode) == leaf;
            }

            if (declaredElsewhere || OwningLeaf(valueNode) is not { } owner)
            {
                return true;
            }

            if (owner.SyntaxTree == useValue!.SyntaxTree && useValue.Span.Contains(owner.Span))
            {
                return false;
            }

            return !WouldBeReportedByItsOwnCallback(owner, site);
        }

        /// <summary>The leaf whose callback judges the value at <paramref name="valueNode"/>, or null when it holds no leaf (<c>A + B</c>).</summary>
        public static SyntaxNode? OwningLeaf(SyntaxNode valueNode)
        {
            switch (valueNode)
            {
                case var leaf when IsLeaf(leaf):
                    return leaf;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        var found = content is InterpolatedStringTextSyntax ? content : OwningLeaf(((InterpolationSyntax)content).Expression);
                        if (found != null)
                        {
                            return found;
                        }
                    }

                    return null;
                case BinaryExpressionSyntax binary:
                    return OwningLeaf(binary.Left) ?? OwningLeaf(binary.Right);
                case ParenthesizedExpressionSyntax parenthesized:
                    return OwningLeaf(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return OwningLeaf(cast.Expression);
                case IdentifierNameSyntax:
                case MemberAccessExpressionSyntax:
                    return null;
            }

            foreach (var node in valueNode.DescendantNodes())
            {
                if (node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringText))
                {
                    return node;
                }
            }

            return null;
        }

        private static bool IsLeaf(SyntaxNode node) =>
            node.IsKind(SyntaxKind.StringLiteralExpression) || node.IsKind(SyntaxKind.Utf8StringLiteralExpression) || node.IsKind(SyntaxKind.InterpolatedStringText)
            || (node is MemberAccessExpressionSyntax access && SdkEnumMemberSite.HasShape(access));

        /// <summary>A dry run of the leaf's own callback: would it report the leaf?</summary>
        private static bool WouldBeReportedByItsOwnCallback(SyntaxNode owner, SiteContext site)
        {
            var dry = site.DryRunFor(owner);
            if (Leaf.ShouldJudge(owner, site.File.Known, out _))
            {
                Leaf.Judge(owner, dry);
            }

            return dry.Reported > 0;
        }

        /// <summary>
        /// Syntax only: does the value hold a name resolution can follow to a value elsewhere? Leaves in place are their own
        /// callbacks'; a use's callback with nothing else to follow binds nothing.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool HasNameLeaf(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case IdentifierNameSyntax:
                    return true;
                case MemberAccessExpressionSyntax access:
                    return !SdkEnumMemberSite.HasShape(access);
                case ParenthesizedExpressionSyntax parenthesized:
                    return HasNameLeaf(parenthesized.Expression);
                case CastExpressionSyntax cast:
                    return HasNameLeaf(cast.Expression);
                case ConditionalExpressionSyntax conditional:
                    return HasNameLeaf(conditional.WhenTrue) || HasNameLeaf(conditional.WhenFalse);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    return HasNameLeaf(binary.Left) || HasNameLeaf(binary.Right);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                    // Folded whole: a leaf's if it holds one.
                    return OwningLeaf(binary) == null && (HasNameLeaf(binary.Left) || HasNameLeaf(binary.Right));
                case InterpolatedStringExpressionSyntax interpolated:
                    if (OwningLeaf(interpolated) != null)
                    {
                        return false;
                    }

                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolationSyntax hole && HasNameLeaf(hole.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        if (HasNameLeaf(arm.Expression))
                        {
                            return true;
                        }
                    }

                    return false;
                case ObjectCreationExpressionSyntax creation:
                    return creation.ArgumentList is { Arguments.Count: > 0 } list && HasNameLeaf(list.Arguments[0].Expression);
                case ImplicitObjectCreationExpressionSyntax creation:
                    return creation.ArgumentList.Arguments.Count > 0 && HasNameLeaf(creation.ArgumentList.Arguments[0].Expression);
                default:
                    return false;
            }
        }
    }
}
