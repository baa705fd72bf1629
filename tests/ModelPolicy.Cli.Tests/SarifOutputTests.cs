using System.Linq;
using System.Text.Json;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    [Collection(InventoryCollection.Name)]
    public sealed class SarifOutputTests
    {
        private readonly InventoryFixture fixture;

        public SarifOutputTests(InventoryFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Log_has_the_rules_and_a_result_per_finding_and_inventory_entry()
        {
            using var sarif = JsonDocument.Parse(fixture.Render(OutputFormat.Sarif));
            Assert.Equal("2.1.0", sarif.RootElement.GetProperty("version").GetString());
            var run = sarif.RootElement.GetProperty("runs")[0];
            var rules = run.GetProperty("tool").GetProperty("driver").GetProperty("rules").EnumerateArray().Select(r => r.GetProperty("id").GetString()).ToList();
            Assert.Equal(new[] { "MP0001", "MP0002", "MP0003", "MP0004", "MP0005", "MP0006", "MP0007", "MP0008", "MP0009", "MP0010", "MP0011", "MP0012", "MP0013" }, rules);

            var results = run.GetProperty("results").EnumerateArray().ToList();
            Assert.Equal(10, results.Count(r => r.GetProperty("ruleId").GetString() == "MP0010" && Prop(r, "Kind") != "suppression"));
            Assert.Single(results, r => Prop(r, "Kind") == "suppression" && Prop(r, "Justification") == "Approved by the risk committee, RISK-142");
            Assert.All(results, r => Assert.Equal(rules[r.GetProperty("ruleIndex").GetInt32()], r.GetProperty("ruleId").GetString()));
        }

        [Fact]
        public void Levels_follow_the_policy_in_force_in_each_file()
        {
            using var sarif = JsonDocument.Parse(fixture.Render(OutputFormat.Sarif));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();

            // App/Payments is regulated by its .editorconfig section; Regulated/ by <ModelPolicyProfile> in its project file,
            // which the tool reads itself because that project does not make the property compiler-visible.
            Assert.Equal("error", Level(results, "MP0002", "qwen-max"));
            Assert.Equal("error", Level(results, "MP0004", "api.moonshot.cn"));
            Assert.Equal("warning", Level(results, "MP0004", "api.deepseek.com"));
            Assert.Equal("none", Level(results, "MP0010", "gpt-4o-mini"));
        }

        [Fact]
        public void Inventory_entries_carry_the_analyzer_properties_and_the_file()
        {
            using var sarif = JsonDocument.Parse(fixture.Render(OutputFormat.Sarif));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var qwen = results.Single(r => r.GetProperty("ruleId").GetString() == "MP0010" && Prop(r, "Value") == "qwen-max");

            Assert.Equal("Alibaba", Prop(qwen, "Vendor"));
            Assert.Equal("CN", Prop(qwen, "Country"));
            Assert.Equal("false", Prop(qwen, "OpenWeights"));
            Assert.Equal("denied", Prop(qwen, "Status"));
            Assert.Equal("MP0002", Prop(qwen, "Diagnostic"));
            Assert.Equal("App", Prop(qwen, "project"));
            var location = qwen.GetProperty("locations")[0].GetProperty("physicalLocation");
            Assert.EndsWith("/App/Payments/Refunds.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), System.StringComparison.Ordinal);
            Assert.StartsWith("file:///", location.GetProperty("artifactLocation").GetProperty("uri").GetString(), System.StringComparison.Ordinal);
            Assert.Equal(SampleSolution.LineOf(SampleSolution.Refunds, "qwen-max"), location.GetProperty("region").GetProperty("startLine").GetInt32());
        }

        [Fact]
        public void A_finding_suppressed_in_source_is_marked_so()
        {
            using var sarif = JsonDocument.Parse(fixture.Render(OutputFormat.Sarif));
            var results = sarif.RootElement.GetProperty("runs")[0].GetProperty("results").EnumerateArray().ToList();
            var deepseek = results.Single(r => r.GetProperty("ruleId").GetString() == "MP0002" && Prop(r, "Value") == "deepseek-chat");
            var qwen = results.Single(r => r.GetProperty("ruleId").GetString() == "MP0002" && Prop(r, "Value") == "qwen-max");

            Assert.Equal("inSource", deepseek.GetProperty("suppressions")[0].GetProperty("kind").GetString());
            Assert.False(qwen.TryGetProperty("suppressions", out _));
        }

        private static string? Level(System.Collections.Generic.List<JsonElement> results, string id, string value) =>
            results.Single(r => r.GetProperty("ruleId").GetString() == id && Prop(r, "Value") == value).GetProperty("level").GetString();

        private static string? Prop(JsonElement result, string name) =>
            result.GetProperty("properties").TryGetProperty(name, out var value) ? value.GetString() : null;
    }
}
