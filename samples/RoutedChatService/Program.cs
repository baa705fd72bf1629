using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ModelPolicy.Routing;
using RoutedChatService;

// The "after" of ChatService: no model id and no endpoint in code. Every model, endpoint and fallback is in
// appsettings.json under ModelRoutes; the ModelPolicy section is the runtime guard, checked at start-up.
//
//   dotnet run --project samples/RoutedChatService              gpt-4o fails (503), the route fails over to Mistral
//   dotnet run --project samples/RoutedChatService -- --denied  adds appsettings.Denied.json (a qwen-max fallback):
//                                                               the guard refuses to start, exit code 3

var denied = args.Contains("--denied", StringComparer.OrdinalIgnoreCase);
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
{
    Args = args.Where(a => !string.Equals(a, "--denied", StringComparison.OrdinalIgnoreCase)).ToArray(),
    // appsettings*.json are copied next to the program; read them there, whatever the current directory.
    ContentRootPath = AppContext.BaseDirectory,
});
if (denied)
{
    builder.Configuration.AddJsonFile("appsettings.Denied.json", optional: false);
}

builder.Services.AddModelRoutes(builder.Configuration)
    // Each provider named in configuration gets a factory. Here they are local fakes; a real service builds
    // its SDK's client from backend.Model and backend.Endpoint (see docs/routing.md).
    .AddChatClientFactory("fake-openai", backend => new FakeChatClient(backend, outage: true))
    .AddChatClientFactory("fake-mistral", backend => new FakeChatClient(backend))
    .AddChatClientFactory("fake-ollama", backend => new FakeChatClient(backend))
    .AddDefaultChatClientFactory((backend, _) => new FakeChatClient(backend))
    // The route as the keyed IChatClient "chat", through Microsoft.Extensions.AI's AddKeyedChatClient; the
    // ChatClientBuilder it returns wraps MEAI middleware around the routed client (here MEAI's logging client).
    .AddKeyedChatClient("chat")
    .UseLogging();

using var host = builder.Build();
var log = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("RoutedChatService");

try
{
    // Start-up validation: the route graph and the ModelPolicy guard (ValidateOnStart).
    await host.StartAsync();
}
catch (OptionsValidationException e)
{
    Console.Error.WriteLine("Start-up refused by the model policy guard:");
    foreach (var failure in e.Failures)
    {
        Console.Error.WriteLine("  " + failure);
    }
    return 3;
}

var routes = host.Services.GetRequiredService<IModelRoutes>();
log.LogInformation("Route 'chat': {Route}", routes.Get("chat"));

// [FromKeyedServices("chat")] IChatClient in a real service. Under MEAI's LoggingChatClient is the route's
// ModelRouteChatClient, itself a Microsoft.Extensions.AI FailoverChatClient: the route and the guard pick each attempt.
var chat = host.Services.GetRequiredKeyedService<IChatClient>("chat");
var routed = chat.GetRequiredService<ModelRouteChatClient>();
log.LogInformation("Keyed IChatClient 'chat': {Outer} over {Routed}, a {Base}", chat.GetType().Name, routed.GetType().Name, routed.GetType().BaseType);
var response = await chat.GetResponseAsync("Summarize the refund policy in one sentence.");
log.LogInformation("Answer from {Model}: {Text}", response.ModelId, response.Text);

await host.StopAsync();
return 0;
