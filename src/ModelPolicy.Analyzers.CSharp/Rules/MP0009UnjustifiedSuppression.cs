using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0009: in a regulated scope, <c>#pragma warning disable</c> and <c>[SuppressMessage]</c> of a violation rule
    /// (<see cref="RuleIdentifiers.SuppressibleViolationRules"/>: MP0002, MP0004, MP0006) need a written reason: a comment
    /// after the pragma, or a non-empty <c>Justification</c>. A justified one is recorded in the inventory (MP0010) with its
    /// reason. No code fix (write the reason). Docs: docs/rules/MP0009.md.
    /// </summary>
    internal static class MP0009UnjustifiedSuppression
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.UnjustifiedSuppression,
            "Suppression of a policy violation without a justification in a regulated scope",
            "{0} suppresses {1} in a regulated scope without a justification: give the reason (a comment after the #pragma, or Justification = \"…\")",
            DiagnosticSeverity.Error,
            "In a regulated profile a policy violation may only be suppressed with a written reason, which the inventory records.");

        private static readonly System.Collections.Immutable.ImmutableArray<string> Guarded = RuleIdentifiers.SuppressibleViolationRules;

        public static void Scan(SyntaxTree tree, CompilationState state, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            var root = tree.GetRoot(cancellationToken);
            var regulated = (bool?)null;
            bool IsRegulated() => regulated ??= state.Policies.For(tree).IsRegulated;

            if (root.ContainsDirectives)
            {
                for (var directive = root.GetFirstDirective(); directive != null; directive = directive.GetNextDirective())
                {
                    if (directive is PragmaWarningDirectiveTriviaSyntax pragma && pragma.DisableOrRestoreKeyword.IsKind(SyntaxKind.DisableKeyword))
                    {
                        var suppressed = SuppressedIds(pragma);
                        if (suppressed != null && IsRegulated())
                        {
                            var reason = TrailingComment(pragma);
                            report(reason == null
                                ? Diagnostic.Create(Descriptor, pragma.GetLocation(), "#pragma warning disable", suppressed)
                                : MP0010Inventory.ForSuppression(pragma.GetLocation(), suppressed, reason));
                        }
                    }
                }
            }

            // [SuppressMessage] is found by its name (IsSuppressMessage): a file whose text never spells it has none, and
            // most files need no walk over their declarations.
            if (tree.GetText(cancellationToken).ToString().IndexOf("SuppressMessage", StringComparison.Ordinal) < 0)
            {
                return;
            }

            foreach (var node in root.DescendantNodes(n => n is CompilationUnitSyntax || n is MemberDeclarationSyntax || n is AttributeListSyntax))
            {
                if (node is AttributeSyntax attribute && IsSuppressMessage(attribute) && GuardedCheckId(attribute) is { } id && IsRegulated())
                {
                    var justification = Justification(attribute);
                    report(string.IsNullOrWhiteSpace(justification) || justification == "<Pending>"
                        ? Diagnostic.Create(Descriptor, attribute.GetLocation(), "[SuppressMessage]", id)
                        : MP0010Inventory.ForSuppression(attribute.GetLocation(), id, justification!));
                }
            }
        }

        /// <summary>The guarded ids a pragma disables ("MP0002, MP0004"); all of them for a bare <c>#pragma warning disable</c>.</summary>
        private static string? SuppressedIds(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            if (pragma.ErrorCodes.Count == 0)
            {
                return string.Join(", ", Guarded);
            }

            string? found = null;
            foreach (var code in pragma.ErrorCodes)
            {
                if (code is IdentifierNameSyntax name && Guarded.Contains(name.Identifier.ValueText))
                {
                    found = found == null ? name.Identifier.ValueText : found + ", " + name.Identifier.ValueText;
                }
            }

            return found;
        }

        private static string? TrailingComment(PragmaWarningDirectiveTriviaSyntax pragma)
        {
            foreach (var trivia in pragma.DescendantTrivia())
            {
                if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia))
                {
                    var text = trivia.ToString().TrimStart('/').Trim();
                    if (text.Length > 0)
                    {
                        return text;
                    }
                }
            }

            return null;
        }

        private static bool IsSuppressMessage(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return name == "SuppressMessage" || name == "SuppressMessageAttribute";
        }

        private static string? GuardedCheckId(AttributeSyntax attribute)
        {
            var arguments = attribute.ArgumentList?.Arguments;
            if (arguments == null || arguments.Value.Count < 2 || arguments.Value[1].Expression is not LiteralExpressionSyntax literal)
            {
                return null;
            }

            var checkId = literal.Token.ValueText;
            foreach (var id in Guarded)
            {
                if (checkId.StartsWith(id, StringComparison.Ordinal) && (checkId.Length == id.Length || checkId[id.Length] == ':'))
                {
                    return id;
                }
            }

            return null;
        }

        private static string? Justification(AttributeSyntax attribute)
        {
            foreach (var argument in attribute.ArgumentList!.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == "Justification")
                {
                    return argument.Expression is LiteralExpressionSyntax literal ? literal.Token.ValueText : argument.Expression.ToString();
                }
            }

            return null;
        }
    }
}
