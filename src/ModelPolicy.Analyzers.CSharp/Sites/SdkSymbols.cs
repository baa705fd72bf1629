using System;
using Microsoft.CodeAnalysis;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>Recognises the AI SDKs by the assembly a member comes from.</summary>
    internal static class SdkSymbols
    {
        private static readonly string[] SdkAssemblyPrefixes =
        {
            "OpenAI", "Azure.AI.OpenAI", "Azure.AI.Inference", "Azure.AI.Projects", "Azure.AI.Agents", "Microsoft.Extensions.AI",
            "Microsoft.SemanticKernel", "Microsoft.KernelMemory", "OllamaSharp", "LLamaSharp", "Anthropic", "Mistral.SDK", "Google.Cloud.AIPlatform",
            "Google.GenAI", "AWSSDK.BedrockRuntime", "AWSSDK.BedrockAgentRuntime", "Betalgo.Ranul.OpenAI", "Betalgo.OpenAI", "Cohere", "HuggingFace",
            "LangChain", "AutoGen", "Microsoft.AutoGen", "GeminiDotnet", "Mscc.GenerativeAI", "Microsoft.Agents.AI",
        };

        /// <summary>True when the symbol is declared in one of the AI SDKs.</summary>
        public static bool IsFromSdk(ISymbol? symbol)
        {
            var assembly = symbol?.ContainingAssembly?.Name;
            if (assembly == null)
            {
                return false;
            }

            foreach (var prefix in SdkAssemblyPrefixes)
            {
                if (assembly.StartsWith(prefix, StringComparison.Ordinal)
                    && (assembly.Length == prefix.Length || assembly[prefix.Length] == '.'))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
