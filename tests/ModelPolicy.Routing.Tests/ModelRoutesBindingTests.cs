using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    public class ModelRoutesBindingTests
    {
        internal const string IssueExample = """
            {
              "ModelRoutes": {
                "chat": {
                  "Model": "gpt-4o",
                  "Endpoint": "https://api.openai.com/v1",
                  "Provider": "openai",
                  "Fallbacks": [
                    "chat-eu",
                    { "Model": "mistral-large-latest", "Endpoint": "https://api.mistral.ai/v1", "Provider": "mistral" }
                  ]
                },
                "chat-eu": { "Model": "mistral-small-latest", "Provider": "mistral" }
              }
            }
            """;

        [Fact]
        public void Reads_the_mixed_fallbacks_list_as_route_names_and_inline_backends()
        {
            var options = new ModelRoutingOptions();
            ModelRoutesConfiguration.ReadRoutes(TestCatalog.Json(IssueExample).GetSection("ModelRoutes"), options);

            var chat = options.Routes["chat"];
            Assert.Equal("gpt-4o", chat.Model);
            Assert.Equal("https://api.openai.com/v1", chat.Endpoint);
            Assert.Equal("openai", chat.Provider);
            Assert.Equal(2, chat.Fallbacks.Count);
            Assert.Equal("chat-eu", chat.Fallbacks[0].Route);
            Assert.Null(chat.Fallbacks[0].Model);
            Assert.Null(chat.Fallbacks[1].Route);
            Assert.Equal("mistral-large-latest", chat.Fallbacks[1].Model);
            Assert.Equal("https://api.mistral.ai/v1", chat.Fallbacks[1].Endpoint);
            Assert.Equal("mistral", chat.Fallbacks[1].Provider);
        }

        [Fact]
        public void Expands_route_fallbacks_in_order()
        {
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json(IssueExample));

            var chat = routes.Get("chat");
            Assert.Equal(
                new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" },
                chat.Backends.Select(b => b.Model));
            Assert.Equal("chat", chat.Primary.RouteName);
            Assert.Equal("chat-eu", chat.Fallbacks[0].RouteName);
            Assert.Null(chat.Fallbacks[1].RouteName);
            Assert.Equal(new Uri("https://api.mistral.ai/v1"), chat.Fallbacks[1].Endpoint);
            Assert.Equal(new[] { "chat", "chat-eu" }, routes.Names);
        }

        [Fact]
        public void GetModel_and_GetEndpoint_return_the_primary_backend()
        {
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json(IssueExample));

            Assert.Equal("gpt-4o", routes.GetModel("chat"));
            Assert.Equal("gpt-4o", routes.GetModel("CHAT")); // configuration keys are case-insensitive
            Assert.Equal(new Uri("https://api.openai.com/v1"), routes.GetEndpoint("chat"));
            Assert.True(routes.TryGet("chat-eu", out var eu));
            Assert.Equal("mistral-small-latest", eu.Model);
            Assert.False(routes.TryGet("nope", out _));
        }

        [Fact]
        public void GetEndpoint_of_a_route_without_endpoint_says_which_key_to_set()
        {
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json(IssueExample));

            var error = Assert.Throws<InvalidOperationException>(() => routes.GetEndpoint("chat-eu"));
            Assert.Contains("'chat-eu'", error.Message);
            Assert.Contains("ModelRoutes:chat-eu:Endpoint", error.Message);
        }

        [Fact]
        public void A_missing_route_is_named_with_the_sorted_routes_that_exist()
        {
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json(IssueExample));

            var error = Assert.Throws<ModelRouteNotFoundException>(() => routes.GetModel("embeddings"));
            Assert.IsAssignableFrom<KeyNotFoundException>(error);
            Assert.Equal("embeddings", error.RouteName);
            Assert.Equal(new[] { "chat", "chat-eu" }, error.AvailableRoutes);
            Assert.Equal("No model route named 'embeddings' exists in configuration section 'ModelRoutes'. The routes are: chat, chat-eu.", error.Message);
        }

        [Fact]
        public void A_custom_section_name_is_read()
        {
            var configuration = TestCatalog.Json("""{ "Ai": { "Routes": { "summarize": { "Model": "gpt-4o-mini" } } } }""");

            var routes = ModelRoutes.FromConfiguration(configuration, "Ai:Routes");

            Assert.Equal("gpt-4o-mini", routes.GetModel("summarize"));
            var error = Assert.Throws<ModelRouteNotFoundException>(() => routes.Get("x"));
            Assert.Contains("'Ai:Routes'", error.Message);
        }

        [Fact]
        public void Fallbacks_may_be_a_comma_separated_string()
        {
            var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ModelRoutes:a:Model"] = "gpt-4o",
                ["ModelRoutes:a:Fallbacks"] = "b, c",
                ["ModelRoutes:b:Model"] = "mistral-small-latest",
                ["ModelRoutes:c:Model"] = "mistral-large-latest",
            }).Build();

            var routes = ModelRoutes.FromConfiguration(configuration);

            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" }, routes.Get("a").Backends.Select(b => b.Model));
        }

        [Fact]
        public void More_than_ten_fallbacks_keep_their_numeric_order()
        {
            var fallbacks = string.Join(", ", Enumerable.Range(0, 12).Select(i => "{ \"Model\": \"m-" + i + "\" }"));
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json("{ \"ModelRoutes\": { \"a\": { \"Model\": \"p\", \"Fallbacks\": [" + fallbacks + "] } } }"));

            Assert.Equal(Enumerable.Range(0, 12).Select(i => "m-" + i), routes.Get("a").Fallbacks.Select(b => b.Model));
        }

        [Fact]
        public void A_backend_reached_twice_is_tried_once()
        {
            var routes = ModelRoutes.FromConfiguration(TestCatalog.Json("""
                { "ModelRoutes": {
                    "a": { "Model": "gpt-4o", "Fallbacks": [ "b", "c" ] },
                    "b": { "Model": "mistral-small-latest", "Provider": "mistral", "Fallbacks": [ "c" ] },
                    "c": { "Model": "mistral-large-latest", "Provider": "mistral" } } }
                """));

            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "mistral-large-latest" }, routes.Get("a").Backends.Select(b => b.Model));
        }

        [Fact]
        public void Route_graph_errors_are_all_reported_with_their_keys()
        {
            var json = """
                { "ModelRoutes": {
                    "a": { "Model": "gpt-4o", "Fallbacks": [ "missing", "b" ] },
                    "b": { "Model": "mistral-small-latest", "Fallbacks": [ "a" ] },
                    "empty": { "Provider": "openai" },
                    "badurl": { "Model": "gpt-4o", "Endpoint": "api.openai.com/v1" },
                    "inline": { "Model": "gpt-4o", "Fallbacks": [ { "Provider": "mistral" } ] } } }
                """;

            var error = Assert.Throws<OptionsValidationException>(() => ModelRoutes.FromConfiguration(TestCatalog.Json(json)));

            Assert.Contains(error.Failures, f => f.StartsWith("ModelRoutes:a:Fallbacks:0 names model route 'missing', which does not exist", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.Contains("form a cycle: a -> b -> a", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.StartsWith("ModelRoutes:empty:Model is empty", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.StartsWith("ModelRoutes:badurl:Endpoint = 'api.openai.com/v1' is not an absolute http or https URI", StringComparison.Ordinal));
            Assert.Contains(error.Failures, f => f.StartsWith("ModelRoutes:inline:Fallbacks:0:Model is empty", StringComparison.Ordinal));
            Assert.Equal(5, error.Failures.Count());
        }

        [Fact]
        public void A_route_falling_back_to_itself_is_a_cycle()
        {
            var error = Assert.Throws<OptionsValidationException>(() =>
                ModelRoutes.FromConfiguration(TestCatalog.Json("""{ "ModelRoutes": { "a": { "Model": "gpt-4o", "Fallbacks": [ "a" ] } } }""")));

            Assert.Contains("form a cycle: a -> a", Assert.Single(error.Failures), StringComparison.Ordinal);
        }
    }
}
