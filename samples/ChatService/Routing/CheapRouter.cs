using System.ClientModel;
using System.Text.Json;
using Microsoft.Extensions.AI;
using OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace ChatService.Routing;

/// <summary>
/// Sends cheap tasks to small models: Llama or Qwen on our own GPU gateway, ticket triage to our
/// fine-tune of GPT-4o mini, the rest to GPT-4o mini.
/// Also shows what the analyzer leaves alone: checks of a model family, comparisons, configuration keys,
/// environment variable names, nameof, prose, documentation links.
/// </summary>
public sealed class CheapRouter
{
    public const string LocalModel = "llama3.2:3b";
    public const string HostedModel = "gpt-4o-mini";

    // Not flagged: names of settings, not model ids.
    public const string ModelSetting = "ModelRoutes:cheap:Model";
    public const string ApiKeyVariable = "OPENAI_API_KEY";
    public const string DocsUrl = "https://platform.openai.com/docs/models";

    public ChatOptions OptionsFor(string task) => new ChatOptions
    {
        ModelId = task switch
        {
            "classify" => LocalModel,
            "extract" => "qwen2.5:7b",
            _ => HostedModel,
        },
    };

    // Our inference gateway in Frankfurt (declared in ModelCatalog.txt) speaks the OpenAI protocol.
    public IChatClient CreateGatewayClient(string apiKey) =>
        new ChatClient(LocalModel, new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri("https://llm.contoso-ai.eu/v1") })
            .AsIChatClient();

    // A fine-tune keeps its base model's origin (ModelCatalog.txt maps it to OpenAI, US).
    public ChatClient CreateTriageClient(string apiKey) => new ChatClient("ft:gpt-4o-mini-2024-07-18:contoso:support:9abc123", apiKey);

    public EmbeddingClient CreateEmbeddings(string apiKey) => new EmbeddingClient("text-embedding-3-small", apiKey);

    // A raw request body for an OpenAI-compatible gateway: "model" in JSON is a model position.
    public string RequestBody(string prompt) =>
        $$"""{"model": "mistral-small-latest", "messages": [{"role": "user", "content": {{JsonSerializer.Serialize(prompt)}}}]}""";

    // Not flagged: a family check, a comparison, nameof and prose.
    public static bool IsQwen(string modelId) => modelId.StartsWith("qwen", StringComparison.OrdinalIgnoreCase);

    public static bool IsDefault(string modelId) => modelId == "gpt-4o-mini";

    public static string Describe() => nameof(HostedModel) + ": small prompts go to a local Llama or Qwen model, the rest to gpt-4o-mini.";
}
