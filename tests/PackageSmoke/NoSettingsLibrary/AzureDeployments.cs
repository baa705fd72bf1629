using System;
using System.ClientModel;
using Azure.AI.OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace NoSettingsLibrary
{
    /// <summary>Azure OpenAI: a resource endpoint and deployments.</summary>
    public sealed class AzureDeployments(string key)
    {
        private readonly AzureOpenAIClient client = new AzureOpenAIClient(new Uri("https://contoso-eastus.openai.azure.com/"), new ApiKeyCredential(key));

        public ChatClient Chat() => client.GetChatClient("gpt-4o");

        public EmbeddingClient Embeddings() => client.GetEmbeddingClient("text-embedding-ada-002");

        public ChatClient Fallback() => client.GetChatClient("gpt-35-turbo");

        public static AzureOpenAIClient Sweden(string apiKey) =>
            new AzureOpenAIClient(new Uri("https://contoso-sweden.openai.azure.com/"), new ApiKeyCredential(apiKey));
    }
}
