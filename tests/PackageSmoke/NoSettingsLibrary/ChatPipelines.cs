using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using OpenAI;

namespace NoSettingsLibrary
{
    /// <summary>Microsoft.Extensions.AI: IChatClient from the OpenAI SDK, ChatOptions.ModelId per request.</summary>
    public sealed class ChatPipelines
    {
        private readonly OpenAIClient client;

        public ChatPipelines(OpenAIClient client)
        {
            this.client = client;
        }

        public IChatClient Default() => client.GetChatClient("gpt-4o-mini").AsIChatClient();

        public IEmbeddingGenerator<string, Embedding<float>> Embeddings() => client.GetEmbeddingClient("text-embedding-3-small").AsIEmbeddingGenerator();

        public Task<ChatResponse> AskAsync(IChatClient chat, string question, CancellationToken cancellationToken) =>
            chat.GetResponseAsync(question, new ChatOptions { ModelId = "gpt-4.1-nano", Temperature = 0.2f }, cancellationToken);

        public Task<ChatResponse> ReasonAsync(IChatClient chat, string question, CancellationToken cancellationToken)
        {
            var options = new ChatOptions();
            options.ModelId = "o3";
            return chat.GetResponseAsync(question, options, cancellationToken);
        }

        public Task<ChatResponse> LocalAsync(IChatClient chat, string question, CancellationToken cancellationToken) =>
            chat.GetResponseAsync(question, new ChatOptions { ModelId = "qwen2.5-72b-instruct" }, cancellationToken);
    }
}
