using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    [Collection(InventoryCollection.Name)]
    public sealed class ExitCodeTests
    {
        private readonly InventoryFixture fixture;

        public ExitCodeTests(InventoryFixture fixture) => this.fixture = fixture;

        [Fact]
        public void Fail_on_violation_exits_1_and_names_each_violation()
        {
            var stderr = new StringWriter();

            var code = InventoryCommand.Write(fixture.Result, Options(failOn: true), new StringWriter(), stderr);

            Assert.Equal(1, code);
            Assert.Contains("modelpolicy: 3 policy violation(s):", stderr.ToString(), System.StringComparison.Ordinal);
            Assert.Contains("App/Payments/Refunds.cs(5,", stderr.ToString(), System.StringComparison.Ordinal);
            Assert.DoesNotContain("deepseek-chat", stderr.ToString(), System.StringComparison.Ordinal); // suppressed with a reason
        }

        [Fact]
        public void Without_fail_on_the_same_inventory_exits_0()
        {
            Assert.Equal(0, InventoryCommand.Write(fixture.Result, Options(failOn: false), new StringWriter(), new StringWriter()));
        }

        [Fact]
        public void A_justified_suppression_is_not_a_violation()
        {
            // Only the suppressed deepseek-chat (denied, #pragma with a reason) and the allowed uses are left.
            var denied = new HashSet<(string, int)>(fixture.Result.Findings
                .Where(f => !f.Suppressed && (f.Id == "MP0002" || f.Id == "MP0004"))
                .Select(f => (f.Path, f.Line)));
            var kept = fixture.Result with { Findings = fixture.Result.Findings.Where(f => !denied.Contains((f.Path, f.Line))).ToList() };
            Assert.Contains(kept.Findings, f => f.Id == "MP0010" && f.Property("Status") == "denied");

            Assert.Equal(0, InventoryCommand.Write(kept, Options(failOn: true), new StringWriter(), new StringWriter()));
        }

        [Fact]
        public async Task Usage_errors_exit_2_with_a_message()
        {
            await AssertUsageError(new[] { "inventory", fixture.Root, "--format", "xml" }, "xml");
            await AssertUsageError(new[] { "inventory", fixture.Root, "--fail-on", "warning" }, "warning");
            await AssertUsageError(new[] { "inventory", fixture.Root, "--property", "NoEquals" }, "Name=Value");
            await AssertUsageError(new[] { "list" }, "list");
            await AssertUsageError(System.Array.Empty<string>(), "modelpolicy --help");
            await AssertUsageError(new[] { "inventory", Path.Combine(fixture.Root, "missing") }, "does not exist");
            await AssertUsageError(new[] { "inventory", Path.Combine(fixture.Root, ".editorconfig") }, "is not a solution");
        }

        [Fact]
        public async Task Help_lists_the_options_and_exits_0()
        {
            var stdout = new StringWriter();

            var code = await Program.RunAsync(new[] { "inventory", "--help" }, stdout, new StringWriter(), CancellationToken.None);

            Assert.Equal(0, code);
            foreach (var option in new[] { "--format", "--output", "--fail-on", "--property", "--quiet", "table|cyclonedx|sarif" })
            {
                Assert.Contains(option, stdout.ToString(), System.StringComparison.Ordinal);
            }
        }

        private static async Task AssertUsageError(string[] args, string expected)
        {
            var stderr = new StringWriter();
            var code = await Program.RunAsync(args, new StringWriter(), stderr, CancellationToken.None);
            Assert.Equal(2, code);
            Assert.Contains(expected, stderr.ToString(), System.StringComparison.Ordinal);
        }

        private static InventoryOptions Options(bool failOn) =>
            new InventoryOptions(".", OutputFormat.Table, null, failOn, new Dictionary<string, string>(), Quiet: true);
    }
}
