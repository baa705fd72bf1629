#pragma warning disable MEAI001 // names FailoverChatClient and RoutingChatClient, as a consumer would
using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    /// <summary>The routed clients are Microsoft.Extensions.AI clients: its base classes, its DI and its builder.</summary>
    public class MeaiIntegrationTests
    {
        private const string CrossVendor = """
            { "ModelPolicy": { "DeniedOrigins": "CN" },
              "ModelRoutes": {
                "chat": { "Model": "gpt-4o", "Endpoint": "https://api.openai.com/v1", "Provider": "openai",
                          "Fallbacks": [ { "Model": "mistral-large-latest", "Endpoint": "https://api.mistral.ai/v1", "Provider": "mistral" } ] },
                "chat-eu": { "Model": "mistral-small-latest", "Provider": "mistral" } } }
            """;

        private static readonly ChatMessage[] Hello = { new ChatMessage(ChatRole.User, "hello") };

        private readonly CallLog calls = new CallLog();
        private readonly FakeLogger logger = new FakeLogger();

        [Fact]
        public async Task The_route_client_is_a_MEAI_FailoverChatClient_that_fails_over_from_a_US_to_a_French_vendor()
        {
            using var client = TestCatalog.Routes(CrossVendor).CreateChatClient(
                "chat", b => new FakeChatClient(b, calls, b.Provider == "openai" ? _ => new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable) : null), logger);

            Assert.IsAssignableFrom<FailoverChatClient>(client);
            Assert.IsAssignableFrom<RoutingChatClient>(client);
            var response = await client.GetResponseAsync(Hello);

            Assert.Equal("from mistral-large-latest", response.Text);
            var failover = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
            Assert.Equal(
                "Model route 'chat': gpt-4o (OpenAI, US; provider openai) failed with System.Net.Http.HttpRequestException; failing over to mistral-large-latest (Mistral, FR; provider mistral)",
                failover.Message);
        }

        [Fact]
        public async Task A_model_the_catalog_does_not_know_is_logged_with_an_unknown_vendor_and_country()
        {
            using var client = TestCatalog.Routes("""{ "ModelRoutes": { "chat": { "Model": "gpt-4o", "Fallbacks": [ { "Model": "in-house-7b" } ] } } }""")
                .CreateChatClient("chat", b => new FakeChatClient(b, calls, b.Model == "gpt-4o" ? _ => new TimeoutException() : null), logger);

            await client.GetResponseAsync(Hello);

            var failover = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
            Assert.Equal("unknown", failover["ToVendor"]);
            Assert.Equal("unknown", failover["ToCountry"]);
            Assert.Equal("OpenAI", failover["FromVendor"]);
        }

        [Fact]
        public async Task AddKeyedChatClient_registers_the_route_through_MEAI_and_its_ChatClientBuilder_adds_middleware()
        {
            var seen = new List<string>();
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logger));
            services.AddModelRoutes(TestCatalog.Json(CrossVendor))
                .AddChatClientFactory("openai", b => new FakeChatClient(b, calls, _ => new HttpRequestException("refused")))
                // a backend's own pipeline, composed with MEAI's builder
                .AddChatClientFactory("mistral", (b, sp) => new FakeChatClient(b, calls).AsBuilder().Use(inner => new Recording(inner, "backend " + b.Model, seen)).Build(sp))
                .AddKeyedChatClient("chat")
                .Use(inner => new Recording(inner, "route chat", seen));
            services.Configure<ModelRoutingOptions>(o => o.Catalog = TestCatalog.Instance);
            using var provider = services.BuildServiceProvider();

            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
            var response = await chat.GetResponseAsync(Hello);

            Assert.IsType<Recording>(chat);
            Assert.Same(chat, provider.GetRequiredKeyedService<IChatClient>("chat")); // singleton
            var routed = chat.GetService<ModelRouteChatClient>();
            Assert.NotNull(routed);
            Assert.Equal("chat", routed!.RouteName);
            Assert.Equal("chat", chat.GetService<ModelRoute>()!.Name);
            Assert.Equal("from mistral-large-latest", response.Text);
            Assert.Equal(new[] { "route chat", "backend mistral-large-latest" }, seen);
            Assert.Null(provider.GetKeyedService<IChatClient>("chat-eu"));
        }

        [Fact]
        public async Task AddChatClient_makes_the_route_the_unkeyed_IChatClient()
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json(CrossVendor))
                .AddDefaultChatClientFactory((b, _) => new FakeChatClient(b, calls))
                .AddChatClient("chat-eu");
            services.Configure<ModelRoutingOptions>(o => o.Catalog = TestCatalog.Instance);
            using var provider = services.BuildServiceProvider();

            var response = await provider.GetRequiredService<IChatClient>().GetResponseAsync(Hello);

            Assert.Equal("from mistral-small-latest", response.Text);
        }

        [Fact]
        public async Task A_routed_client_composes_with_ChatClientBuilder_like_any_IChatClient()
        {
            var seen = new List<string>();
            using var routed = TestCatalog.Routes(CrossVendor).CreateChatClient("chat-eu", b => new FakeChatClient(b, calls));
            using var pipeline = routed.AsBuilder().Use(inner => new Recording(inner, "outer", seen)).Build();

            var streamed = new List<string>();
            await foreach (var update in pipeline.GetStreamingResponseAsync(Hello))
            {
                streamed.Add(update.Text);
            }

            Assert.Equal(new[] { "outer" }, seen);
            Assert.Equal(new[] { "mistral-small-latest part 0", "mistral-small-latest part 1", "mistral-small-latest part 2" }, streamed);
            Assert.Same(routed, pipeline.GetService<ModelRouteChatClient>());
        }

        [Fact]
        public async Task CreateOrderedFailoverChatClient_gives_MEAIs_OrderedFailoverChatClient_over_the_allowed_backends_only()
        {
            var built = new List<string>();
            var routes = TestCatalog.Routes("""
                { "ModelPolicy": { "DeniedOrigins": "CN" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o", "Provider": "openai",
                    "Fallbacks": [ { "Model": "deepseek-chat" }, { "Model": "mistral-large-latest" } ] } } }
                """, o => o.EnforcePolicyAtStartup = false);
            var models = new List<string?>();
            using var client = routes.CreateOrderedFailoverChatClient("chat", b =>
            {
                built.Add(b.Model);
                var fake = new FakeChatClient(b, calls, b.Model == "gpt-4o" ? _ => new HttpRequestException("down") : null);
                return fake.AsBuilder().Use((messages, options, next, ct) =>
                {
                    models.Add(options?.ModelId);
                    return next(messages, options, ct);
                }).Build();
            });

            var response = await client.GetResponseAsync(Hello, new ChatOptions { ModelId = "caller" });

            Assert.IsType<OrderedFailoverChatClient>(client);
            Assert.Equal("from mistral-large-latest", response.Text);
            Assert.Equal(new[] { "gpt-4o", "mistral-large-latest" }, built);
            Assert.Equal(new[] { "gpt-4o", "mistral-large-latest" }, calls.Calls);
            Assert.Equal(new[] { "gpt-4o", "mistral-large-latest" }, models);
        }

        [Fact]
        public void No_public_type_shares_a_simple_name_with_a_public_MEAI_type()
        {
            var meai = typeof(FailoverChatClient).Assembly.GetExportedTypes()
                .Concat(typeof(IChatClient).Assembly.GetExportedTypes())
                .Select(t => t.Name)
                .ToHashSet(StringComparer.Ordinal);
            var ours = typeof(ModelRouteChatClient).Assembly.GetExportedTypes().Select(t => t.Name).ToList();

            Assert.Contains("FailoverChatClient", meai); // the names are really read
            Assert.Contains("ModelRouteChatClient", ours);
            Assert.DoesNotContain(ours, meai.Contains);
        }

        /// <summary>Records that a request passed through it, then passes it on.</summary>
        private sealed class Recording : DelegatingChatClient
        {
            private readonly string name;
            private readonly List<string> seen;

            public Recording(IChatClient inner, string name, List<string> seen)
                : base(inner)
            {
                this.name = name;
                this.seen = seen;
            }

            public override Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            {
                seen.Add(name);
                return base.GetResponseAsync(messages, options, cancellationToken);
            }

            public override IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
            {
                seen.Add(name);
                return base.GetStreamingResponseAsync(messages, options, cancellationToken);
            }
        }
    }
}
