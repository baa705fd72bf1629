using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0008: every kind of bad value gets a diagnostic naming the key and the value; the rest of the policy still applies.</summary>
    [Trait("Rule", "MP0008")]
    public class MP0008InvalidPolicyTests
    {
        private const string Source = """
            class C
            {
                string M = {|#0:"qwen-max"|};
            }
            """;

        private static DiagnosticResult Invalid(string message) =>
            Verify.Diagnostic("MP0008").WithMessage("Invalid model policy configuration: " + message);

        [Theory]
        [InlineData("model_policy.denied_origins", "CN, XX", "XX", "'XX' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.allowed_origins", "CHN", "CHN", "'CHN' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.denied_endpoint_origins", "China", "China", "'China' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.denied_vendors", "Alibabba", "Alibabba", "'Alibabba' is not a vendor in the catalog")]
        [InlineData("model_policy.allowed_vendors", "Mistral", "Mistral", "'Mistral' is not a vendor in the catalog (did you mean 'Mistral AI'?)")]
        [InlineData("model_policy.denied_models", "qwen[0-9]", "qwen[0-9]", "'qwen[0-9]' is not a valid pattern: '[' is not allowed in a pattern (letters, digits, *?-._:/@+~)")]
        [InlineData("model_policy.allowed_endpoints", "**.example.com", "**.example.com", "'**.example.com' is not a valid pattern: '**' is not a pattern: use a single '*'")]
        [InlineData("model_policy.unknown_models", "block", "block", "expected allow, warn or deny")]
        [InlineData("model_policy.require_open_weights", "yes", "yes", "expected true or false")]
        [InlineData("model_policy.profile", "strict", "strict", "expected standard or regulated")]
        [InlineData("model_policy.diversification", "country", "country", "expected off, vendor or origin")]
        public Task BadEditorConfigValues(string key, string written, string value, string message) => Verify.AnalyzerAsync(
            Source,
            Verify.Policy(key + " = " + written, "model_policy.allowed_models = gpt-4o*"),
            Invalid("'" + key + " = " + value + "' (in the .editorconfig that applies to /0/Test0.cs): " + message),
            Verify.Diagnostic("MP0002").WithLocation(0));

        [Fact]
        public Task AnUnknownKeyIsNamed() => Verify.AnalyzerAsync(
            Source,
            Verify.Policy("model_policy.denied_orgins = CN"),
            Invalid("'model_policy.denied_orgins = CN' (in the .editorconfig that applies to /0/Test0.cs): unknown key; the policy keys are model_policy.denied_origins, model_policy.allowed_origins, model_policy.denied_vendors, model_policy.allowed_vendors, model_policy.denied_models, model_policy.allowed_models, model_policy.unknown_models, model_policy.require_open_weights, model_policy.denied_endpoint_origins, model_policy.allowed_endpoints, model_policy.denied_endpoints, model_policy.allowed_endpoint_regions, model_policy.denied_endpoint_regions, model_policy.unknown_endpoint_regions, model_policy.profile, model_policy.diversification"),
            Verify.Diagnostic("MP0001").WithLocation(0));

        [Fact]
        public async Task ABadProjectProfile()
        {
            var test = Verify.Test();
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelPolicyProfile = strict\n"));
            test.TestCode = Source;
            test.ExpectedDiagnostics.Add(Invalid("'ModelPolicyProfile (MSBuild property) = strict' (in the .editorconfig that applies to /0/Test0.cs): expected standard or regulated"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task OneDiagnosticPerBadValueHoweverManyFilesItAppliesTo()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = XX"));
            test.TestState.Sources.Add(("/A.cs", "class A { }"));
            test.TestState.Sources.Add(("/B.cs", "class B { }"));
            test.TestState.Sources.Add(("/C.cs", "class C { }"));
            test.ExpectedDiagnostics.Add(Invalid("'model_policy.denied_origins = XX' (in the .editorconfig that applies to /A.cs): 'XX' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ABadCatalogLineIsReportedAtThatLine()
        {
            var test = Verify.Test();
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", """
                # our fine-tunes
                vendor Acme AI | country=DE | source=https://wiki.example/acme
                model acme-ft | vendor=Acme AI | match=acme-ft-* | weights={|#1:sometimes|} | kind=chat | source=https://wiki.example/acme-ft
                host llm.acme.example | operator={|#2:Acme|} | serves=own | source=https://wiki.example/llm
                model acme-embed | vendor=Acme AI | match=acme-embed-* | weights=open | kind=embedding | source=https://wiki.example/embed
                """));
            test.TestCode = """
                using OpenAI.Embeddings;

                class C
                {
                    EmbeddingClient M(string key) => new EmbeddingClient({|#0:"acme-embed-v2"|}, key);
                }
                """;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(0).WithArguments("acme-embed-v2", "Acme AI, DE, open weights"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0008").WithLocation(1).WithMessage("Invalid model policy configuration: /ModelCatalog.txt line 3: weights must be 'open' or 'closed', not 'sometimes'"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0008").WithLocation(2).WithMessage("Invalid model policy configuration: /ModelCatalog.txt line 4: unknown vendor 'Acme': declare it with a 'vendor' line first"));
            await test.RunAsync();
        }

        [Fact]
        public async Task OtherAdditionalFilesAreNotCatalogs()
        {
            var test = Verify.Test();
            test.TestState.AdditionalFiles.Add(("/BannedSymbols.txt", "T:System.Console; use ILogger"));
            test.TestState.AdditionalFiles.Add(("/ModelCatalogue.txt", "not a catalog"));
            test.TestCode = "class C { }";
            await test.RunAsync();
        }
    }
}
