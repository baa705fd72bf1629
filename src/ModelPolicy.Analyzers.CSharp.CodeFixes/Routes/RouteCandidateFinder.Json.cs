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
    /// <summary>Values inside JSON in a C# string: which values a finding names, and whether each can become a hole.</summary>
    internal static partial class RouteCandidateFinder
    {
        // ---- values inside JSON in a string ------------------------------------------------------------

        /// <summary>
        /// The string the diagnostic points at when its value sits inside JSON there: a string literal whose text is
        /// not the value itself, or the text part of an interpolated string.
        /// </summary>
        private static (ExpressionSyntax Target, InterpolatedStringTextSyntax? Part)? FindJsonString(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span, bool isEndpoint, string value)
        {
            var node = root.FindNode(span, findInsideTrivia: false, getInnermostNodeForTie: true);
            while (node != null && node.Span == span && node is not LiteralExpressionSyntax && node is not InterpolatedStringTextSyntax)
            {
                node = node.Parent;
            }

            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Span == span && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && JsonKeyScanner.MayContainJson(literal.Token.ValueText) && !Describes(literal.Token.ValueText, isEndpoint, value):
                    return (literal, null);
                case InterpolatedStringTextSyntax part when part.Span == span && part.Parent is InterpolatedStringExpressionSyntax interpolated:
                    return (interpolated, part);
                default:
                    return null;
            }
        }

        /// <summary>
        /// One candidate per JSON value of the diagnostic's kind and value in that string (the one the analyzer's
        /// <see cref="DiagnosticProperties.ValueSpanStart"/> names, when it does), each to become a hole.
        /// </summary>
        private static async Task<IReadOnlyList<RouteCandidate>> FindInJsonAsync(
            Document document, SemanticModel model, INamedTypeSymbol routesType, ExpressionSyntax target, InterpolatedStringTextSyntax? part, bool isEndpoint, string value,
            System.Collections.Immutable.ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            var text = part?.TextToken.ValueText ?? ((LiteralExpressionSyntax)target).Token.ValueText;
            var spans = JsonValueSpans(text, isEndpoint, value);
            if (properties.TryGetValue(DiagnosticProperties.ValueSpanStart, out var startText) && properties.TryGetValue(DiagnosticProperties.ValueSpanLength, out var lengthText)
                && int.TryParse(startText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var start)
                && int.TryParse(lengthText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var length))
            {
                spans = spans.Where(s => s.Start == start && s.Length == length).ToList();
            }

            if (spans.Count == 0 || InConstantOnlyContext(target) || !IsStringTyped(target, model, cancellationToken))
            {
                return Array.Empty<RouteCandidate>();
            }

            SyntaxNode? constDeclaration = null;
            var declarator = target.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator?.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || declarator?.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst)
            {
                var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null || await IsUsedAsConstantAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    return Array.Empty<RouteCandidate>();
                }

                constDeclaration = declarator.Parent.Parent;
            }

            // The partner of the other kind in the same JSON (the endpoint beside a model, or the model beside an endpoint)
            // moves with it into the same route, as a model and an endpoint of one call do.
            var all = spans.Select(s => (s.Start, s.Length, IsEndpoint: isEndpoint)).ToList();
            var partner = PartnerSpans(text, !isEndpoint).FirstOrDefault(p => !spans.Any(s => s.Start < p.Start + p.Length && p.Start < s.Start + s.Length));
            if (partner.Length > 0)
            {
                all.Add((partner.Start, partner.Length, !isEndpoint));
            }

            var candidates = new List<RouteCandidate>();
            foreach (var (spanStart, spanLength, spanIsEndpoint) in all)
            {
                if (!JsonStringRewriter.CanRewrite(target, part, spanStart, spanLength))
                {
                    continue;
                }

                var candidate = new RouteCandidate(document.Id, target, spanIsEndpoint, text.Substring(spanStart, spanLength))
                {
                    IsInJson = true,
                    JsonPart = part,
                    JsonValueStart = spanStart,
                    JsonValueLength = spanLength,
                    ConstDeclaration = constDeclaration,
                };
                Describe(candidate, model, spanIsEndpoint == isEndpoint ? properties : null, cancellationToken);

                // A model and an endpoint of one JSON body share a route.
                candidate.Group = target;
                await ChooseAccessAsync(candidate, document, model, routesType, cancellationToken).ConfigureAwait(false);
                candidates.Add(candidate);
            }

            return candidates;
        }

        /// <summary>The JSON string values of <paramref name="text"/> that are the model id (under a model key) or a URL of the host.</summary>
        internal static List<(int Start, int Length)> JsonValueSpans(string text, bool isEndpoint, string value)
        {
            var spans = new List<(int Start, int Length)>();
            var scanner = new JsonKeyScanner(text, 0, text.Length);
            while (scanner.MoveNext())
            {
                var start = scanner.ValueStart;
                var end = start + scanner.ValueLength;
                if (isEndpoint)
                {
                    if (UrlText.SchemeLength(text, start, end) > 0
                        && UrlText.TryGetHost(text, start, end, out var hostStart, out var hostLength, out _)
                        && hostLength == value.Length
                        && string.Compare(text, hostStart, value, 0, hostLength, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        spans.Add((start, scanner.ValueLength));
                    }
                }
                else if (PositionNames.IsModelName(text, scanner.KeyStart, scanner.KeyLength)
                    && scanner.ValueLength == value.Length
                    && string.CompareOrdinal(text, start, value, 0, value.Length) == 0)
                {
                    spans.Add((start, scanner.ValueLength));
                }
            }

            return spans;
        }

        /// <summary>Values the analyzer also reports in that JSON: URLs with a complete host, or plausible ids under a model key.</summary>
        private static IEnumerable<(int Start, int Length)> PartnerSpans(string text, bool endpoints)
        {
            var scanner = new JsonKeyScanner(text, 0, text.Length);
            while (scanner.MoveNext())
            {
                var start = scanner.ValueStart;
                var end = start + scanner.ValueLength;
                if (endpoints
                    ? UrlText.SchemeLength(text, start, end) > 0 && UrlText.TryGetHost(text, start, end, out _, out _, out var complete) && complete
                    : PositionNames.IsModelName(text, scanner.KeyStart, scanner.KeyLength) && ModelIdShape.IsPlausible(scanner.Value))
                {
                    yield return (start, scanner.ValueLength);
                }
            }
        }

        /// <summary>The string is used as a string (or object): an interpolated string in its place converts the same way.</summary>
        private static bool IsStringTyped(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken)
        {
            var type = model.GetTypeInfo(target, cancellationToken).ConvertedType;
            return type != null && (type.SpecialType == SpecialType.System_String || type.SpecialType == SpecialType.System_Object);
        }
    }
}
