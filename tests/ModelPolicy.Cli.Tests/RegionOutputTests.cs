using System.Linq;
using System.Text.Json;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>The three axes in each output: the model's origin, the endpoint operator's country and the endpoint's region.</summary>
    [Collection(InventoryCollection.Name)]
    public sealed class RegionOutputTests
    {
        private readonly InventoryFixture fixture;

        public RegionOutputTests(InventoryFixture fixture) => this.fixture = fixture;

        [Fact]
        public void CycloneDx_services_and_models_carry_jurisdiction_and_region()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var services = bom.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            var models = bom.RootElement.GetProperty("components").EnumerateArray()
                .Where(c => c.GetProperty("type").GetString() == "machine-learning-model")
                .ToDictionary(c => c.GetProperty("name").GetString()!);

            Assert.Equal(("CN", "CN"), (Property(services["api.deepseek.com"], "endpointJurisdiction"), Property(services["api.deepseek.com"], "endpointRegion")));
            Assert.Equal(("CN", "unknown"), (Property(services["api.moonshot.cn"], "endpointJurisdiction"), Property(services["api.moonshot.cn"], "endpointRegion")));
            Assert.Equal("CN", services["api.deepseek.com"].GetProperty("provider").GetProperty("address").GetProperty("country").GetString());

            // qwen-max is used in the file that also names api.anthropic.com (no region recorded for it)
            var qwen = models["qwen-max"];
            Assert.Equal(("CN", "US", "unknown"), (Property(qwen, "modelOrigin"), Property(qwen, "endpointJurisdiction"), Property(qwen, "endpointRegion")));
            Assert.Equal("CN", qwen.GetProperty("supplier").GetProperty("address").GetProperty("country").GetString());
        }

        [Fact]
        public void Sarif_endpoint_results_carry_the_region()
        {
            using var sarif = JsonDocument.Parse(fixture.Render(OutputFormat.Sarif));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var deepseek = results.Where(r => r.GetProperty("properties").TryGetProperty("Value", out var v) && v.GetString() == "api.deepseek.com").ToList();

            Assert.NotEmpty(deepseek);
            Assert.All(deepseek, r => Assert.Equal("CN", r.GetProperty("properties").GetProperty("Region").GetString()));
            Assert.All(
                results.Where(r => r.GetProperty("properties").TryGetProperty("Kind", out var k) && k.GetString() == "model"),
                r => Assert.False(r.GetProperty("properties").TryGetProperty("Region", out _)));
        }

        private static string? Property(JsonElement element, string name) =>
            element.GetProperty("properties").EnumerateArray()
                .Where(p => p.GetProperty("name").GetString() == "modelpolicy:" + name)
                .Select(p => p.GetProperty("value").GetString())
                .FirstOrDefault();
    }
}
