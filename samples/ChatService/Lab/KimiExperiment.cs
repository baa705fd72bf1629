using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace ChatService.Lab;

/// <summary>Moonshot's Kimi models through the OpenAI SDK pointed at Moonshot's API.</summary>
public sealed class KimiExperiment
{
    private const string MoonshotApi = "https://api.moonshot.ai/v1";

    // Kimi K2 has open weights: allowed in Lab (but its API host is run from China: MP0004).
    public ChatClient CreateK2(string apiKey) =>
        new ChatClient("kimi-k2-0905-preview", new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(MoonshotApi) });

    // moonshot-v1 is API-only: Lab requires open weights, so this is MP0002.
    public ChatClient CreateMoonshotV1(string apiKey) =>
        new ChatClient(model: "moonshot-v1-8k", new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri(MoonshotApi) });
}
