using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    public class DependencyInjectionTests
    {
        private readonly CallLog calls = new CallLog();
        private readonly FakeLogger logger = new FakeLogger();

        [Fact]
        public async Task Routed_chat_clients_use_the_factory_of_each_backends_provider()
        {
            var providers = new System.Collections.Concurrent.ConcurrentQueue<string>();
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logger));
            services.AddModelRoutes(TestCatalog.Json(ModelRoutesBindingTests.IssueExample))
                .AddChatClientFactory("OpenAI", b =>
                {
                    providers.Enqueue("openai:" + b.Model);
                    return new FakeChatClient(b, calls, _ => new HttpRequestException("busy", null, HttpStatusCode.BadGateway));
                })
                .AddChatClientFactory("mistral", (b, sp) =>
                {
                    Assert.NotNull(sp.GetService<IModelRoutes>());
                    providers.Enqueue("mistral:" + b.Model);
                    return new FakeChatClient(b, calls);
                });
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            var chat = provider.GetRequiredService<IRoutedChatClientFactory>().Create("chat");
            var response = await chat.GetResponseAsync(new[] { new ChatMessage(ChatRole.User, "hi") });

            Assert.Equal("from mistral-small-latest", response.Text);
            Assert.Equal(new[] { "openai:gpt-4o", "mistral:mistral-small-latest" }, providers);
            var failover = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
            Assert.Equal("gpt-4o", failover["FromModel"]);
            Assert.Equal("gpt-4o", provider.GetRequiredService<IModelRoutes>().GetModel("chat"));
        }

        [Fact]
        public void Keyed_chat_clients_are_one_singleton_per_route()
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json(ModelRoutesBindingTests.IssueExample))
                .AddDefaultChatClientFactory((b, _) => new FakeChatClient(b, calls))
                .AddKeyedChatClients();
            using var provider = services.BuildServiceProvider();

            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
            var again = provider.GetRequiredKeyedService<IChatClient>("chat");
            var eu = provider.GetRequiredKeyedService<IChatClient>("chat-eu");

            Assert.Same(chat, again);
            Assert.NotSame(chat, eu);
            Assert.Equal("chat", Assert.IsType<ModelRouteChatClient>(chat).Route.Name);
            Assert.Equal("chat-eu", Assert.IsType<ModelRouteChatClient>(eu).Route.Name);
            Assert.Throws<ModelRouteNotFoundException>(() => provider.GetRequiredKeyedService<IChatClient>("nope"));
        }

        [Fact]
        public void A_backend_without_a_factory_is_reported_when_the_client_is_created()
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json(ModelRoutesBindingTests.IssueExample))
                .AddChatClientFactory("openai", b => new FakeChatClient(b, calls));
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IRoutedChatClientFactory>().Create("chat"));

            Assert.Contains("provider 'mistral'", error.Message, StringComparison.Ordinal);
            Assert.Contains("model route 'chat'", error.Message, StringComparison.Ordinal);
            Assert.Contains("Providers with a factory: openai.", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void Routes_can_be_set_up_in_code()
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(o =>
            {
                o.Routes["summarize"] = new ModelRouteOptions { Model = "gpt-4o-mini", Endpoint = "https://api.openai.com/v1" };
                o.Routes["summarize"].Fallbacks.Add(ModelFallbackOptions.Inline("mistral-small-latest", provider: "mistral"));
            });
            using var provider = services.BuildServiceProvider();

            var routes = provider.GetRequiredService<IModelRoutes>();

            Assert.Equal("gpt-4o-mini", routes.GetModel("summarize"));
            Assert.Equal(new Uri("https://api.openai.com/v1"), routes.GetEndpoint("summarize"));
            Assert.Equal("mistral-small-latest", routes.Get("summarize").Fallbacks.Single().Model);
        }

        [Fact]
        public void A_route_graph_error_fails_start_up_validation()
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json("""{ "ModelRoutes": { "chat": { "Model": "gpt-4o", "Fallbacks": [ "chat-eu" ] } } }"""));
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.StartsWith("ModelRoutes:chat:Fallbacks:0 names model route 'chat-eu', which does not exist. The routes are: chat.", Assert.Single(error.Failures), StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_embedding_generator_fails_over_too()
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logger));
            services.AddModelRoutes(TestCatalog.Json("""
                { "ModelRoutes": { "embed": { "Model": "text-embedding-3-small", "Endpoint": "https://api.openai.com/v1", "Provider": "openai",
                    "Fallbacks": [ { "Model": "text-embedding-3-small", "Endpoint": "https://eu.example.com/openai", "Provider": "azure-openai" } ] } } }
                """))
                .AddEmbeddingGeneratorFactory("openai", b => new FakeEmbeddingGenerator(b, calls, new HttpRequestException("overloaded", null, HttpStatusCode.TooManyRequests)))
                .AddEmbeddingGeneratorFactory("azure-openai", b => new FakeEmbeddingGenerator(b, calls))
                .AddKeyedEmbeddingGenerators();
            using var provider = services.BuildServiceProvider();

            var generator = provider.GetRequiredKeyedService<IEmbeddingGenerator<string, Embedding<float>>>("embed");
            var embeddings = await generator.GenerateAsync(new[] { "abc", "de" });

            Assert.Equal(2, embeddings.Count);
            Assert.Equal(new[] { 3f, 1f }, embeddings[0].Vector.ToArray());
            Assert.Equal(new[] { "text-embedding-3-small/text-embedding-3-small", "text-embedding-3-small/text-embedding-3-small" }, calls.Calls);
            var failover = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
            Assert.Equal("openai", failover["FromProvider"]);
            Assert.Equal("azure-openai", failover["ToProvider"]);
        }

        [Fact]
        public async Task The_embedding_generator_does_not_fail_over_on_a_non_transient_error()
        {
            var routes = TestCatalog.Routes("""
                { "ModelRoutes": { "embed": { "Model": "text-embedding-3-small", "Fallbacks": [ { "Model": "text-embedding-3-large" } ] } } }
                """);
            using var generator = routes.CreateEmbeddingGenerator("embed", b => new FakeEmbeddingGenerator(b, calls, new HttpRequestException("no", null, HttpStatusCode.Unauthorized)));

            await Assert.ThrowsAsync<HttpRequestException>(() => generator.GenerateAsync(new[] { "x" }));

            Assert.Single(calls.Calls);
        }
    }
}
