using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace ChatService.Lab;

/// <summary>DeepSeek through its own API with Semantic Kernel (the API speaks the OpenAI protocol).</summary>
public sealed class DeepSeekExperiment
{
    private static readonly Uri DeepSeekApi = new Uri("https://api.deepseek.com");

    public Kernel CreateKernel(string apiKey)
    {
        var builder = Kernel.CreateBuilder();
        builder.AddOpenAIChatCompletion(modelId: "deepseek-chat", endpoint: DeepSeekApi, apiKey: apiKey);
        return builder.Build();
    }

    public async Task<string?> ExplainAsync(Kernel kernel, string question, CancellationToken cancellationToken)
    {
        var chat = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage(question);
        var reply = await chat.GetChatMessageContentAsync(history, cancellationToken: cancellationToken);
        return reply.Content;
    }
}
