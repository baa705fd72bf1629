using System.Collections.Generic;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Values;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// One leaf's callback: a string literal, an interpolated string's text or an SDK enum member. The leaf's value
    /// flows up through parentheses, casts, ternaries, <c>??</c>, switch arms, constant concatenation and
    /// <c>new Uri(…)</c> to the uses it reaches; each use's site is asked, the outermost first, and if none reports it the
    /// leaf is judged where it stands (<see cref="LiteralSite"/>, <see cref="SdkEnumMemberSite"/>).
    /// </summary>
    internal static class Leaf
    {
        /// <summary>Text only, never allocates: can this leaf be a model id, a URL or JSON at all?</summary>
        [MethodImpl(HotPath.Optimized)]
        /// <param name="onItsOwn">It can be reported where it stands, in no use: a URL, JSON, a known id, an SDK member.</param>
        public static bool MayMatter(SyntaxNode node, KnownIds known, out bool onItsOwn)
        {
            onItsOwn = true;
            if (node is MemberAccessExpressionSyntax)
            {
                return true; // an SDK enum member: its shape was tested
            }

            var text = node switch
            {
                LiteralExpressionSyntax literal => literal.Token.ValueText,
                InterpolatedStringTextSyntax part => part.TextToken.ValueText,
                _ => string.Empty,
            };
            if (text.Length < 2)
            {
                return false;
            }

            if (UrlText.SchemeLength(text, 0, text.Length) > 0 || UrlText.IsUrlAfterSpaces(text, 0, text.Length) || JsonKeyScanner.MayContainJson(text)
                || (node is InterpolatedStringTextSyntax && text.IndexOf('"') >= 0))
            {
                return true;
            }

            if (!ModelIdShape.IsPlausible(text))
            {
                return false;
            }

            onItsOwn = known.IsKnown(text);
            return true;
        }

        /// <summary>
        /// Whether the leaf is to be judged: its text may matter, or it is the leftmost leaf of a constant concatenation or
        /// interpolation (<c>Family + ":" + Size</c>), which it owns whatever its own text (<see cref="Ownership"/>).
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool ShouldJudge(SyntaxNode node, KnownIds known, out bool onItsOwn)
        {
            if (MayMatter(node, known, out onItsOwn))
            {
                return true;
            }

            onItsOwn = false;
            return node.Parent is { } parent
                && ((parent is BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression)) || parent is InterpolatedStringExpressionSyntax)
                && Ownership.OwningLeaf(parent) == node
                && !StartsAValueThatCannotMatter(node);
        }

        /// <summary>
        /// <c>"Bearer " + token</c>, <c>"Order " + id + " shipped"</c>: a literal that starts every concatenation it owns, with
        /// a space after its first character and no <c>://</c> or JSON in it. Whatever follows, the folded value holds that space
        /// (no model id does) and starts with no scheme (no URL does), and the literal is nothing on its own.
        /// </summary>
        private static bool StartsAValueThatCannotMatter(SyntaxNode node)
        {
            if (node is not LiteralExpressionSyntax literal)
            {
                return false;
            }

            var text = literal.Token.ValueText;
            if (text.Length < 2 || char.IsWhiteSpace(text[0]) || text.IndexOf(' ') < 0 || text.IndexOf("://", System.StringComparison.Ordinal) >= 0 || JsonKeyScanner.MayContainJson(text))
            {
                return false;
            }

            // Up through the concatenations it leads (and parentheses, casts) to where the value is used as it is; anything
            // else (a ternary's branch, ??, an interpolation's hole, a call on it) may put another value before or beside it.
            SyntaxNode child = node;
            for (var parent = node.Parent; parent != null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression):
                        if (add.Left != child)
                        {
                            return false; // a value before it: BaseUrl + "a b"
                        }

                        continue;
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                        continue;
                    case ArgumentSyntax:
                    case EqualsValueClauseSyntax:
                    case AssignmentExpressionSyntax assignment when assignment.Right == child:
                    case ReturnStatementSyntax:
                    case ArrowExpressionClauseSyntax:
                    case AnonymousObjectMemberDeclaratorSyntax:
                    case InitializerExpressionSyntax:
                        return true;
                    default:
                        return false;
                }
            }

            return false;
        }

        [MethodImpl(HotPath.Optimized)]
        public static void Judge(SyntaxNode leaf, SiteContext site) => Judge(leaf, UsesReached(leaf, out var folded), folded, site);

        /// <param name="folded">The leaf's value reaches its uses folded into a concatenation or an interpolated string.</param>
        public static void Judge(SyntaxNode leaf, List<SyntaxNode>? uses, bool folded, SiteContext site)
        {
            // A URL that can count only in an SDK's own endpoint position (no catalog host, no model server, no AI API base),
            // reaching its uses as it is: only an argument (not a Uri's own) or an assignment can be one, and on its own
            // it counts nowhere. Most URLs in code are such (a web hook, a telemetry or storage address).
            var apiOnly = !folded && leaf is LiteralExpressionSyntax url && CodeFrontEnd.CountsOnlyInApiPosition(url.Token.ValueText, site.Catalog);
            for (var i = (uses?.Count ?? 0) - 1; i >= 0; i--)
            {
                if (apiOnly && !MayBeSdkPosition(uses![i]))
                {
                    continue;
                }

                SiteDispatcher.Use(uses![i], site);
                if (site.Reported > 0)
                {
                    return;
                }
            }

            if (apiOnly)
            {
                return;
            }

            switch (leaf)
            {
                case LiteralExpressionSyntax literal:
                    LiteralSite.ScanLiteral(literal, site);
                    break;
                case InterpolatedStringTextSyntax part:
                    LiteralSite.ScanInterpolatedText(part, site);
                    break;
                case MemberAccessExpressionSyntax access:
                    SdkEnumMemberSite.Scan(access, site);
                    break;
            }
        }

        /// <summary>
        /// Where an SDK's endpoint parameter or property can take the value: an argument, except a <c>new Uri(…)</c>'s own
        /// (the Uri is followed to its use), an assignment, and a parameter's default (in an SDK's own source). A request-body
        /// member or dictionary entry names a key, never an SDK member.
        /// </summary>
        private static bool MayBeSdkPosition(SyntaxNode use) =>
            use is AssignmentExpressionSyntax or ParameterSyntax
            || (use is ArgumentSyntax { Parent: BaseArgumentListSyntax { Parent: var owner } } && !(owner is ObjectCreationExpressionSyntax creation && ValueResolver.IsUriCreation(creation)));

        /// <summary>The use nodes the leaf's value reaches, innermost first; null for none (most leaves).</summary>
        /// <param name="folded">Set when the value reaches them folded into a concatenation or an interpolated string.</param>
        [MethodImpl(HotPath.Optimized)]
        public static List<SyntaxNode>? UsesReached(SyntaxNode leaf, out bool folded)
        {
            folded = false;
            List<SyntaxNode>? uses = null;
            var node = leaf;
            if (leaf is InterpolatedStringTextSyntax)
            {
                // The interpolated string is folded whole and belongs to its first text.
                if (leaf.Parent is not InterpolatedStringExpressionSyntax interpolated || Ownership.OwningLeaf(interpolated) != leaf)
                {
                    return uses;
                }

                node = interpolated;
            }

            for (var depth = 0; depth < 16 && node.Parent is { } parent; depth++)
            {
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    case SwitchExpressionArmSyntax arm when arm.Expression == node:
                    case SwitchExpressionSyntax:
                        node = parent;
                        continue;
                    case BinaryExpressionSyntax add when add.IsKind(SyntaxKind.AddExpression) && Ownership.OwningLeaf(add) == leaf:
                    case InterpolatedStringExpressionSyntax when Ownership.OwningLeaf(parent) == leaf:
                    case InterpolationSyntax:
                        folded = true;
                        node = parent;
                        continue;
                    case ArgumentSyntax argument:
                        (uses ??= new List<SyntaxNode>(2)).Add(argument);

                        // new Uri("…") handed on: the outer use comes first.
                        if (argument.Parent is ArgumentListSyntax { Parent: { } creation } list && list.Arguments[0] == argument
                            && ((creation is ObjectCreationExpressionSyntax uri && ValueResolver.IsUriCreation(uri)) || creation is ImplicitObjectCreationExpressionSyntax))
                        {
                            node = creation;
                            continue;
                        }

                        return uses;
                    default:
                        // An assignment, a parameter default, a request-body member or dictionary entry whose value this is.
                        var use = parent is EqualsValueClauseSyntax { Parent: ParameterSyntax parameter } ? parameter : parent;
                        if (SiteDispatcher.UseValue(use) == node)
                        {
                            (uses ??= new List<SyntaxNode>(2)).Add(use);
                        }

                        return uses;
                }
            }

            return uses;
        }
    }
}
