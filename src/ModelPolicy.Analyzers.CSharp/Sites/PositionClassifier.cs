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

            var evidence = SdkSymbols.IsFromSdk(symbol) && !IsResultType(symbol.ContainingType) ? Evidence.ApiPosition
                : IsFramework(symbol) ? Evidence.NameOnFrameworkType
                : Evidence.NameOnUserType;
            return new ValuePosition(kind, evidence, name);
        }

        /// <summary>
        /// Where the call does not bind (the SDK's package is not restored, an SDK the table lacks, an error type), its
        /// shape still says which argument is the model: a named argument <c>model:</c>, <c>modelId:</c>,
        /// <c>deploymentName:</c>; the first argument of <c>GetChatClient</c>, <c>UseModel</c>, <c>WithModel</c>,
        /// <c>AsEmbeddingGenerator</c>, <c>new ChatClient(…)</c>; the second of <c>new OllamaApiClient(uri, …)</c>. Only names
        /// that mean nothing but a model; an API position, so an unknown id is MP0005 outside test code. Null where the
        /// call binds or its shape says nothing.
        /// </summary>
        public static ValuePosition? ClassifyUnresolved(ArgumentSyntax argument, BaseArgumentListSyntax list, SemanticModel model, CancellationToken cancellationToken)
        {
            if (list is not ArgumentListSyntax || list.Parent is not (InvocationExpressionSyntax or ObjectCreationExpressionSyntax))
            {
                return null;
            }

            var info = model.GetSymbolInfo(list.Parent, cancellationToken);
            if (info.Symbol != null || info.CandidateSymbols.Length == 1)
            {
                return null;
            }

            if (argument.NameColon != null)
            {
                var name = argument.NameColon.Name.Identifier.ValueText;
                return IsUnresolvedModelName(name) ? new ValuePosition(ValueKind.Model, Evidence.ApiPosition, name) : null;
            }

            var called = list.Parent switch
            {
                InvocationExpressionSyntax { Expression: MemberAccessExpressionSyntax access } => access.Name.Identifier.ValueText,
                InvocationExpressionSyntax { Expression: SimpleNameSyntax simple } => simple.Identifier.ValueText,
                ObjectCreationExpressionSyntax { Type: QualifiedNameSyntax qualified } => qualified.Right.Identifier.ValueText,
                ObjectCreationExpressionSyntax { Type: SimpleNameSyntax simple } => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            var index = list.Arguments.IndexOf(argument);
            foreach (var (name, modelIndex) in ModelArgumentOfCall)
            {
                if (index == modelIndex && string.Equals(called, name, StringComparison.Ordinal))
                {
                    return new ValuePosition(ValueKind.Model, Evidence.ApiPosition, "model");
                }
            }

            return null;
        }

        /// <summary><c>Model</c>, <c>ModelId</c>, <c>ModelName</c>, <c>DeploymentName</c> (or <c>Endpoint</c>, <c>BaseUrl</c>) of a type that does not bind.</summary>
        public static ValuePosition? ClassifyUnresolvedMember(ExpressionSyntax left)
        {
            var name = left switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                _ => string.Empty,
            };
            // An endpoint member of a type that does not bind is weaker evidence (an HttpClient's BaseAddress, often).
            return name is "Model" or "ModelId" or "ModelName" or "DeploymentName" ? new ValuePosition(ValueKind.Model, Evidence.ApiPosition, name)
                : name is "Endpoint" or "EndPoint" or "BaseUrl" or "BaseAddress" or "BaseUri" ? new ValuePosition(ValueKind.Endpoint, Evidence.NameOnFrameworkType, name)
                : null;
        }

        private static bool IsUnresolvedModelName(string name) =>
            name is "model" or "modelId" or "modelName" or "deploymentName" or "deployment" or "deploymentId" or "defaultModel";

        /// <summary>
        /// SDK calls whose model argument sits at a fixed place: OpenAI's <c>GetChatClient(model)</c> and
        /// <c>new ChatClient(model, …)</c>, Microsoft.Extensions.AI's <c>AsEmbeddingGenerator(model)</c>, Semantic Kernel's
        /// <c>AddOpenAIChatCompletion(modelId, …)</c>, OllamaSharp's <c>new OllamaApiClient(uri, model)</c>, builders'
        /// <c>UseModel</c>/<c>WithModel</c>.
        /// </summary>
        private static readonly (string Name, int Index)[] ModelArgumentOfCall =
        {
            ("GetChatClient", 0), ("GetEmbeddingClient", 0), ("GetImageClient", 0), ("GetAudioClient", 0), ("GetOpenAIResponseClient", 0),
            ("GetResponsesClient", 0), ("AsChatClient", 0), ("AsEmbeddingGenerator", 0), ("UseModel", 0), ("WithModel", 0),
            ("ChatClient", 0), ("EmbeddingClient", 0), ("ImageClient", 0), ("AudioClient", 0), ("OpenAIChatCompletionService", 0),
            ("AddOpenAIChatCompletion", 0), ("AddAzureOpenAIChatCompletion", 0), ("AddOllamaChatCompletion", 0), ("AddOpenAIChatClient", 0),
            ("AddAzureOpenAIChatClient", 0), ("AddOpenAIEmbeddingGenerator", 0), ("AddAzureOpenAIEmbeddingGenerator", 0),
            ("AddOpenAITextEmbeddingGeneration", 0), ("AddAzureOpenAITextEmbeddingGeneration", 0), ("AddOllamaEmbeddingGenerator", 0),
            ("OllamaApiClient", 1), ("OllamaChatClient", 1), ("OllamaEmbeddingGenerator", 1),
        };

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

        /// <summary>A member of the .NET framework's own assemblies (System.Uri, System.Net.Http.HttpClient).</summary>
        private static bool IsFramework(ISymbol symbol)
        {
            var assembly = symbol.ContainingAssembly?.Name;
            return assembly != null && (assembly == "System" || assembly == "mscorlib" || assembly == "netstandard" || assembly.StartsWith("System.", StringComparison.Ordinal));
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
