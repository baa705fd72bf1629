using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// MP0013: an organisation's floor comes into the build as an AdditionalFile with ModelPolicyFloor="true" (its own
    /// package adds it); every repository key that tries to relax it is reported at the key.
    /// </summary>
    [Trait("Rule", "MP0013")]
    public class MP0013PolicyFloorRelaxedTests
    {
        private const string Floor = "# Contoso\n[*.cs]\nmodel_policy.denied_origins = CN\n\n[Payments/**.cs]\nmodel_policy.profile = regulated\n";

        private const string FloorMetadata = "is_global = true\n\n[/org/contoso.modelpolicy]\nbuild_metadata.AdditionalFiles.ModelPolicyFloor = true\n";

        [Fact]
        public async Task ARepositoryThatClearsTheFloorsDenyIsReportedAtTheKey()
        {
            var policy = Verify.Policy("model_policy.denied_origins = none");
            var test = Verify.Test(policy);
            test.TestCode = "class C { string M = {|#1:\"qwen-max\"|}; }";
            test.TestState.AdditionalFiles.Add(("/org/contoso.modelpolicy", Floor));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", FloorMetadata));
            test.TestState.AdditionalFiles.Add(("/.editorconfig", policy.Replace("model_policy.denied_origins = none", "{|#0:model_policy.denied_origins = none|}")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0013", DiagnosticSeverity.Error).WithLocation(0).WithMessage(
                "'model_policy.denied_origins = none' relaxes the organisation policy (contoso.modelpolicy): it leaves out denied origins CN (the .editorconfig that applies to /0/Test0.cs): the organisation policy still applies; remove the key or make it at least as strict"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1).WithArguments("qwen-max", "Alibaba, CN, closed weights"));
            await test.RunAsync();
        }

        [Fact]
        public async Task MP0013CannotBeTurnedOffByTheRepository()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = none", "dotnet_diagnostic.MP0013.severity = none"));
            test.TestCode = "class C { }";
            test.TestState.AdditionalFiles.Add(("/org/contoso.modelpolicy", Floor));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", FloorMetadata));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0013", DiagnosticSeverity.Error));
            await test.RunAsync();
        }

        [Fact]
        public async Task AFloorThatMakesAFolderRegulatedMakesItsSeveritySettingsCount()
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add(("/Payments/Refunds.cs", "class C { }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Verify.Policy("model_policy.denied_origins = CN", "dotnet_diagnostic.MP0002.severity = none")));
            test.TestState.AdditionalFiles.Add(("/org/contoso.modelpolicy", Floor));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", FloorMetadata));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0012", DiagnosticSeverity.Error));
            await test.RunAsync();
        }

        [Fact]
        public async Task ARepositoryThatTightensTheFloorIsNotReported()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN, RU", "model_policy.denied_vendors = Meta"));
            test.TestCode = "class C { }";
            test.TestState.AdditionalFiles.Add(("/org/contoso.modelpolicy", Floor));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", FloorMetadata));
            await test.RunAsync();
        }

        [Fact]
        public async Task WithoutTheMetadataTheFileIsNoFloor()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = none"));
            test.TestCode = "class C { }";
            test.TestState.AdditionalFiles.Add(("/org/contoso.modelpolicy", Floor));
            await test.RunAsync();
        }
    }
}
