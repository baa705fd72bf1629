using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    public class RoutePolicyGuardTests
    {
        private const string DeniedPrimary = """
            { "ModelPolicy": { "DeniedOrigins": [ "CN" ] },
              "ModelRoutes": {
                "chat": { "Model": "deepseek-chat", "Endpoint": "https://api.deepseek.com", "Provider": "deepseek" },
                "chat-eu": { "Model": "mistral-small-latest", "Provider": "mistral" } } }
            """;

        private const string DeniedFallback = """
            { "ModelPolicy": { "DeniedOrigins": "CN, RU" },
              "ModelRoutes": {
                "chat": { "Model": "gpt-4o", "Provider": "openai",
                          "Fallbacks": [ { "Model": "deepseek-chat", "Provider": "deepseek" }, { "Model": "mistral-small-latest", "Provider": "mistral" } ] } } }
            """;

        private const string DeniedPrimaryMessage =
            "Model route 'chat' resolves to model 'deepseek-chat' (vendor DeepSeek, origin CN), which the model policy denies: "
            + "origin CN is denied by model_policy.denied_origins [rule ModelPolicy:DeniedOrigins].";

        [Fact]
        public async Task A_denied_route_stops_the_host_at_start()
        {
            using var host = Host(DeniedPrimary);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Equal(DeniedPrimaryMessage, Assert.Single(error.Failures));
        }

        [Fact]
        public async Task A_denied_fallback_stops_the_host_at_start()
        {
            using var host = Host(DeniedFallback);

            var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

            Assert.Equal(
                "Fallback 1 of model route 'chat' (ModelRoutes:chat:Fallbacks:0) resolves to model 'deepseek-chat' (vendor DeepSeek, origin CN), "
                + "which the model policy denies: origin CN is denied by model_policy.denied_origins [rule ModelPolicy:DeniedOrigins].",
                Assert.Single(error.Failures));
        }

        [Fact]
        public void A_denied_route_fails_options_validation_when_resolved_without_a_host()
        {
            using var provider = Services(DeniedPrimary).BuildServiceProvider();

            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IModelRoutes>());

            Assert.Contains(DeniedPrimaryMessage, error.Failures);
        }

        [Fact]
        public void A_denied_endpoint_names_its_host_and_operator()
        {
            var error = Assert.Throws<OptionsValidationException>(() => TestCatalog.Routes("""
                { "ModelPolicy": { "DeniedOrigins": "CN" },
                  "ModelRoutes": { "chat": { "Model": "mistral-small-latest", "Endpoint": "https://api.deepseek.com/v1" } } }
                """));

            Assert.Equal(
                "Model route 'chat' (model 'mistral-small-latest') sends requests to host 'api.deepseek.com' (operator DeepSeek, origin CN), "
                + "which the model policy denies: origin CN is denied by model_policy.denied_origins [rule ModelPolicy:DeniedOrigins].",
                Assert.Single(error.Failures));
        }

        [Fact]
        public void Other_rules_are_named_too()
        {
            var error = Assert.Throws<OptionsValidationException>(() => TestCatalog.Routes("""
                { "ModelPolicy": { "AllowedVendors": "OpenAI, Mistral", "UnknownModels": "deny" },
                  "ModelRoutes": {
                    "a": { "Model": "deepseek-chat" },
                    "b": { "Model": "my-own-model" },
                    "c": { "Model": "gpt-4o" } } }
                """));

            Assert.Equal(2, error.Failures.Count());
            Assert.Contains(error.Failures, f => f.Contains("'deepseek-chat' (vendor DeepSeek, origin CN)", StringComparison.Ordinal)
                && f.Contains("vendor DeepSeek is not in model_policy.allowed_vendors [rule ModelPolicy:AllowedVendors]", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.Contains("'my-own-model' (origin unknown: not in the catalog)", StringComparison.Ordinal)
                && f.Contains("[rule ModelPolicy:UnknownModels]", StringComparison.Ordinal));
        }

        [Fact]
        public void A_bad_policy_value_is_a_start_up_error_naming_the_key()
        {
            using var provider = Services("""
                { "ModelPolicy": { "DeniedOrigins": "CN, XX", "RequireOpenWeights": "maybe", "DeniedCountries": "CN" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o" } } }
                """).BuildServiceProvider();

            // Start-up validation (what the host's StartAsync runs); the options themselves are not validated, so that
            // a reload can be refused without throwing inside the configuration's change callback.
            var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

            Assert.Contains("Model policy ModelPolicy:DeniedOrigins = 'XX': 'XX' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations).", error.Failures);
            Assert.Contains("Model policy ModelPolicy:RequireOpenWeights = 'maybe': expected true or false.", error.Failures);
            Assert.Contains(error.Failures, f => f.StartsWith("Model policy ModelPolicy:DeniedCountries = 'CN': unknown key; the keys are DeniedOrigins, AllowedOrigins,", StringComparison.Ordinal));
        }

        [Fact]
        public void An_allowed_route_passes_and_an_empty_policy_allows_everything()
        {
            var routes = TestCatalog.Routes("""
                { "ModelPolicy": { "DeniedOrigins": "CN", "RequireOpenWeights": true, "AllowedModels": "gpt-4o*, mistral-*" },
                  "ModelRoutes": { "chat": { "Model": "mistral-small-latest", "Endpoint": "https://api.mistral.ai/v1", "Fallbacks": [ { "Model": "gpt-4o" } ] } } }
                """);
            Assert.Equal("mistral-small-latest", routes.GetModel("chat"));

            var open = ModelRoutes.FromConfiguration(TestCatalog.Json(DeniedPrimary.Replace("\"ModelPolicy\"", "\"NotThePolicy\"", StringComparison.Ordinal)));
            Assert.Equal("deepseek-chat", open.GetModel("chat"));
        }

        [Fact]
        public void The_built_in_catalog_is_used_when_none_is_given()
        {
            var error = Assert.Throws<OptionsValidationException>(() => ModelRoutes.FromConfiguration(TestCatalog.Json(DeniedPrimary)));

            Assert.Contains(error.Failures, f => f.StartsWith("Model route 'chat' resolves to model 'deepseek-chat' (vendor DeepSeek, origin CN)", StringComparison.Ordinal));
        }

        [Fact]
        public void With_start_up_enforcement_off_a_denied_route_is_refused_when_resolved()
        {
            var routes = TestCatalog.Routes(DeniedPrimary, o => o.EnforcePolicyAtStartup = false);

            var model = Assert.Throws<ModelRouteDeniedException>(() => routes.GetModel("chat"));
            Assert.Equal(DeniedPrimaryMessage, model.Message);
            Assert.Equal("chat", model.RouteName);
            Assert.Equal("deepseek-chat", model.Backend.Model);
            Assert.Throws<ModelRouteDeniedException>(() => routes.GetEndpoint("chat"));
            Assert.Throws<ModelRouteDeniedException>(() => new ModelRouteChatClient(routes.Get("chat"), b => throw new InvalidOperationException("never built")));
            Assert.True(routes.Get("chat").Primary.IsDenied);
            Assert.Equal("mistral-small-latest", routes.GetModel("chat-eu"));
        }

        [Fact]
        public void With_start_up_enforcement_off_the_host_starts_and_the_factory_refuses_the_denied_route()
        {
            var services = Services(DeniedPrimary);
            services.Configure<ModelRoutingOptions>(o => o.EnforcePolicyAtStartup = false);
            using var provider = services.BuildServiceProvider();
            provider.GetRequiredService<IStartupValidator>().Validate();

            var error = Assert.Throws<ModelRouteDeniedException>(() => provider.GetRequiredService<IRoutedChatClientFactory>().Create("chat"));

            Assert.Equal(DeniedPrimaryMessage, error.Message);
        }

        [Fact]
        public async Task The_failover_client_skips_a_denied_fallback()
        {
            var calls = new CallLog();
            var logger = new FakeLogger();
            var routes = TestCatalog.Routes(DeniedFallback, o => o.EnforcePolicyAtStartup = false);
            var built = new List<string>();
            using var client = routes.CreateChatClient(
                "chat",
                b =>
                {
                    built.Add(b.Model);
                    return new FakeChatClient(b, calls, b.Model == "gpt-4o" ? _ => new HttpRequestException("down") : null);
                },
                logger);

            var response = await client.GetResponseAsync(new[] { new ChatMessage(ChatRole.User, "hi") });

            Assert.Equal("from mistral-small-latest", response.Text);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest" }, calls.Calls);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest" }, built); // the denied backend's client is never even built
            var failover = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Failover);
            Assert.Equal("mistral-small-latest", failover["ToModel"]);
            var skipped = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.DeniedBackendSkipped);
            Assert.Equal("deepseek-chat", skipped["Model"]);
            Assert.Equal("CN", skipped["Country"]);
        }

        [Fact]
        public async Task A_denied_fallback_is_never_reached_even_when_every_allowed_backend_fails()
        {
            var calls = new CallLog();
            var routes = TestCatalog.Routes(DeniedFallback, o => o.EnforcePolicyAtStartup = false);
            using var client = routes.CreateChatClient("chat", b => new FakeChatClient(b, calls, _ => new HttpRequestException("down")));

            var error = await Assert.ThrowsAsync<ModelRouteFailoverException>(async () =>
            {
                await foreach (var update in client.GetStreamingResponseAsync(new[] { new ChatMessage(ChatRole.User, "hi") }))
                {
                }
            });

            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest" }, calls.Calls);
            Assert.Equal(new[] { "gpt-4o", "deepseek-chat", "mistral-small-latest" }, error.Attempts.Select(a => a.Backend.Model));
            Assert.IsType<ModelRouteDeniedException>(error.Attempts[1].Error);
        }

        private static IServiceCollection Services(string json)
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json(json));
            services.Configure<ModelRoutingOptions>(o => o.Catalog = TestCatalog.Instance);
            return services;
        }

        private static IHost Host(string json)
        {
            var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
            builder.Configuration.AddConfiguration(TestCatalog.Json(json));
            builder.Services.AddModelRoutes(builder.Configuration);
            builder.Services.Configure<ModelRoutingOptions>(o => o.Catalog = TestCatalog.Instance);
            return builder.Build();
        }
    }
}
