using System.Net;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using ModelPolicy.Routing;

namespace RoutedChatService;

/// <summary>
/// An in-process stand-in for a provider's chat client: no network, no key. It knows only the backend that
/// configuration gave it (model, endpoint, provider). With <c>outage: true</c> it fails the way an HTTP provider
/// does when it is down (503), which the routed client treats as transient.
/// </summary>
public sealed class FakeChatClient(ModelBackend backend, bool outage = false) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (outage)
        {
            throw new HttpRequestException("503 Service Unavailable", null, HttpStatusCode.ServiceUnavailable);
        }

        // The routed client wraps each backend in MEAI's ConfigureOptionsChatClient, which sets ChatOptions.ModelId
        // to the model of the backend it is trying.
        var model = options?.ModelId ?? backend.Model;
        var question = messages.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant,
            $"[{model} via {backend.Provider}] You asked: \"{question}\". This answer comes from {model}."))
        {
            ModelId = model,
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;

    public void Dispose()
    {
    }
}
