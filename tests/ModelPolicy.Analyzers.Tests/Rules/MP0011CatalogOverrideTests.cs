using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0011: a ModelCatalog.txt line that re-attributes an id the built-in catalog knows is reported at that line.</summary>
    [Trait("Rule", "MP0011")]
    public class MP0011CatalogOverrideTests
    {
        private const string Laundering = "model laundered | vendor=OpenAI | match=deepseek-chat | weights=closed | kind=chat | source=https://example.com/laundered";

        private const string Source = """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|#1:"deepseek-chat"|}, key);
            }
            """;

        private static readonly int BuiltinLine = ModelCatalog.Builtin.MatchModel("deepseek-chat")!.Family.Origin.Line;

        /// <summary>The finding's own message says where the attribution came from.</summary>
        private const string Attributed = "OpenAI, US, closed weights, attribution from ModelCatalog.txt line 1 (built-in: DeepSeek, CN, open weights)";

        private static string Message(string tail) =>
            "ModelCatalog.txt line 1 re-attributes model 'deepseek-chat' from DeepSeek, CN, open weights (builtin.catalog line " + BuiltinLine + ") to OpenAI, US, closed weights" + tail;

        [Fact]
        public async Task AStandardProjectGetsAWarningAtTheLine()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN"));
            test.TestCode = Source;
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", "{|#0:" + Laundering + "|}\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0011").WithLocation(0).WithMessage(Message(": every use of it is judged as this line says")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1).WithArguments("deepseek-chat", Attributed));
            await test.RunAsync();
        }

        [Fact]
        public async Task ARegulatedProjectGetsAnErrorThatNamesTheIdAndTheLine()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN", "model_policy.profile = regulated"));
            test.TestCode = Source;
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", "{|#0:" + Laundering + "|}\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0011", DiagnosticSeverity.Error).WithLocation(0)
                .WithMessage(Message(": in a regulated scope a built-in attribution may only be overridden with a reason= on the line")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1).WithArguments("deepseek-chat", Attributed));
            await test.RunAsync();
        }

        [Fact]
        public async Task TurningMP0011OffInARegulatedScopeIsItselfReported()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN", "model_policy.profile = regulated", "dotnet_diagnostic.MP0011.severity = none"));
            test.TestCode = Source;
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", "{|#0:" + Laundering + "|}\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0012", DiagnosticSeverity.Error));

            // a [*.cs] section does not reach ModelCatalog.txt, where MP0011 is reported: it stays, and the attempt is reported too
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0011", DiagnosticSeverity.Error).WithLocation(0));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1).WithArguments("deepseek-chat", Attributed));
            await test.RunAsync();
        }

        [Fact]
        public async Task AReasonOnTheLineMakesItAnAuditedOverride()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN", "model_policy.profile = regulated"));
            test.TestCode = Source;
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", "{|#0:" + Laundering + " | reason=RISK-9: served by our own US tenant|}\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0011", DiagnosticSeverity.Info).WithLocation(0).WithMessage(Message(" (reason: RISK-9: served by our own US tenant)")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1).WithArguments("deepseek-chat", Attributed));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheInventoryMarksTheIdAsOverridden()
        {
            var diagnostics = await EnforcementRun.AnalyzeAsync("class C { }", Verify.Policy("model_policy.profile = regulated"), ("/ModelCatalog.txt", Laundering + " | reason=RISK-9\n"));

            var entry = Assert.Single(diagnostics, d => d.Id == "MP0010");
            Assert.Equal(
                ("catalog-override", "deepseek-chat", "OpenAI", "US", "overridden", "RISK-9", "/ModelCatalog.txt(1)"),
                (entry.Properties["Kind"], entry.Properties["Value"], entry.Properties["Vendor"], entry.Properties["Country"], entry.Properties["Status"], entry.Properties["Justification"], entry.Properties["CatalogLine"]));
            Assert.Equal("DeepSeek, CN, open weights (builtin.catalog line " + BuiltinLine + ")", entry.Properties["Builtin"]);
            Assert.Equal(DiagnosticSeverity.Info, Assert.Single(diagnostics, d => d.Id == "MP0011").Severity);
        }

        [Fact]
        public Task ACatalogThatOnlyAddsIdsIsNotReported() => Verify.AnalyzerAsync(
            "class C { }",
            Verify.Policy("model_policy.profile = regulated"));
    }
}
