using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>
    /// Decides whether a diagnostic's literal can move into a route with a result that compiles, and how:
    /// the expression replaced, the route's base name and provider, the model/endpoint partner of the same
    /// call, and the way the routes are reached in that scope.
    /// </summary>
    internal static partial class RouteCandidateFinder
    {
        public const string RoutesInterface = "ModelPolicy.Routing.IModelRoutes";
        public const string FieldName = "routes";

        /// <summary>The candidates for one diagnostic: its own, and the partner of the same call (empty when no fix applies).</summary>
        public static async Task<IReadOnlyList<RouteCandidate>> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return Array.Empty<RouteCandidate>();
            }

            var routesType = GetBestType(model.Compilation, RoutesInterface);
            if (routesType == null || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind) || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var value) || value == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var isEndpoint = kind == ValueKinds.Endpoint;
            if (!isEndpoint && kind != ValueKinds.Model)
            {
                return Array.Empty<RouteCandidate>();
            }

            var json = FindJsonString(root, diagnostic.Location.SourceSpan, isEndpoint, value);
            if (json != null)
            {
                return await FindInJsonAsync(document, model, routesType, json.Value.Target, json.Value.Part, isEndpoint, value, diagnostic.Properties, cancellationToken).ConfigureAwait(false);
            }

            var expression = FindExpression(root, diagnostic.Location.SourceSpan);
            if (expression == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var candidate = await CreateAsync(document, model, routesType, expression, isEndpoint, value, diagnostic.Properties, cancellationToken).ConfigureAwait(false);
            if (candidate == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var partner = candidate.Group == null ? null : await FindPartnerAsync(document, model, routesType, candidate, cancellationToken).ConfigureAwait(false);
            return partner == null ? new[] { candidate } : new[] { candidate, partner };
        }

        /// <summary>The one type of that name the compilation sees best: its own, else the only referenced one (Meziantou's GetBestTypeByMetadataName).</summary>
        public static INamedTypeSymbol? GetBestType(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? best = null;
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    return type;
                }

                if (type.DeclaredAccessibility == Accessibility.Public)
                {
                    if (best != null)
                    {
                        return null;
                    }

                    best = type;
                }
            }

            return best;
        }

        private static ExpressionSyntax? FindExpression(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            while (node != null && node.Span == span && node is not ExpressionSyntax)
            {
                node = node.Parent;
            }

            return node is ExpressionSyntax expression && expression.Span == span ? expression : null;
        }

        private static async Task<RouteCandidate?> CreateAsync(
            Document document, SemanticModel model, INamedTypeSymbol routesType, ExpressionSyntax expression, bool isEndpoint, string value,
            System.Collections.Immutable.ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            // The value the expression has: a literal, a constant expression, a constant of another file, an SDK enum member.
            string? text;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    text = literal.Token.ValueText;
                    break;
                case LiteralExpressionSyntax:
                    return null;
                default:
                    var constant = model.GetConstantValue(expression, cancellationToken);
                    text = constant.HasValue ? constant.Value as string : null;
                    if (text == null && !isEndpoint && model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum })
                    {
                        text = value;
                    }

                    break;
            }

            if (text == null || !Describes(text, isEndpoint, value) || InConstantOnlyContext(expression))
            {
                return null;
            }

            var candidate = new RouteCandidate(document.Id, expression, isEndpoint, isEndpoint ? text.Trim() : text);
            if (isEndpoint && IsUriArgument(expression, model, cancellationToken, out var creation))
            {
                candidate = new RouteCandidate(document.Id, creation!, isEndpoint: true, text.Trim()) { ReplacesUri = true };
            }

            // const string X = "gpt-4o"; → static readonly (or a plain local), unless X is needed as a constant.
            var declarator = expression.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator?.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || declarator?.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst)
            {
                var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null || await IsUsedAsConstantAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                candidate.ConstDeclaration = declarator.Parent.Parent;
            }

            Describe(candidate, model, properties, cancellationToken);
            await ChooseAccessAsync(candidate, document, model, routesType, cancellationToken).ConfigureAwait(false);
            return candidate;
        }

        /// <summary>The text is the diagnostic's value: the model id itself, or a URL of that host (not JSON that holds it).</summary>
        private static bool Describes(string text, bool isEndpoint, string value)
        {
            if (!isEndpoint)
            {
                return string.Equals(text, value, StringComparison.Ordinal);
            }

            var trimmed = text.Trim();
            return UrlText.SchemeLength(trimmed, 0, trimmed.Length) > 0
                && UrlText.TryGetHost(trimmed, 0, trimmed.Length, out var hostStart, out var hostLength, out _)
                && string.Equals(trimmed.Substring(hostStart, hostLength), value, StringComparison.OrdinalIgnoreCase)
                && trimmed.IndexOfAny(new[] { ' ', '"', '{', '}' }) < 0;
        }

        /// <summary>Attribute arguments, case labels and patterns, default parameter values: only constants compile there.</summary>
        private static bool InConstantOnlyContext(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax:
                    case CaseSwitchLabelSyntax:
                    case PatternSyntax:
                    case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                        return true;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static async Task<bool> IsUsedAsConstantAsync(ISymbol symbol, Solution solution, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
            {
                foreach (var location in reference.Locations)
                {
                    var tree = location.Location.SourceTree;
                    if (tree == null)
                    {
                        continue;
                    }

                    var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (InConstantOnlyContext(node) || IsInConstDeclaration(node) || node.FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>() is { } interpolated && IsInConstDeclaration(interpolated))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsInConstDeclaration(SyntaxNode node)
        {
            var declarator = node.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            return declarator?.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || declarator?.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst;
        }

        private static bool IsUriArgument(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out ExpressionSyntax? creation)
        {
            creation = null;
            SyntaxNode node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax create } }
                && model.GetTypeInfo(create, cancellationToken).Type is { Name: "Uri", ContainingNamespace.Name: "System" })
            {
                creation = create;
                return true;
            }

            return false;
        }
    }
}
