using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    public class ModelRouteChatClientTests
    {
        private const string ThreeBackends = """
            { "ModelRoutes": {
                "chat": { "Model": "gpt-4o", "Provider": "openai", "Fallbacks": [ "chat-eu", { "Model": "mistral-large-latest", "Provider": "mistral" } ] },
                "chat-eu": { "Model": "mistral-small-latest", "Provider": "mistral" } } }
            """;

        private static readonly ChatMessage[] Hello = { new ChatMessage(ChatRole.User, "hello") };

        private readonly CallLog calls = new CallLog();
        private readonly FakeLogger logger = new FakeLogger();

        [Fact]
        public async Task Fails_over_in_order_until_a_backend_answers_and_logs_each_failover()
        {
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = _ => new HttpRequestException("connection refused"),
                ["mistral-small-latest"] = _ => new HttpRequestException("busy", null, HttpStatusCode.ServiceUnavailable),
            });

            var response = await client.GetResponseAsync(Hello);

            Assert.Equal("from mistral-large-latest", response.Text);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" }, calls.Calls);

            var events = logger.Entries.Where(e => e.EventId == RoutingLog.Failover).ToList();
            Assert.Equal(2, events.Count);
            Assert.All(events, e => Assert.Equal(LogLevel.Warning, e.Level));
            Assert.Equal(4001, events[0].EventId.Id);
            Assert.Equal("chat", events[0]["Route"]);
            Assert.Equal("gpt-4o", events[0]["FromModel"]);
            Assert.Equal("openai", events[0]["FromProvider"]);
            Assert.Equal("System.Net.Http.HttpRequestException", events[0]["ExceptionType"]);
            Assert.Equal("mistral-small-latest", events[0]["ToModel"]);
            Assert.Equal("mistral", events[0]["ToProvider"]);
            Assert.IsType<HttpRequestException>(events[0].Exception);
            Assert.Equal("mistral-small-latest", events[1]["FromModel"]);
            Assert.Equal("mistral-large-latest", events[1]["ToModel"]);
            Assert.Equal("OpenAI", events[0]["FromVendor"]);
            Assert.Equal("US", events[0]["FromCountry"]);
            Assert.Equal("Mistral", events[0]["ToVendor"]);
            Assert.Equal("FR", events[0]["ToCountry"]);
            Assert.Equal(
                "Model route 'chat': gpt-4o (OpenAI, US; provider openai) failed with System.Net.Http.HttpRequestException; failing over to mistral-small-latest (Mistral, FR; provider mistral)",
                events[0].Message);
        }

        [Fact]
        public async Task Each_attempt_asks_for_its_own_backends_model()
        {
            var clients = new Dictionary<string, FakeChatClient>();
            var route = TestCatalog.Routes(ThreeBackends).Get("chat");
            using var client = new ModelRouteChatClient(route, b => clients[b.Model] = new FakeChatClient(b, calls, b.Model == "gpt-4o" ? _ => new TimeoutException() : null));

            await client.GetResponseAsync(Hello, new ChatOptions { ModelId = "caller-choice", Temperature = 0.5f });

            Assert.Equal("gpt-4o", clients["gpt-4o"].LastModelId);
            Assert.Equal("mistral-small-latest", clients["mistral-small-latest"].LastModelId);
            Assert.False(clients.ContainsKey("mistral-large-latest")); // built only when needed
        }

        [Fact]
        public async Task When_every_backend_fails_the_error_lists_each_backend_and_its_error()
        {
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = _ => new HttpRequestException("refused"),
                ["mistral-small-latest"] = _ => new System.ClientModel.ClientResultException(429),
                ["mistral-large-latest"] = _ => new TimeoutException("slow"),
            });

            var error = await Assert.ThrowsAsync<ModelRouteFailoverException>(() => client.GetResponseAsync(Hello));

            Assert.IsAssignableFrom<AggregateException>(error);
            Assert.Equal("chat", error.RouteName);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" }, error.Attempts.Select(a => a.Backend.Model));
            Assert.Equal(new[] { typeof(HttpRequestException), typeof(System.ClientModel.ClientResultException), typeof(TimeoutException) }, error.InnerExceptions.Select(e => e.GetType()));
            Assert.StartsWith("All 3 backends of model route 'chat' failed: 1. gpt-4o (openai): HttpRequestException: refused; ", error.Message, StringComparison.Ordinal);
            Assert.Contains("2. mistral-small-latest (mistral): ClientResultException: Service request failed. Status: 429", error.Message, StringComparison.Ordinal);
            var exhausted = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Exhausted);
            Assert.Equal(LogLevel.Error, exhausted.Level);
        }

        [Fact]
        public async Task A_cancelled_caller_token_is_never_failed_over()
        {
            using var cts = new CancellationTokenSource();
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = token =>
                {
                    cts.Cancel();
                    return new TaskCanceledException("cancelled", null, token);
                },
            });

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Hello, cancellationToken: cts.Token));

            Assert.Equal(new[] { "gpt-4o" }, calls.Calls);
            Assert.Empty(logger.Entries);
        }

        [Fact]
        public async Task A_transient_error_after_the_caller_cancelled_is_not_failed_over_either()
        {
            using var cts = new CancellationTokenSource();
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = _ =>
                {
                    cts.Cancel();
                    return new HttpRequestException("reset");
                },
            });

            // Microsoft.Extensions.AI's FailoverChatClient ends a cancelled request with OperationCanceledException.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetResponseAsync(Hello, cancellationToken: cts.Token));
            Assert.Equal(new[] { "gpt-4o" }, calls.Calls);
            Assert.Empty(logger.Entries);
        }

        [Fact]
        public async Task A_timeout_not_caused_by_the_caller_fails_over()
        {
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = _ => new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()),
            });

            var response = await client.GetResponseAsync(Hello, cancellationToken: CancellationToken.None);

            Assert.Equal("from mistral-small-latest", response.Text);
        }

        public static TheoryData<Exception> NonTransientErrors() => new TheoryData<Exception>
        {
            new HttpRequestException("bad request", null, HttpStatusCode.BadRequest),
            new HttpRequestException("unauthorized", null, HttpStatusCode.Unauthorized),
            new HttpRequestException("forbidden", null, HttpStatusCode.Forbidden),
            new HttpRequestException("not found", null, HttpStatusCode.NotFound),
            new System.ClientModel.ClientResultException(401),
            new ArgumentException("bad argument"),
            new InvalidOperationException("bug"),
        };

        [Theory]
        [MemberData(nameof(NonTransientErrors))]
        public async Task A_non_transient_error_is_rethrown_without_failover(Exception failure)
        {
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>> { ["gpt-4o"] = _ => failure });

            var thrown = await Assert.ThrowsAnyAsync<Exception>(() => client.GetResponseAsync(Hello));

            Assert.Same(failure, thrown);
            Assert.Equal(new[] { "gpt-4o" }, calls.Calls);
            Assert.Empty(logger.Entries);
        }

        [Fact]
        public async Task A_stream_fails_over_when_it_fails_before_its_first_update()
        {
            var client = Client(new Dictionary<string, Func<CancellationToken, Exception?>>
            {
                ["gpt-4o"] = _ => new HttpRequestException("overloaded", null, HttpStatusCode.TooManyRequests),
            });

            var updates = new List<string>();
            await foreach (var update in client.GetStreamingResponseAsync(Hello))
            {
                updates.Add(update.Text);
            }

            Assert.Equal(new[] { "mistral-small-latest part 0", "mistral-small-latest part 1", "mistral-small-latest part 2" }, updates);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest" }, calls.Calls);
            Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
        }

        [Fact]
        public async Task A_stream_that_failed_after_its_first_update_is_not_failed_over()
        {
            var route = TestCatalog.Routes(ThreeBackends).Get("chat");
            using var client = new ModelRouteChatClient(
                route,
                b => new FakeChatClient(b, calls, _ => new HttpRequestException("reset"), streamUpdatesBeforeFailure: 2, streamFailsAfterUpdates: true),
                logger);

            var updates = new List<string>();
            await Assert.ThrowsAsync<HttpRequestException>(async () =>
            {
                await foreach (var update in client.GetStreamingResponseAsync(Hello))
                {
                    updates.Add(update.Text);
                }
            });

            Assert.Equal(new[] { "gpt-4o part 0", "gpt-4o part 1" }, updates);
            Assert.Equal(new[] { "gpt-4o" }, calls.Calls);
            Assert.DoesNotContain(logger.Entries, e => e.EventId == RoutingLog.Failover);
            var streamFailed = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.StreamFailedAfterFirstUpdate);
            Assert.Equal("gpt-4o", streamFailed["Model"]);
        }

        [Fact]
        public async Task A_stream_whose_backends_all_fail_before_any_update_throws_the_failover_error()
        {
            var route = TestCatalog.Routes(ThreeBackends).Get("chat");
            using var client = new ModelRouteChatClient(route, b => new FakeChatClient(b, calls, _ => new HttpRequestException("down")), logger);

            var error = await Assert.ThrowsAsync<ModelRouteFailoverException>(async () =>
            {
                await foreach (var update in client.GetStreamingResponseAsync(Hello))
                {
                }
            });

            Assert.Equal(3, error.Attempts.Count);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" }, calls.Calls);
        }

        [Fact]
        public void Disposing_disposes_the_backend_clients_it_built()
        {
            var built = new List<FakeChatClient>();
            var route = TestCatalog.Routes(ThreeBackends).Get("chat");
            var client = new ModelRouteChatClient(route, b =>
            {
                var fake = new FakeChatClient(b, calls);
                built.Add(fake);
                return fake;
            });

            var inner = client.GetService(typeof(FakeChatClient)); // asks the primary's client, building it
            Assert.Same(built.Single(), inner);
            Assert.Same(client, client.GetService(typeof(IChatClient)));
            var metadata = Assert.IsType<ChatClientMetadata>(client.GetService(typeof(ChatClientMetadata)));
            Assert.Equal("gpt-4o", metadata.DefaultModelId);
            Assert.Equal("openai", metadata.ProviderName);
            client.Dispose();

            Assert.True(built.Single().Disposed);
        }

        private ModelRouteChatClient Client(Dictionary<string, Func<CancellationToken, Exception?>> failures)
        {
            var route = TestCatalog.Routes(ThreeBackends).Get("chat");
            return new ModelRouteChatClient(
                route,
                b => new FakeChatClient(b, calls, failures.TryGetValue(b.Model, out var failure) ? failure : null),
                logger);
        }
    }
}
