using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Whether a parameter, property or field is a model or endpoint position, and how strong the evidence is: an AI SDK's
    /// member (<see cref="SdkSymbols"/>) is an API position; a model-like name on the user's own type is weaker.
    /// </summary>
    internal static class PositionClassifier
    {
        public static bool IsPositionName(string name) => PositionNames.IsModelName(name) || PositionNames.IsEndpointName(name);

        public static ValuePosition? Classify(string name, ISymbol symbol)
        {
            ValueKind kind;
            if (PositionNames.IsModelName(name))
            {
                kind = ValueKind.Model;
            }
            else if (PositionNames.IsEndpointName(name))
            {
                kind = ValueKind.Endpoint;
            }
            else
            {
                return null;
            }

            var evidence = SdkSymbols.IsFromSdk(symbol) && !IsResultType(symbol.ContainingType) ? Evidence.ApiPosition : Evidence.NameOnUserType;
            return new ValuePosition(kind, evidence, name);
        }

        /// <summary>The parameter an argument binds to (by name, by position, or the params array).</summary>
        public static IParameterSymbol? FindParameter(ArgumentSyntax argument, BaseArgumentListSyntax list, SemanticModel model, CancellationToken cancellationToken)
        {
            var owner = list.Parent;
            if (owner == null || owner is ElementAccessExpressionSyntax or ElementBindingExpressionSyntax)
            {
                return null;
            }

            var info = model.GetSymbolInfo(owner, cancellationToken);
            if ((info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) is not IMethodSymbol method)
            {
                return null;
            }

            if (argument.NameColon != null)
            {
                var name = argument.NameColon.Name.Identifier.ValueText;
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == name)
                    {
                        return parameter;
                    }
                }

                return null;
            }

            var index = list.Arguments.IndexOf(argument);
            if (index < method.Parameters.Length)
            {
                return method.Parameters[index];
            }

            var last = method.Parameters.Length > 0 ? method.Parameters[method.Parameters.Length - 1] : null;
            return last != null && last.IsParams ? last : null;
        }

        /// <summary>
        /// <c>ChatResponse.ModelId</c>, <c>ChatResponseUpdate</c>, <c>…Result</c>, <c>…Metadata</c>: what a backend
        /// answered with (or a fake of one), not the model the code chooses.
        /// </summary>
        private static bool IsResultType(INamedTypeSymbol? type)
        {
            var name = type?.Name;
            return name != null && (name.EndsWith("Response", StringComparison.Ordinal) || name.EndsWith("Update", StringComparison.Ordinal)
                || name.EndsWith("Result", StringComparison.Ordinal) || name.EndsWith("Metadata", StringComparison.Ordinal)
                || name.EndsWith("Completion", StringComparison.Ordinal));
        }
    }
}
