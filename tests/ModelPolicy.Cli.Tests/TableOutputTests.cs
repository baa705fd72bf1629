using System;
using System.Linq;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    [Collection(InventoryCollection.Name)]
    public sealed class TableOutputTests
    {
        private readonly InventoryFixture fixture;

        public TableOutputTests(InventoryFixture fixture) => this.fixture = fixture;

        [Theory]
        [InlineData("qwen-max", "Alibaba", "CN", "no", "api.anthropic.com", "denied")]
        [InlineData("mistral-large-latest", "Mistral AI", "FR", "yes", "api.deepseek.com", "allowed")]
        [InlineData("llama3.2:3b", "Meta", "US", "yes", "api.moonshot.cn", "allowed")]
        [InlineData("team-chat (= gpt-4o)", "OpenAI", "US", "no", "api.deepseek.com", "allowed")]
        public void Each_model_has_a_row_with_vendor_origin_weights_endpoints_uses_and_status(string model, string vendor, string origin, string open, string endpoints, string status)
        {
            var row = Row(fixture.Render(OutputFormat.Table), model);

            Assert.Equal(new[] { model, vendor, origin, open, endpoints, "1", status }, row.Take(7));
        }

        [Fact]
        public void A_suppressed_use_shows_its_recorded_justification()
        {
            var table = fixture.Render(OutputFormat.Table);
            var row = Row(table, "deepseek-chat");

            Assert.Equal("suppressed", row[6]);
            Assert.Equal("MP0002: Approved by the risk committee, RISK-142", string.Join(" ", row.Skip(7)));
            Assert.Contains("App/Payments/Refunds.cs:7  MP0002: Approved by the risk committee, RISK-142", table, StringComparison.Ordinal);
        }

        [Fact]
        public void Endpoints_table_and_summary_lines()
        {
            var table = fixture.Render(OutputFormat.Table);

            Assert.Equal(new[] { "api.deepseek.com", "DeepSeek", "CN", "CN", "1", "denied" }, Row(table, "api.deepseek.com"));
            Assert.Equal(new[] { "api.moonshot.cn", "Moonshot AI", "CN", "unknown", "1", "denied" }, Row(table, "api.moonshot.cn"));
            Assert.Contains("Models in " + System.IO.Path.GetFileName(fixture.Root) + " (7 model ids, 7 uses, 2 projects)", table, StringComparison.Ordinal);
            Assert.Contains("Findings: MP0001 x5, MP0002 x2 (1 suppressed), MP0003 x1, MP0004 x2", table, StringComparison.Ordinal);
            Assert.Contains("Policy: 3 violations (MP0004 App/Chat.cs:5, MP0002 App/Payments/Refunds.cs:5, MP0004 Regulated/Ranking.cs:5)", table, StringComparison.Ordinal);
        }

        /// <summary>The cells of the table row that starts with <paramref name="first"/> (cells are two or more spaces apart).</summary>
        private static string[] Row(string table, string first)
        {
            var line = table.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("  " + first + "  ", StringComparison.Ordinal));
            return System.Text.RegularExpressions.Regex.Split(line.Trim(), " {2,}");
        }
    }
}
