using LLama.Common;
using Microsoft.Extensions.AI;
using OllamaSharp;

namespace ChatService.Lab;

/// <summary>Qwen on our own hardware: through Ollama on this machine, and in process with LLamaSharp.</summary>
public sealed class QwenExperiment
{
    private const string OllamaModel = "qwen2.5:7b";

    public IChatClient CreateOllamaClient() => new OllamaApiClient(new Uri("http://localhost:11434"), OllamaModel);

    public ModelParams CreateInProcessModel() => new ModelParams("models/qwen2.5-7b-instruct-q4_k_m.gguf") { ContextSize = 8192 };

    public async Task<string> SummariseAsync(IChatClient client, string text, CancellationToken cancellationToken)
    {
        var options = new ChatOptions { ModelId = "qwen2.5:14b", Temperature = 0.2f };
        var response = await client.GetResponseAsync($"Summarise in three lines:\n{text}", options, cancellationToken);
        return response.Text;
    }
}
