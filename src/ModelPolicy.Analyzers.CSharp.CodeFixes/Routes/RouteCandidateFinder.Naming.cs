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
    /// <summary>Route names, providers, and the model/endpoint partner of the same call.</summary>
    internal static partial class RouteCandidateFinder
    {
        // ---- naming ---------------------------------------------------------------------------------

        private static void Describe(RouteCandidate candidate, SemanticModel model, System.Collections.Immutable.ImmutableDictionary<string, string?>? properties, CancellationToken cancellationToken)
        {
            var api = FindApi(candidate.Target, model, cancellationToken, out var group);
            candidate.Group = group;
            candidate.Provider = ProviderOf(api);
            var name = api == null ? null : KindFromApi(api);
            if (name == null && properties != null && properties.TryGetValue(DiagnosticProperties.ModelKind, out var modelKind) && !string.IsNullOrEmpty(modelKind))
            {
                name = modelKind;
            }

            if (name == null && !candidate.IsEndpoint)
            {
                var match = ModelCatalog.Builtin.MatchModel(candidate.Value);
                name = match?.Family.Kind.ToString().ToLowerInvariant();
            }

            candidate.BaseName = name ?? "model";
        }

        /// <summary>The parameter or property the value is given to, and the call or initializer that holds it.</summary>
        private static ISymbol? FindApi(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken, out SyntaxNode? group)
        {
            group = null;
            var operation = model.GetOperation(target, cancellationToken);
            while (operation != null)
            {
                switch (operation)
                {
                    case IArgumentOperation argument:
                        group = argument.Parent?.Syntax;
                        return argument.Parameter;
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation:
                        group = assignment.Parent is IObjectOrCollectionInitializerOperation initializer ? initializer.Syntax : null;
                        return ((IMemberReferenceOperation)assignment.Target).Member;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case ICoalesceOperation:
                    case IConditionalOperation:
                    case ILiteralOperation:
                    case IFieldReferenceOperation:
                    case IPropertyReferenceOperation:
                    case IBinaryOperation:
                    case IInterpolatedStringOperation:
                    case IObjectCreationOperation:
                        operation = operation.Parent;
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static string? KindFromApi(ISymbol api)
        {
            var hint = api is IParameterSymbol parameter
                ? parameter.ContainingSymbol.Name + " " + (parameter.ContainingSymbol as IMethodSymbol)?.ReturnType.Name + " " + parameter.ContainingType?.Name
                : api.ContainingType?.Name ?? string.Empty;
            if (Has(hint, "Embedding"))
            {
                return "embedding";
            }

            if (Has(hint, "Image") || Has(hint, "Dalle"))
            {
                return "image";
            }

            if (Has(hint, "Audio") || Has(hint, "Speech") || Has(hint, "Transcription") || Has(hint, "Whisper") || Has(hint, "Tts"))
            {
                return "audio";
            }

            if (Has(hint, "Moderation"))
            {
                return "moderation";
            }

            if (Has(hint, "Rerank"))
            {
                return "rerank";
            }

            if (Has(hint, "Chat") || Has(hint, "Completion") || Has(hint, "Message") || Has(hint, "Response"))
            {
                return "chat";
            }

            return null;
        }

        private static bool Has(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? ProviderOf(ISymbol? api)
        {
            var assembly = api?.ContainingAssembly?.Name;
            if (assembly == null)
            {
                return null;
            }

            var method = (api as IParameterSymbol)?.ContainingSymbol.Name ?? api!.Name;
            if (assembly.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal))
            {
                return Has(method, "AzureOpenAI") ? "azure-openai" : Has(method, "OpenAI") ? "openai" : Has(method, "Ollama") ? "ollama"
                    : Has(assembly, "AzureOpenAI") ? "azure-openai" : Has(assembly, "OpenAI") ? "openai" : Has(assembly, "Ollama") ? "ollama" : null;
            }

            if (assembly.StartsWith("Azure.AI.OpenAI", StringComparison.Ordinal))
            {
                return "azure-openai";
            }

            if (assembly == "OpenAI" || assembly.StartsWith("OpenAI.", StringComparison.Ordinal))
            {
                return "openai";
            }

            if (assembly.StartsWith("OllamaSharp", StringComparison.Ordinal))
            {
                return "ollama";
            }

            if (assembly.StartsWith("Anthropic", StringComparison.Ordinal))
            {
                return "anthropic";
            }

            if (assembly.StartsWith("LLamaSharp", StringComparison.Ordinal))
            {
                return "llamasharp";
            }

            return null;
        }

        // ---- the partner of the same call ------------------------------------------------------------

        private static async Task<RouteCandidate?> FindPartnerAsync(Document document, SemanticModel model, INamedTypeSymbol routesType, RouteCandidate candidate, CancellationToken cancellationToken)
        {
            var values = candidate.Group switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } => arguments.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                BaseArgumentListSyntax list => list.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                InitializerExpressionSyntax initializer => initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                    .Select(a => (Name: (a.Left as IdentifierNameSyntax)?.Identifier.ValueText, Value: a.Right)),
                _ => Enumerable.Empty<(string? Name, ExpressionSyntax Value)>(),
            };
            foreach (var (name, value) in values)
            {
                if (name == null || value.Span.Contains(candidate.Target.Span) || candidate.Target.Span.Contains(value.Span))
                {
                    continue;
                }

                var isEndpoint = PositionNames.IsEndpointName(name);
                if (isEndpoint == candidate.IsEndpoint || (!isEndpoint && !PositionNames.IsModelName(name)))
                {
                    continue;
                }

                var literal = value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation ? creation.ArgumentList!.Arguments[0].Expression : value;
                if (literal is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } stringLiteral)
                {
                    continue;
                }

                var text = stringLiteral.Token.ValueText;
                string expected;
                if (isEndpoint)
                {
                    var trimmed = text.Trim();
                    if (!UrlText.TryGetHost(trimmed, 0, trimmed.Length, out var hostStart, out var hostLength, out var complete) || !complete)
                    {
                        continue;
                    }

                    expected = trimmed.Substring(hostStart, hostLength).ToLowerInvariant();
                }
                else
                {
                    if (!ModelIdShape.IsPlausible(text))
                    {
                        continue;
                    }

                    expected = text;
                }

                var partner = await CreateAsync(document, model, routesType, stringLiteral, isEndpoint, expected, System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty, cancellationToken).ConfigureAwait(false);
                if (partner != null && partner.Group?.Span == candidate.Group!.Span)
                {
                    return partner;
                }
            }

            return null;
        }

        private static string? ParameterName(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken) =>
            (model.GetOperation(argument, cancellationToken) as IArgumentOperation)?.Parameter?.Name;
    }
}
