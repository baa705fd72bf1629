using System.ClientModel;
using Anthropic;
using Anthropic.Models.Messages;
using Azure.AI.OpenAI;
using OpenAI.Chat;
using OpenAI.Embeddings;

namespace ChatService.Payments;

/// <summary>
/// Explains why a payment was flagged. This folder is under the regulated policy of samples/.editorconfig:
/// only models made in the US or the EU, sent to hosts run from there.
/// <para>
/// Everything here is allowed, so the build reports only MP0001/MP0003 (hard-coded: move to configuration).
/// To see the policy bite, change "claude-3-5-sonnet-latest" below to "qwen-max" (Alibaba, CN) or
/// "deepseek-chat" and build again: error MP0002 ("origin CN is not in model_policy.allowed_origins")
/// fails the build, because a denied model in a regulated folder is an error, not a warning.
/// </para>
/// </summary>
public sealed class FraudReviewer
{
    // Our Azure OpenAI resource. 'payments-gpt-4o' is our deployment name; ModelCatalog.txt says it runs gpt-4o.
    private static readonly Uri AzureEndpoint = new Uri("https://contoso.openai.azure.com");
    private const string Deployment = "payments-gpt-4o";

    public ChatClient CreateAzureChat(string apiKey)
    {
        var azure = new AzureOpenAIClient(AzureEndpoint, new ApiKeyCredential(apiKey));
        return azure.GetChatClient(Deployment);
    }

    public EmbeddingClient CreateEmbeddings(string apiKey) => new EmbeddingClient("text-embedding-3-small", apiKey);

    public MessageCreateParams SecondOpinion(string caseSummary) => new MessageCreateParams
    {
        Model = "claude-3-5-sonnet-latest",
        MaxTokens = 1024,
        Messages = [new UserMessageParam { Content = "Is this payment fraudulent? " + caseSummary }],
    };

    public AnthropicClient CreateAnthropic(string apiKey) => new AnthropicClient { ApiKey = apiKey };
}
