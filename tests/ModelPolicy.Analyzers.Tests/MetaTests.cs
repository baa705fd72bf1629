using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests
{
    /// <summary>Checks over every descriptor and analyzer of the package.</summary>
    public class MetaTests
    {
        private static readonly DiagnosticAnalyzer[] Analyzers = typeof(ModelPolicyAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToArray();

        private static string RepositoryRoot() => Repository.Root;

        [Fact]
        public void EveryHelpLinkPointsAtAnExistingRulePage()
        {
            var root = RepositoryRoot();
            foreach (var descriptor in Analyzers.SelectMany(a => a.SupportedDiagnostics))
            {
                Assert.Equal(ModelPolicy.Analyzers.Diagnostics.Descriptors.HelpLinkBase + descriptor.Id + ".md", descriptor.HelpLinkUri);
                Assert.True(File.Exists(Path.Combine(root, "docs", "rules", descriptor.Id + ".md")), "docs/rules/" + descriptor.Id + ".md is missing");
            }
        }

        [Fact]
        public void EveryRuleIsInTheReadmeAndTheReleaseNotes()
        {
            var root = RepositoryRoot();
            var readme = File.ReadAllText(Path.Combine(root, "README.md"));
            var releases = string.Join("\n", Directory.GetFiles(Path.Combine(root, "src"), "AnalyzerReleases.*.md", SearchOption.AllDirectories).Select(File.ReadAllText));
            foreach (var id in Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).Distinct())
            {
                Assert.Contains(id, readme);
                Assert.Contains(id, releases);
            }
        }

        [Fact]
        public void EveryPolicyKeyIsInTheReadme()
        {
            var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
            foreach (var key in ModelPolicy.Policy.PolicyKeys.All)
            {
                Assert.Contains(key, readme);
            }
        }

        [Fact]
        public void IdsAreUniqueAndReservedOnesStayFree()
        {
            var ids = Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id).ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count());
            Assert.All(ids, id => Assert.Matches("^MP[0-9]{4}$", id));
        }

        [Fact]
        public Task EmptySourceHasNoDiagnostics() => Verify.AnalyzerAsync(string.Empty);

        [Fact]
        public Task EmptySourceWithAFullPolicyHasNoDiagnostics() => Verify.AnalyzerAsync(
            string.Empty,
            Verify.Policy(
                "model_policy.denied_origins = CN, RU",
                "model_policy.allowed_origins = US, EU, CA",
                "model_policy.denied_vendors = DeepSeek",
                "model_policy.allowed_vendors = OpenAI, Anthropic, Mistral AI",
                "model_policy.denied_models = qwen*",
                "model_policy.allowed_models = gpt-4o*",
                "model_policy.unknown_models = deny",
                "model_policy.require_open_weights = false",
                "model_policy.denied_endpoint_origins = CN",
                "model_policy.allowed_endpoints = api.openai.com",
                "model_policy.denied_endpoints = *.deepseek.com",
                "model_policy.profile = regulated",
                "model_policy.diversification = vendor"));
    }
}
