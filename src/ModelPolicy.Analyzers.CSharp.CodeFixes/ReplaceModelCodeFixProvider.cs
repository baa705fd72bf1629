using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.CodeFixes
{
    /// <summary>
    /// MP0002: "Replace with 'model' (vendor, country)", one action per catalog example the file's policy allows,
    /// closest first: same kind, nearest parameter size, same open-weights-ness, catalog order; five at most.
    /// Only the literal's text changes, so Fix All is the batch fixer (equivalence key per rank).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReplaceModelCodeFixProvider)), Shared]
    public sealed class ReplaceModelCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKeyPrefix = "ModelPolicy.ReplaceModel.";
        private const int MaxAlternatives = 5;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ModelNotAllowed);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is not LiteralExpressionSyntax literal
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                    || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var id) || id == null
                    || literal.Token.ValueText != id)
                {
                    continue;
                }

                var state = CompilationState.FromOptions(context.Document.Project.AnalyzerOptions, new CatalogProvider(), context.CancellationToken);
                var policy = state.Policies.For(literal.SyntaxTree);
                var rank = 0;
                foreach (var alternative in Alternatives(state.Catalog, policy, id, diagnostic.Properties))
                {
                    rank++;
                    var replacement = alternative.Id;
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Replace with '" + replacement + "' (" + alternative.Family.Vendor.Name + ", " + alternative.Family.Country + ")",
                            cancellationToken => ReplaceAsync(context.Document, literal, replacement, cancellationToken),
                            EquivalenceKeyPrefix + rank.ToString(CultureInfo.InvariantCulture)),
                        diagnostic);
                }
            }
        }

        internal readonly struct Alternative
        {
            public Alternative(string id, ModelFamily family, int order)
            {
                Id = id;
                Family = family;
                Order = order;
            }

            public string Id { get; }

            public ModelFamily Family { get; }

            public int Order { get; }
        }

        /// <summary>The allowed catalog examples, closest capability first.</summary>
        internal static IEnumerable<Alternative> Alternatives(ModelCatalog catalog, ModelPolicySettings policy, string id, ImmutableDictionary<string, string?> properties)
        {
            properties.TryGetValue(DiagnosticProperties.ModelKind, out var kind);
            properties.TryGetValue(DiagnosticProperties.OpenWeights, out var openWeights);
            var size = ParameterSize(id);
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { id };
            var found = new List<Alternative>();
            var order = 0;
            foreach (var family in catalog.Families)
            {
                foreach (var example in family.Examples)
                {
                    order++;
                    if (!seen.Add(example))
                    {
                        continue;
                    }

                    var match = catalog.MatchModel(example);
                    if (match == null || PolicyEvaluator.EvaluateModel(policy, example, match).Kind != VerdictKind.Allowed)
                    {
                        continue;
                    }

                    found.Add(new Alternative(example, match.Family, order));
                }
            }

            return found
                .OrderBy(a => kind != null && string.Equals(a.Family.Kind.ToString(), kind, StringComparison.OrdinalIgnoreCase) ? 0 : 1)
                .ThenBy(a => SizeDistance(size, ParameterSize(a.Id)))
                .ThenBy(a => openWeights != null && (a.Family.OpenWeights ? "true" : "false") == openWeights ? 0 : 1)
                .ThenBy(a => a.Order)
                .Take(MaxAlternatives);
        }

        private static double SizeDistance(double? wanted, double? size)
        {
            if (wanted == null)
            {
                return 0;
            }

            return size == null ? double.MaxValue : Math.Abs(Math.Log(size.Value) - Math.Log(wanted.Value));
        }

        /// <summary>Billions of parameters named in the id: <c>72b</c>, <c>8b</c>, <c>1.5b</c>.</summary>
        internal static double? ParameterSize(string id)
        {
            var text = id.ToLowerInvariant();
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] != 'b' || i == 0 || !char.IsDigit(text[i - 1]) || (i + 1 < text.Length && char.IsLetterOrDigit(text[i + 1])))
                {
                    continue;
                }

                var start = i;
                while (start > 0 && (char.IsDigit(text[start - 1]) || text[start - 1] == '.'))
                {
                    start--;
                }

                if (start > 0 && char.IsLetter(text[start - 1]))
                {
                    continue;
                }

                if (double.TryParse(text.Substring(start, i - start).Trim('.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0)
                {
                    return value;
                }
            }

            return null;
        }

        private static async Task<Document> ReplaceAsync(Document document, LiteralExpressionSyntax literal, string replacement, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var tokenText = literal.Token.Text;
            string text;
            if (tokenText.StartsWith("@\"", StringComparison.Ordinal))
            {
                text = "@\"" + replacement.Replace("\"", "\"\"") + "\"";
            }
            else if (tokenText.StartsWith("\"\"\"", StringComparison.Ordinal) && !tokenText.Contains("\n") && !replacement.Contains("\""))
            {
                text = "\"\"\"" + replacement + "\"\"\"";
            }
            else
            {
                text = SyntaxFactory.Literal(replacement).Text;
            }

            var token = SyntaxFactory.ParseToken(text).WithTriviaFrom(literal.Token);
            return document.WithSyntaxRoot(root!.ReplaceToken(literal.Token, token));
        }
    }
}
