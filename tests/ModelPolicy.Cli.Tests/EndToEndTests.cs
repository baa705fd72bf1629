using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>The whole command, as a user runs it: one more design-time build, of one project.</summary>
    [Collection(InventoryCollection.Name)]
    public sealed class EndToEndTests
    {
        private readonly InventoryFixture fixture;

        public EndToEndTests(InventoryFixture fixture) => this.fixture = fixture;

        [Fact]
        public async Task Project_to_cyclonedx_file_with_fail_on_violation()
        {
            var bomPath = Path.Combine(fixture.Root, "out", "bom.json");
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = await Program.RunAsync(
                new[] { "inventory", Path.Combine(fixture.Root, "App", "App.csproj"), "--format", "cyclonedx", "--output", bomPath, "--fail-on", "violation" },
                stdout,
                stderr,
                CancellationToken.None);

            Assert.True(code == 1, stderr.ToString());
            Assert.Equal(string.Empty, stdout.ToString());
            Assert.Contains("modelpolicy: analyzing project 1/1: App", stderr.ToString(), System.StringComparison.Ordinal);
            var json = File.ReadAllText(bomPath);
            Assert.Equal(string.Empty, CycloneDxSchema.Validate(json));
            using var bom = JsonDocument.Parse(json);
            Assert.Equal("App", bom.RootElement.GetProperty("metadata").GetProperty("component").GetProperty("name").GetString());
            Assert.Equal(6, bom.RootElement.GetProperty("components").GetArrayLength()); // App's models only; no project components
        }
    }
}
