using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelPolicy.Cli.Inventory;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// <c>modelpolicy inventory --policy &lt;org file&gt;</c>: the organisation's floor judges every use, whatever the
    /// repository's own .editorconfig relaxes, turns off or suppresses.
    /// </summary>
    [Trait("Rule", "MP0013")]
    public sealed class PolicyFloorTests : IAsyncLifetime
    {
        // The repository clears the deny, turns MP0002 off and suppresses MP0004 with a reason: its own build is quiet.
        private const string LaxEditorConfig = """
            root = true

            [*.cs]
            model_policy.denied_origins = none
            dotnet_diagnostic.MP0002.severity = none
            """;

        private const string Source = """
            namespace Lax
            {
                public static class Models
                {
                    public const string Chat = "deepseek-chat";

            #pragma warning disable MP0003 // the team says it is fine
                    public const string Url = "https://api.deepseek.com/v1";
            #pragma warning restore MP0003

                    public const string Other = "gpt-4o";
                }
            }
            """;

        private const string OrgPolicy = """
            # Contoso: no models made in, and no prompts sent to, China or Russia
            [*.cs]
            model_policy.denied_origins = CN, RU
            """;

        private string root = string.Empty;

        private string Org => Path.Combine(root, "org", "contoso.modelpolicy");

        public Task InitializeAsync()
        {
            root = Path.Combine(Path.GetTempPath(), "modelpolicy-floor-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Directory.CreateDirectory(Path.Combine(root, "Lax"));
            Directory.CreateDirectory(Path.Combine(root, "org"));
            File.WriteAllText(Path.Combine(root, ".editorconfig"), LaxEditorConfig);
            File.WriteAllText(Path.Combine(root, "Lax", "Lax.csproj"), SampleSolution.RegulatedProject.Replace("<ModelPolicyProfile>regulated</ModelPolicyProfile>", string.Empty));
            File.WriteAllText(Path.Combine(root, "Lax", "Models.cs"), Source);
            File.WriteAllText(Org, OrgPolicy);
            SampleSolution.RestoreProject(Path.Combine(root, "Lax", "Lax.csproj"));
            return Task.CompletedTask;
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }

            return Task.CompletedTask;
        }

        [Fact]
        public async Task The_floor_fails_a_repository_that_relaxed_its_own_policy_and_the_repository_alone_passes()
        {
            var project = Path.Combine(root, "Lax", "Lax.csproj");

            var (withFloor, floorErr) = await RunAsync("inventory", project, "--policy", Org, "--fail-on", "violation", "-q");
            var (alone, aloneErr) = await RunAsync("inventory", project, "--fail-on", "violation", "-q");

            Assert.True(withFloor == 1, floorErr);
            Assert.Contains("Models.cs(5,", floorErr, StringComparison.Ordinal);
            Assert.Contains("MP0002: 'deepseek-chat' (DeepSeek, CN) is not allowed by the organisation policy (contoso.modelpolicy): origin CN is denied by model_policy.denied_origins", floorErr, StringComparison.Ordinal);
            Assert.Contains("MP0004: Endpoint 'api.deepseek.com' (DeepSeek, CN) is not allowed by the organisation policy (contoso.modelpolicy)", floorErr, StringComparison.Ordinal);
            Assert.Contains("MP0013: 'model_policy.denied_origins = none' relaxes the organisation policy (contoso.modelpolicy): it leaves out denied origins CN, RU", floorErr, StringComparison.Ordinal);
            Assert.DoesNotContain("gpt-4o", floorErr, StringComparison.Ordinal);
            Assert.True(alone == 0, aloneErr);
        }

        [Fact]
        public async Task A_floor_denied_use_is_reported_even_where_the_repository_turned_its_rule_off_or_suppressed_it()
        {
            var loaded = Policy.FloorRun.Load(Org);
            var result = await InventoryCommand.AnalyzeAsync(Path.Combine(root, "Lax", "Lax.csproj"), new Dictionary<string, string>(), null, CancellationToken.None, new Policy.PolicyFloorFile(loaded.Floor!, loaded.Text));
            var report = new InventoryReport(result);

            var entry = Assert.Single(result.Findings, f => f.Id == "MP0010" && f.Value == "deepseek-chat");
            Assert.Equal(("denied", "contoso.modelpolicy"), (entry.Property("Status"), entry.Property("Floor")));
            Assert.Contains(report.Violations, v => v.Id == "MP0002" && v.Value == "deepseek-chat");

            // MP0003 on the endpoint was suppressed in source: still there as suppressed, and the floor's MP0004 is not
            Assert.Contains(result.Findings, f => f.Id == "MP0003" && f.Suppressed);
            var endpoint = Assert.Single(report.Violations, v => v.Id == "MP0004");
            Assert.Contains("its MP0003 is suppressed in source", endpoint.Message, StringComparison.Ordinal);
            Assert.Contains(report.Models, m => m.Id == "deepseek-chat" && m.Status == "denied");
        }

        [Fact]
        public async Task A_bad_policy_file_is_a_usage_error()
        {
            var bad = Path.Combine(root, "org", "bad.modelpolicy");
            File.WriteAllText(bad, "this is not a policy\n");

            var (code, stderr) = await RunAsync("inventory", Path.Combine(root, "Lax", "Lax.csproj"), "--policy", bad, "-q");
            var (missing, missingErr) = await RunAsync("inventory", Path.Combine(root, "Lax", "Lax.csproj"), "--policy", Path.Combine(root, "nope.modelpolicy"), "-q");

            Assert.Equal(2, code);
            Assert.Contains("expected 'key = value'", stderr, StringComparison.Ordinal);
            Assert.Equal(2, missing);
            Assert.Contains("--policy", missingErr, StringComparison.Ordinal);
        }

        private static async Task<(int Code, string Stderr)> RunAsync(params string[] args)
        {
            var stderr = new StringWriter();
            var code = await Program.RunAsync(args, new StringWriter(), stderr, CancellationToken.None);
            return (code, stderr.ToString());
        }
    }
}
