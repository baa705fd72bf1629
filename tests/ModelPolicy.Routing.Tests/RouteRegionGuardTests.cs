using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    /// <summary>
    /// The runtime guard applies the region keys and the country groups through ModelPolicy.Core, with the
    /// built-in catalog (the guard's default): nothing in ModelPolicy.Routing knows of regions.
    /// </summary>
    public class RouteRegionGuardTests
    {
        private static IModelRoutes Resolve(string json)
        {
            var services = new ServiceCollection();
            services.AddModelRoutes(TestCatalog.Json(json));
            using var provider = services.BuildServiceProvider();
            return provider.GetRequiredService<IModelRoutes>();
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void A_route_to_a_host_outside_the_allowed_regions_stops_at_start()
        {
            var error = Assert.Throws<OptionsValidationException>(() => Resolve("""
                { "ModelPolicy": { "DeniedEndpointOrigins": "none", "AllowedEndpointRegions": "EU" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o", "Endpoint": "https://bedrock-runtime.us-east-1.amazonaws.com/openai/v1" } } }
                """));

            var failure = Assert.Single(error.Failures);
            Assert.Contains("sends requests to host 'bedrock-runtime.us-east-1.amazonaws.com'", failure, System.StringComparison.Ordinal);
            Assert.EndsWith("region US is not in model_policy.allowed_endpoint_regions [rule ModelPolicy:AllowedEndpointRegions].", failure, System.StringComparison.Ordinal);
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void A_host_of_unknown_region_stops_at_start_under_unknown_endpoint_regions_deny()
        {
            var error = Assert.Throws<OptionsValidationException>(() => Resolve("""
                { "ModelPolicy": { "UnknownEndpointRegions": "deny" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o", "Endpoint": "https://api.openai.com/v1" } } }
                """));

            Assert.EndsWith(
                "its processing region is unknown and model_policy.unknown_endpoint_regions is deny [rule ModelPolicy:UnknownEndpointRegions].",
                Assert.Single(error.Failures),
                System.StringComparison.Ordinal);
        }

        [Fact]
        [Trait("Rule", "MP0003")]
        public void Routes_in_the_allowed_regions_start_and_groups_deny_models()
        {
            var routes = Resolve("""
                { "ModelPolicy": { "DeniedOrigins": "foreign-adversaries", "DeniedEndpointOrigins": "none", "AllowedEndpointRegions": "EU" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o", "Endpoint": "https://bedrock-runtime.eu-central-1.amazonaws.com/openai/v1" } } }
                """);
            Assert.Equal("gpt-4o", routes.GetModel("chat"));

            var error = Assert.Throws<OptionsValidationException>(() => Resolve("""
                { "ModelPolicy": { "DeniedOrigins": "foreign-adversaries" },
                  "ModelRoutes": { "chat": { "Model": "qwen-max" } } }
                """));
            Assert.Contains("origin CN is denied by model_policy.denied_origins [rule ModelPolicy:DeniedOrigins]", Assert.Single(error.Failures), System.StringComparison.Ordinal);
        }

        [Fact]
        [Trait("Rule", "MP0008")]
        public void A_bad_region_value_names_its_configuration_key()
        {
            var error = Assert.Throws<OptionsValidationException>(() => Resolve("""
                { "ModelPolicy": { "AllowedEndpointRegions": "EU, Europe" },
                  "ModelRoutes": { "chat": { "Model": "gpt-4o" } } }
                """));

            Assert.Contains(error.Failures, f => f.StartsWith("Model policy ModelPolicy:AllowedEndpointRegions = 'Europe': 'Europe' is not an ISO 3166-1 alpha-2 country code or a country group", System.StringComparison.Ordinal));
        }
    }
}
