using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelPolicy.Routing;
using RoutingConsumer;

// Routes from appsettings.json; gpt-4o is "down" (503) and the route fails over to mistral-large-latest.
// Then the configuration changes at run time to add a DeepSeek (CN) fallback: the guard refuses the reload.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: false)
    .AddInMemoryCollection()
    .Build();

var services = new ServiceCollection();
services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Information));
services.AddModelRoutes(configuration)
    .AddChatClientFactory("openai", backend => new LocalChatClient(backend, outage: true))
    .AddChatClientFactory("mistral", backend => new LocalChatClient(backend, outage: false))
    .AddChatClientFactory("deepseek", backend => new LocalChatClient(backend, outage: false))
    .AddKeyedChatClient("chat");

using var provider = services.BuildServiceProvider();
provider.GetRequiredService<IStartupValidator>().Validate();

var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
Console.WriteLine("client: " + MeaiNames.Describe(MeaiNames.AsFailover(chat.GetRequiredService<ModelRouteChatClient>()), null));
var first = await chat.GetResponseAsync("hello");
Console.WriteLine("answer 1: " + first.Text);

configuration["ModelRoutes:chat:Fallbacks:0:Model"] = "deepseek-chat";
configuration["ModelRoutes:chat:Fallbacks:0:Provider"] = "deepseek";
configuration.Reload();

var second = await chat.GetResponseAsync("hello again");
Console.WriteLine("answer 2: " + second.Text);

// (Disposing the provider at the end flushes the console logger.)
return second.Text.Contains("mistral-large-latest", StringComparison.Ordinal) ? 0 : 1;

namespace RoutingConsumer
{
    /// <summary>An in-process provider: no network, no key; with outage it fails as an HTTP provider that is down.</summary>
    internal sealed class LocalChatClient(ModelBackend backend, bool outage) : IChatClient
    {
        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            if (outage)
            {
                throw new HttpRequestException("503 Service Unavailable", null, HttpStatusCode.ServiceUnavailable);
            }

            return Task.FromResult(new ChatResponse(new ChatMessage(ChatRole.Assistant, "from " + (options?.ModelId ?? backend.Model))));
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            foreach (var update in (await GetResponseAsync(messages, options, cancellationToken)).ToChatResponseUpdates())
            {
                yield return update;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }
}
