using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0010: a hidden entry per model or endpoint use, with what an inventory needs as properties.</summary>
    [Trait("Rule", "MP0010")]
    public class MP0010InventoryTests
    {
        [Fact]
        public async Task EachUseHasAnInventoryEntryWithItsProvenanceAndStatus()
        {
            var diagnostics = await AnalyzeAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("qwen-max", key);
                    ChatClient B(string key) => new ChatClient("gpt-4o", key);
                    string Url = "https://api.deepseek.com/v1";
                }
                """,
                "model_policy.denied_origins = CN");

            var inventory = diagnostics.Where(d => d.Id == "MP0010").OrderBy(d => d.Location.SourceSpan.Start).ToList();
            Assert.Equal(3, inventory.Count);
            Assert.All(inventory, d => Assert.Equal(DiagnosticSeverity.Hidden, d.Severity));

            var qwen = inventory[0].Properties;
            Assert.Equal(("model", "qwen-max", "Alibaba", "CN", "false", "denied", "MP0002"), (qwen["Kind"], qwen["Value"], qwen["Vendor"], qwen["Country"], qwen["OpenWeights"], qwen["Status"], qwen["Diagnostic"]));
            Assert.Equal("origin CN is denied by model_policy.denied_origins", qwen["Reason"]);
            Assert.Equal("model", qwen["Position"]);

            var gpt = inventory[1].Properties;
            Assert.Equal(("gpt-4o", "OpenAI", "US", "allowed", "MP0001"), (gpt["Value"], gpt["Vendor"], gpt["Country"], gpt["Status"], gpt["Diagnostic"]));

            var endpoint = inventory[2].Properties;
            Assert.Equal(("endpoint", "api.deepseek.com", "DeepSeek", "CN", "denied", "MP0004"), (endpoint["Kind"], endpoint["Value"], endpoint["Vendor"], endpoint["Country"], endpoint["Status"], endpoint["Diagnostic"]));
            Assert.Equal("Model 'qwen-max' (Alibaba, CN, closed weights): denied (origin CN is denied by model_policy.denied_origins)", inventory[0].GetMessage());
        }

        [Fact]
        public async Task AJustifiedSuppressionInARegulatedScopeIsRecordedWithItsReason()
        {
            var diagnostics = await AnalyzeAsync(
                """
                class C
                {
                #pragma warning disable MP0002 // Approved by risk committee, RISK-142
                    string M = "qwen-max";
                }
                """,
                "model_policy.denied_origins = CN\nmodel_policy.profile = regulated");

            var suppression = Assert.Single(diagnostics, d => d.Id == "MP0010" && d.Properties["Kind"] == "suppression");
            Assert.Equal(("MP0002", "Approved by risk committee, RISK-142"), (suppression.Properties["Value"], suppression.Properties["Justification"]));
            Assert.DoesNotContain(diagnostics, d => d.Id == "MP0009");
        }

        [Fact]
        public async Task NoEntriesUnlessAnInventoryIsAskedFor()
        {
            // An editor session or a build without ErrorLog: the findings, and no MP0010 beside each of them.
            var diagnostics = await AnalyzeAsync(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("qwen-max", key);
                    string Url = "https://api.deepseek.com/v1";
                }
                """,
                "model_policy.denied_origins = CN",
                inventory: false);

            Assert.Equal(new[] { "MP0002", "MP0004" }, diagnostics.Select(d => d.Id).OrderBy(id => id));
        }

        /// <summary>Runs the analyzer directly, so hidden diagnostics and their properties can be read.</summary>
        internal static async Task<Diagnostic[]> AnalyzeAsync(string source, string policy, bool inventory = true)
        {
            var values = policy.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
            var run = new DirectRun { Inventory = inventory };
            var diagnostics = await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse(source)), values);
            Assert.Empty(run.Exceptions);
            return diagnostics.ToArray();
        }
    }
}
