using System;
using System.Collections.Generic;
using System.IO;
using ModelPolicy.Cli.Inventory;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>The table marks a model whose attribution a repository catalog line overrode, and lists the overrides.</summary>
    [Trait("Rule", "MP0011")]
    public sealed class OverrideTableTests
    {
        private static Finding Entry(string kind, string value, int line, params (string Key, string Value)[] more)
        {
            var properties = new Dictionary<string, string?> { ["Kind"] = kind, ["Value"] = value };
            foreach (var (key, v) in more)
            {
                properties[key] = v;
            }

            return new Finding("MP0010", FindingLevel.None, string.Empty, "App", kind == "model" ? "App/Chat.cs" : "App/ModelCatalog.txt", line, 1, line, 2, false, properties);
        }

        [Fact]
        public void An_overridden_model_is_marked_and_the_override_listed_with_the_built_in_attribution()
        {
            var findings = new List<Finding>
            {
                Entry("model", "deepseek-chat", 5, ("Vendor", "OpenAI"), ("Country", "US"), ("OpenWeights", "false"), ("Status", "allowed"), ("Diagnostic", "MP0001")),
                Entry("catalog-override", "deepseek-chat", 1, ("Vendor", "OpenAI"), ("Country", "US"), ("Builtin", "DeepSeek, CN, open weights (builtin.catalog line 317)"), ("Status", "overridden")),
            };
            var result = new InventoryResult("App", "/repo", null, new[] { "App" }, findings, Array.Empty<RuleInfo>(), Array.Empty<string>());
            var output = new StringWriter();

            InventoryCommand.Render(new InventoryReport(result), OutputFormat.Table, output);

            var text = output.ToString();
            Assert.Contains("allowed (overridden)", text, StringComparison.Ordinal);
            Assert.Contains("Catalog overrides and enforcement exceptions (1)", text, StringComparison.Ordinal);
            Assert.Contains("App/ModelCatalog.txt:1  catalog-override deepseek-chat: OpenAI, US (built-in: DeepSeek, CN, open weights (builtin.catalog line 317)); no reason given", text, StringComparison.Ordinal);
        }
    }
}
