using ChatService.Lab;
using ChatService.Payments;
using ChatService.Routing;
using Microsoft.Extensions.Configuration;

// The sample builds clients but never calls a provider: it shows what the analyzer reports at build time.
// Production code reads model ids and endpoints from configuration, as here, and gets no diagnostic.
var configuration = new ConfigurationBuilder()
    .SetBasePath(AppContext.BaseDirectory)
    .AddJsonFile("appsettings.json", optional: true)
    .Build();

var chatModel = configuration["ModelRoutes:chat:Model"] ?? throw new InvalidOperationException("ModelRoutes:chat:Model is not set");
var apiKey = Environment.GetEnvironmentVariable("OPENAI_API_KEY") ?? "not-set";
var chat = new OpenAI.Chat.ChatClient(chatModel, apiKey);

Console.WriteLine($"Configured chat route: {chatModel} ({chat.GetType().Name})");
Console.WriteLine($"Cheap route for 'classify': {new CheapRouter().OptionsFor("classify").ModelId}");
Console.WriteLine($"Lab experiments: {nameof(QwenExperiment)}, {nameof(DeepSeekExperiment)}, {nameof(KimiExperiment)}");
Console.WriteLine($"Payments reviewer: {nameof(FraudReviewer)}");
