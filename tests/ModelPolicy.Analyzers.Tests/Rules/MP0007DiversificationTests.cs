using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0007: routes that cannot fail over across vendors or countries, and single-vendor projects.</summary>
    [Trait("Rule", "MP0007")]
    public class MP0007DiversificationTests
    {
        private static async Task RunAsync(string policy, string settings, string code, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = Verify.Test(policy);
            test.IncludeDiversification = true;
            test.TestState.AdditionalFiles.Add(("/appsettings.json", settings));
            test.TestCode = code;
            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync();
        }

        private const string Routes = """
            { "ModelRoutes": {
                {|#0:"same-vendor"|}: { "Model": "gpt-4o", "Fallbacks": [ { "Model": "gpt-4o-mini" } ] },
                {|#1:"same-origin"|}: { "Model": "gpt-4o", "Fallbacks": [ "claude" ] },
                "claude": { "Model": "claude-sonnet-4-5" },
                "diverse": { "Model": "gpt-4o", "Fallbacks": [ { "Model": "mistral-large-latest" } ] },
                "unknown": { "Model": "house-model", "Fallbacks": [ { "Model": "house-model-2" } ] }
            } }
            """;

        [Fact]
        public Task OriginIsTheDefault() => RunAsync(
            Verify.Policy("model_policy.denied_vendors = none"),
            Routes,
            "class C { }",
            Verify.Diagnostic("MP0007", DiagnosticSeverity.Info).WithLocation(0).WithMessage("Route 'same-vendor' fails over only within OpenAI: add a fallback from another vendor"),
            Verify.Diagnostic("MP0007", DiagnosticSeverity.Info).WithLocation(1).WithMessage("Route 'same-origin' fails over only within origin US: add a fallback from another country"));

        [Fact]
        public Task VendorOnly() => RunAsync(
            Verify.Policy("model_policy.diversification = vendor"),
            Routes.Replace("\"claude\": { \"Model\": \"claude-sonnet-4-5\" }", "{|#2:\"claude\"|}: { \"Model\": \"claude-sonnet-4-5\" }"),
            "class C { }",
            Verify.Diagnostic("MP0007", DiagnosticSeverity.Info).WithLocation(0),
            Verify.Diagnostic("MP0007", DiagnosticSeverity.Info).WithLocation(2).WithMessage("Route 'claude' has no fallback: add a fallback from another vendor"));

        [Fact]
        public Task Off() => RunAsync(Verify.Policy("model_policy.diversification = off"), Routes, "class C { string[] M = { {|MP0001:\"gpt-4o\"|}, {|MP0001:\"gpt-4o-mini\"|} }; }");

        [Fact]
        public Task AProjectWhoseEveryModelComesFromOneVendor() => RunAsync(
            Verify.Policy("model_policy.diversification = origin"),
            "{}",
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|#0:"gpt-4o"|}, key);
                ChatClient B(string key) => new ChatClient({|#1:"gpt-4o-mini"|}, key);
            }
            """,
            Verify.Diagnostic("MP0001").WithLocation(0),
            Verify.Diagnostic("MP0001").WithLocation(1),
            Verify.Diagnostic("MP0007", DiagnosticSeverity.Info).WithNoLocation().WithMessage("Every model this project uses (2 uses) comes from OpenAI: add a route or fallback from another vendor"));
    }
}
