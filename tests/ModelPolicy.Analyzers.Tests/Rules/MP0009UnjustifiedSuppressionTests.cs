using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0009: in a regulated scope, suppressing a policy violation needs a written reason.</summary>
    [Trait("Rule", "MP0009")]
    public class MP0009UnjustifiedSuppressionTests
    {
        private static readonly string Regulated = Verify.Policy("model_policy.profile = regulated", "model_policy.denied_origins = CN");

        [Fact]
        public Task PragmaWithoutAReasonIsAnError() => Verify.AnalyzerAsync(
            """
            class C
            {
            {|#0:#pragma warning disable MP0002|}
                string M = "qwen-max";
            #pragma warning restore MP0002
            }
            """,
            Regulated,
            Verify.Diagnostic("MP0009", DiagnosticSeverity.Error).WithLocation(0)
                .WithMessage("#pragma warning disable suppresses MP0002 in a regulated scope without a justification: give the reason (a comment after the #pragma, or Justification = \"…\")"));

        [Fact]
        public Task ABarePragmaDisablesEverythingSoItCounts() => Verify.AnalyzerAsync(
            """
            class C
            {
            {|#0:#pragma warning disable|}
                string M = "qwen-max";
            }
            """,
            Regulated,
            Verify.Diagnostic("MP0009", DiagnosticSeverity.Error).WithLocation(0).WithArguments("#pragma warning disable", "MP0002, MP0004, MP0006"));

        [Fact]
        public Task PragmaWithAReasonIsAllowed() => Verify.AnalyzerAsync(
            """
            class C
            {
            #pragma warning disable MP0002 // Approved by risk committee, ticket RISK-142, until 2027-03
                string M = "qwen-max";
            #pragma warning restore MP0002
            }
            """,
            Regulated);

        [Fact]
        public Task SuppressMessageWithoutJustificationIsAnError() => Verify.AnalyzerAsync(
            """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
                [{|#0:SuppressMessage("ModelPolicy", "MP0004:Endpoint not allowed by the model policy")|}]
                string A() => "https://api.deepseek.com/v1";

                [{|#1:SuppressMessage("ModelPolicy", "MP0002", Justification = "<Pending>")|}]
                string B() => "qwen-max";

                [SuppressMessage("ModelPolicy", "MP0002", Justification = "Evaluation harness only; never deployed (RISK-77)")]
                string D() => "qwen-max";

                [SuppressMessage("ModelPolicy", "MP0001")]
                string E() => "gpt-4o";
            }
            """,
            Regulated,
            Verify.Diagnostic("MP0009", DiagnosticSeverity.Error).WithLocation(0).WithArguments("[SuppressMessage]", "MP0004"),
            Verify.Diagnostic("MP0009", DiagnosticSeverity.Error).WithLocation(1).WithArguments("[SuppressMessage]", "MP0002"));

        [Fact]
        public Task AssemblyLevelSuppressMessage() => Verify.AnalyzerAsync(
            """
            [assembly: {|#0:System.Diagnostics.CodeAnalysis.SuppressMessage("ModelPolicy", "MP0002:Model not allowed", Scope = "module")|}]
            """,
            Regulated,
            Verify.Diagnostic("MP0009", DiagnosticSeverity.Error).WithLocation(0).WithArguments("[SuppressMessage]", "MP0002"));

        [Fact]
        public Task OutsideARegulatedScopeSuppressionsAreTheTeamsBusiness() => Verify.AnalyzerAsync(
            """
            using System.Diagnostics.CodeAnalysis;

            class C
            {
            #pragma warning disable MP0002
                [SuppressMessage("ModelPolicy", "MP0004")]
                string A() => "https://api.deepseek.com/v1";
            }
            """,
            Verify.Policy("model_policy.denied_origins = CN"));
    }
}
