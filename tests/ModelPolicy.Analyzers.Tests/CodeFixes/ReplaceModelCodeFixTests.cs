using System.Threading.Tasks;
using ModelPolicy.Analyzers.CodeFixes;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.CodeFixes
{
    /// <summary>"Replace with 'model' (vendor, country)": allowed catalog examples, closest first.</summary>
    [Trait("Rule", "MP0002")]
    public class ReplaceModelCodeFixTests
    {
        private const string Catalog = """
            vendor Acme | country=FR | source=https://acme.example
            model acme-open | vendor=Acme | match=acme-* | weights=open | kind=chat | source=https://acme.example | examples=acme-72b, acme-8b, acme-1.5b
            model acme-embed | vendor=Acme | match=acmebed-* | weights=open | kind=embedding | source=https://acme.example | examples=acmebed-1b
            """;

        private const string Policy = "root = true\n[*.cs]\nmodel_policy.allowed_vendors = Acme\nmodel_policy.denied_models = acme-1.5b\n";

        private static Task Run(string source, string fixedSource, int index, string? fixedSecond = null)
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, ReplaceModelCodeFixProvider> { TestCode = source, FixedCode = fixedSource, CodeActionIndex = index };
            test.DisabledDiagnostics.Add("MP0010");
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Policy));
            test.TestState.AdditionalFiles.Add(("/0/ModelCatalog.txt", Catalog));
            test.CodeActionEquivalenceKey = ReplaceModelCodeFixProvider.EquivalenceKeyPrefix + (index + 1);
            return test.RunAsync();
        }

        private const string Source = """
            using OllamaSharp;

            class C
            {
                void M(OllamaApiClient client) => client.SelectedModel = {|MP0002:"qwen2.5:7b"|};
            }
            """;

        [Fact]
        public Task ClosestSizeOfTheSameKindComesFirst() => Run(Source, Source.Replace("{|MP0002:\"qwen2.5:7b\"|}", "{|MP0001:\"acme-8b\"|}"), 0);

        [Fact]
        public Task DeniedAlternativesAreNotOfferedAndOtherKindsComeLast()
        {
            // The replacement is still a hard-coded id (MP0001), now an allowed one. acme-1.5b is nearer in size than acme-72b, but denied_models removes it; the embedding model is last.
            return Task.WhenAll(
                Run(Source, Source.Replace("{|MP0002:\"qwen2.5:7b\"|}", "{|MP0001:\"acme-72b\"|}"), 1),
                Run(Source, Source.Replace("{|MP0002:\"qwen2.5:7b\"|}", "{|MP0001:\"acmebed-1b\"|}"), 2));
        }

        [Fact]
        public Task VerbatimLiteralsStayVerbatimAndFixAllReplacesEach()
        {
            var source = """
                using OllamaSharp;

                class C
                {
                    void M(OllamaApiClient client)
                    {
                        client.SelectedModel = {|MP0002:@"qwen2.5:72b"|};
                        client.SelectedModel = {|MP0002:"qwen2.5:7b"|};
                    }
                }
                """;
            var fixedSource = source.Replace("{|MP0002:@\"qwen2.5:72b\"|}", "{|MP0001:@\"acme-72b\"|}").Replace("{|MP0002:\"qwen2.5:7b\"|}", "{|MP0001:\"acme-8b\"|}");
            return Run(source, fixedSource, 0);
        }

        [Theory]
        [InlineData("qwen2.5:72b", 72.0)]
        [InlineData("Qwen/Qwen2.5-7B-Instruct", 7.0)]
        [InlineData("llama3.1:8b", 8.0)]
        [InlineData("deepseek-r1:1.5b", 1.5)]
        [InlineData("gpt-4o", null)]
        [InlineData("phi4", null)]
        public void ParameterSizesAreReadFromIds(string id, double? size) =>
            Assert.Equal(size, ReplaceModelCodeFixProvider.ParameterSize(id));
    }
}
