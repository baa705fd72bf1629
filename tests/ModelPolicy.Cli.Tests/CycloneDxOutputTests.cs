using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    [Collection(InventoryCollection.Name)]
    public sealed class CycloneDxOutputTests
    {
        private readonly InventoryFixture fixture;

        public CycloneDxOutputTests(InventoryFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Bom_is_valid_against_the_official_CycloneDX_1_6_schema()
        {
            var json = fixture.Render(OutputFormat.CycloneDx);

            Assert.Equal(string.Empty, CycloneDxSchema.Validate(json));
        }

        [Fact]
        public void Schema_check_rejects_an_invalid_bom()
        {
            // The schema is really applied: a model whose supplier address is a string is refused.
            var json = fixture.Render(OutputFormat.CycloneDx).Replace("\"address\": {", "\"address\": \"CN\", \"x\": {");

            Assert.NotEqual(string.Empty, CycloneDxSchema.Validate(json));
        }

        [Fact]
        public void Header_names_the_format_the_tool_and_the_inventoried_tree()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var root = bom.RootElement;

            Assert.Equal("CycloneDX", root.GetProperty("bomFormat").GetString());
            Assert.Equal("1.6", root.GetProperty("specVersion").GetString());
            Assert.Matches(new Regex("^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"), root.GetProperty("serialNumber").GetString());
            Assert.Equal(1, root.GetProperty("version").GetInt32());
            var metadata = root.GetProperty("metadata");
            Assert.Equal("modelpolicy", metadata.GetProperty("tools").GetProperty("components")[0].GetProperty("name").GetString());
            Assert.Equal(System.IO.Path.GetFileName(fixture.Root), metadata.GetProperty("component").GetProperty("name").GetString());
        }

        [Fact]
        public void Every_model_is_a_machine_learning_model_with_its_maker_and_country()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var models = bom.RootElement.GetProperty("components").EnumerateArray()
                .Where(c => c.GetProperty("type").GetString() == "machine-learning-model")
                .ToDictionary(c => c.GetProperty("name").GetString()!);

            Assert.Equal(
                new[] { "claude-3-5-sonnet-latest", "deepseek-chat", "gpt-4o-mini", "llama3.2:3b", "mistral-large-latest", "qwen-max", "team-chat" },
                models.Keys.OrderBy(k => k, System.StringComparer.Ordinal));

            AssertModel(models["qwen-max"], "Alibaba", "CN", openWeights: "false", status: "denied");
            AssertModel(models["deepseek-chat"], "DeepSeek", "CN", openWeights: "true", status: "suppressed");
            AssertModel(models["mistral-large-latest"], "Mistral AI", "FR", openWeights: "true", status: "allowed");
            AssertModel(models["llama3.2:3b"], "Meta", "US", openWeights: "true", status: "allowed");
            AssertModel(models["team-chat"], "OpenAI", "US", openWeights: "false", status: "allowed");
            Assert.Equal("gpt-4o", Property(models["team-chat"], "aliasOf"));
            Assert.Equal("text-generation", models["gpt-4o-mini"].GetProperty("modelCard").GetProperty("modelParameters").GetProperty("task").GetString());
            Assert.Equal("origin CN is not in model_policy.allowed_origins", Property(models["qwen-max"], "reason"));
            Assert.Equal("MP0002: Approved by the risk committee, RISK-142", Property(models["deepseek-chat"], "suppression"));
        }

        [Fact]
        public void Occurrences_give_the_file_relative_to_the_root_and_the_line()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var components = bom.RootElement.GetProperty("components").EnumerateArray().ToList();

            var gpt = Occurrences(components, "gpt-4o-mini");
            Assert.Equal(new[] { ("App/Chat.cs", SampleSolution.LineOf(SampleSolution.Chat, "gpt-4o-mini")) }, gpt);
            var json = Occurrences(components, "mistral-large-latest");
            Assert.Equal(new[] { ("App/Chat.cs", SampleSolution.LineOf(SampleSolution.Chat, "mistral-large-latest")) }, json);
            var qwen = Occurrences(components, "qwen-max");
            Assert.Equal(new[] { ("App/Payments/Refunds.cs", SampleSolution.LineOf(SampleSolution.Refunds, "qwen-max")) }, qwen);
            var llama = Occurrences(components, "llama3.2:3b");
            Assert.Equal(new[] { ("Regulated/Ranking.cs", SampleSolution.LineOf(SampleSolution.Ranking, "llama3.2:3b")) }, llama);
        }

        [Fact]
        public void Endpoints_are_services_with_the_operator_and_its_country()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var services = bom.RootElement.GetProperty("services").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);

            Assert.Equal(new[] { "api.anthropic.com", "api.deepseek.com", "api.moonshot.cn" }, services.Keys.OrderBy(k => k, System.StringComparer.Ordinal));
            var deepseek = services["api.deepseek.com"];
            Assert.Equal("https://api.deepseek.com", deepseek.GetProperty("endpoints")[0].GetString());
            Assert.Equal("DeepSeek", deepseek.GetProperty("provider").GetProperty("name").GetString());
            Assert.Equal("CN", deepseek.GetProperty("provider").GetProperty("address").GetProperty("country").GetString());
            Assert.Equal("denied", Property(deepseek, "status"));
            Assert.Equal("App/Chat.cs:" + SampleSolution.LineOf(SampleSolution.Chat, "api.deepseek.com"), Property(deepseek, "occurrence"));
            Assert.Equal("US", services["api.anthropic.com"].GetProperty("provider").GetProperty("address").GetProperty("country").GetString());
            Assert.Equal("allowed", Property(services["api.anthropic.com"], "status"));
        }

        [Fact]
        public void Dependencies_go_from_the_root_to_the_projects_and_from_each_project_to_what_it_uses()
        {
            using var bom = JsonDocument.Parse(fixture.Render(OutputFormat.CycloneDx));
            var dependencies = bom.RootElement.GetProperty("dependencies").EnumerateArray()
                .ToDictionary(d => d.GetProperty("ref").GetString()!, d => d.GetProperty("dependsOn").EnumerateArray().Select(e => e.GetString()!).ToList());
            var root = bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("bom-ref").GetString()!;

            Assert.Equal(new[] { "project:App", "project:Regulated" }, dependencies[root]);
            Assert.Equal(new[] { "endpoint:api.moonshot.cn", "model:llama3.2:3b" }, dependencies["project:Regulated"]);
            Assert.Contains("model:qwen-max", dependencies["project:App"]);
            Assert.Contains("endpoint:api.deepseek.com", dependencies["project:App"]);
            Assert.DoesNotContain("model:llama3.2:3b", dependencies["project:App"]);
        }

        private static void AssertModel(JsonElement model, string vendor, string country, string openWeights, string status)
        {
            var supplier = model.GetProperty("supplier");
            Assert.Equal(vendor, supplier.GetProperty("name").GetString());
            Assert.Equal(country, supplier.GetProperty("address").GetProperty("country").GetString());
            Assert.Equal(openWeights, Property(model, "openWeights"));
            Assert.Equal(country, Property(model, "origin"));
            Assert.Equal(status, Property(model, "status"));
        }

        private static (string, int)[] Occurrences(System.Collections.Generic.List<JsonElement> components, string name) =>
            components.Single(c => c.GetProperty("name").GetString() == name)
                .GetProperty("evidence").GetProperty("occurrences").EnumerateArray()
                .Select(o => (o.GetProperty("location").GetString()!, o.GetProperty("line").GetInt32()))
                .ToArray();

        private static string? Property(JsonElement element, string name) =>
            element.GetProperty("properties").EnumerateArray()
                .Where(p => p.GetProperty("name").GetString() == "modelpolicy:" + name)
                .Select(p => p.GetProperty("value").GetString())
                .FirstOrDefault();
    }
}
