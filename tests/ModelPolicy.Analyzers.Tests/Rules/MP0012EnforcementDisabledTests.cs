using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// MP0012: in a regulated scope, enforcement that was turned off fails the build, naming the setting and where it
    /// is; MP0012 itself is not configurable, so the same settings cannot silence it.
    /// </summary>
    [Trait("Rule", "MP0012")]
    public class MP0012EnforcementDisabledTests
    {
        private const string Source = """
            class C
            {
                string M = "qwen-max";
            }
            """;

        private static string Regulated(params string[] more) =>
            Verify.Policy(new[] { "model_policy.profile = regulated", "model_policy.denied_origins = CN" }.Concat(more).ToArray());

        private static DiagnosticResult Disabled() => Verify.Diagnostic("MP0012", DiagnosticSeverity.Error);

        private static AnalyzerTest<ModelPolicyAnalyzer, Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider> Test(string editorconfig, string source = Source)
        {
            var test = Verify.Test(editorconfig);
            test.TestCode = source;
            return test;
        }

        [Fact]
        public async Task SeverityNoneOfAViolationRuleFailsTheBuildAndNamesTheSetting()
        {
            var test = Test(Regulated("dotnet_diagnostic.MP0002.severity = none"));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'dotnet_diagnostic.MP0002.severity = none' turns off MP0002 in a regulated scope (the .editorconfig that applies to /0/Test0.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheSettingIsReportedAtItsLineWhenTheTargetsPassTheEditorConfig()
        {
            var policy = Regulated("dotnet_diagnostic.MP0004.severity = none");
            var test = Test(policy, "class C { string U = \"https://api.deepseek.com/v1\"; }");

            // the package's targets pass @(EditorConfigFiles) as AdditionalFiles, so the analyzer can point at the key
            test.TestState.AdditionalFiles.Add(("/.editorconfig", policy.Replace("dotnet_diagnostic.MP0004.severity = none", "{|#0:dotnet_diagnostic.MP0004.severity = none|}")));
            test.ExpectedDiagnostics.Add(Disabled().WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task LoweringToWarningAlsoCounts()
        {
            var test = Test(Regulated("dotnet_diagnostic.MP0002.severity = warning"), "class C { string M = {|#0:\"qwen-max\"|}; }");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002").WithLocation(0));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'dotnet_diagnostic.MP0002.severity = warning' lowers to warning MP0002 in a regulated scope (the .editorconfig that applies to /0/Test0.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheCategorySeverityCounts()
        {
            // Measured: Roslyn does not apply a category severity to MP0002, which the analyzer reports as an error
            // here (not its default severity); it does silence MP0001/MP0003/MP0005 and the MP0010 inventory.
            var test = Test(Regulated("dotnet_analyzer_diagnostic.category-ModelPolicy.severity = none"), "class C { string M = {|#0:\"qwen-max\"|}; }");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'dotnet_analyzer_diagnostic.category-ModelPolicy.severity = none' turns off the ModelPolicy rules (MP0002, MP0004, MP0006, MP0009, MP0011, and the MP0010 inventory) in a regulated scope (the .editorconfig that applies to /0/Test0.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheAllAnalyzersSeverityCounts()
        {
            var test = Test(Regulated("dotnet_analyzer_diagnostic.severity = none"), "class C { string M = {|#0:\"qwen-max\"|}; }");
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0));
            test.ExpectedDiagnostics.Add(Disabled());
            await test.RunAsync();
        }

        [Fact]
        public async Task ARulesetThatLowersARuleCounts()
        {
            // a ruleset (or -warnaserror-) reaches the compilation's specific options as Warn
            var test = Test(Regulated(), "class C { string M = {|#0:\"qwen-max\"|}; }");
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions.SetItem("MP0002", ReportDiagnostic.Warn)));
            });
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002").WithLocation(0));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'a ruleset or -warnaserror- setting MP0002 to warning' lowers to warning MP0002 in a regulated scope (the project of /0/Test0.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task AGlobalConfigSeverityCounts()
        {
            var test = Test(Regulated());
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.MP0002.severity = none\n"));
            test.ExpectedDiagnostics.Add(Disabled());
            await test.RunAsync();
        }

        [Fact]
        public async Task NoWarnCountsAndCannotSilenceMP0012Itself()
        {
            // <NoWarn>MP0002;MP0012</NoWarn> and severity none for MP0012: MP0012 is not configurable, so it stays.
            var test = Test(Regulated("dotnet_diagnostic.MP0012.severity = none"));
            test.SolutionTransforms.Add((solution, projectId) =>
            {
                var options = solution.GetProject(projectId)!.CompilationOptions!;
                return solution.WithProjectCompilationOptions(projectId, options.WithSpecificDiagnosticOptions(
                    options.SpecificDiagnosticOptions.SetItem("MP0002", ReportDiagnostic.Suppress).SetItem("MP0012", ReportDiagnostic.Suppress)));
            });
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'NoWarn MP0002' turns off MP0002 in a regulated scope (the project of /0/Test0.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public async Task APragmaCannotSilenceMP0012()
        {
            var test = Test(Regulated("dotnet_diagnostic.MP0002.severity = none"), "#pragma warning disable MP0012 // try\nclass C { string M = \"qwen-max\"; }\n");
            test.ExpectedDiagnostics.Add(Disabled());
            await test.RunAsync();
        }

        [Fact]
        public async Task TheRegulatedPropertyCountsAsARegulatedScope()
        {
            var test = Test(Verify.Policy("model_policy.denied_origins = CN", "dotnet_diagnostic.MP0002.severity = none"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelPolicyProfile = regulated\n"));
            test.ExpectedDiagnostics.Add(Disabled());
            await test.RunAsync();
        }

        [Fact]
        public Task AStandardScopeMayLowerWhatItLikes() => Verify.AnalyzerAsync(
            Source,
            Verify.Policy("model_policy.denied_origins = CN", "dotnet_diagnostic.MP0002.severity = none", "dotnet_analyzer_diagnostic.category-ModelPolicy.severity = none"));

        [Fact]
        public Task ASeverityRaisedToErrorIsNoRelaxation() => Verify.AnalyzerAsync(
            "class C { string M = {|#0:\"qwen-max\"|}; }",
            Regulated("dotnet_diagnostic.MP0002.severity = error", "dotnet_diagnostic.MP0001.severity = none"),
            Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0));

        [Fact]
        public async Task AWrittenExceptionTurnsTheErrorIntoAnInventoryEntry()
        {
            var test = Test(Regulated("dotnet_diagnostic.MP0002.severity = none", "model_policy.enforcement_exception = RISK-142: the lab mirror of prod, approved until 2027-03"));
            await test.RunAsync(); // no MP0012; the MP0010 entry is checked below

            var diagnostics = await EnforcementRun.AnalyzeAsync(Source, Regulated("dotnet_diagnostic.MP0002.severity = none", "model_policy.enforcement_exception = RISK-142: the lab mirror of prod, approved until 2027-03"));
            var entry = Assert.Single(diagnostics, d => d.Id == "MP0010");
            Assert.Equal(("enforcement-exception", "dotnet_diagnostic.MP0002.severity = none", "RISK-142: the lab mirror of prod, approved until 2027-03", "suppressed"), (entry.Properties["Kind"], entry.Properties["Value"], entry.Properties["Justification"], entry.Properties["Status"]));
            Assert.DoesNotContain(diagnostics, d => d.Id == "MP0012");
        }

        [Fact]
        public async Task ANestedRootEditorConfigThatSetsTheRegulatedScopeAsideIsReportedAtTheDeclaration()
        {
            const string Root = "root = true\n\n[*.cs]\nmodel_policy.denied_origins = CN\n\n[Payments/**.cs]\nmodel_policy.profile = regulated\n";
            const string Nested = "root = true\n\n[*.cs]\nmodel_policy.denied_origins = none\n";
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add(("/Payments/Refunds.cs", "class C { string M = {|#1:\"qwen-max\"|}; }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Root));
            test.TestState.AnalyzerConfigFiles.Add(("/Payments/.editorconfig", Nested));
            test.TestState.AdditionalFiles.Add(("/.editorconfig", Root.Replace("model_policy.profile = regulated", "{|#0:model_policy.profile = regulated|}")));
            test.TestState.AdditionalFiles.Add(("/Payments/.editorconfig", Nested));
            test.ExpectedDiagnostics.Add(Disabled().WithLocation(0).WithMessage(
                "'model_policy.profile = regulated (.editorconfig line 7 [Payments/**.cs])' is set aside (no profile is in force) by a nested .editorconfig with root = true or a later section (for /Payments/Refunds.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1)); // the nested file denies nothing: no longer an error
            await test.RunAsync();
        }

        [Fact]
        public async Task ALaterSectionThatRelaxesADenyOfARegulatedFileIsReported()
        {
            const string Config = "root = true\n\n[*.cs]\nmodel_policy.profile = regulated\nmodel_policy.denied_origins = CN, RU\n\n[Lab/**.cs]\nmodel_policy.denied_origins = RU\n";
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add(("/Lab/Try.cs", "class C { string M = {|#1:\"qwen-max\"|}; }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config));
            test.TestState.AdditionalFiles.Add(("/.editorconfig", Config.Replace("model_policy.denied_origins = CN, RU", "{|#0:model_policy.denied_origins = CN, RU|}")));
            test.ExpectedDiagnostics.Add(Disabled().WithLocation(0).WithMessage(
                "'model_policy.denied_origins = CN, RU (.editorconfig line 5 [*.cs])' is relaxed (CN no longer denied; in force: 'RU') by a nested .editorconfig with root = true or a later section in a regulated scope (for /Lab/Try.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithLocation(1));
            await test.RunAsync();
        }

        [Fact]
        public async Task ALaterSectionThatSetsProfileStandardIsReported()
        {
            const string Config = "root = true\n\n[*.cs]\nmodel_policy.profile = regulated\nmodel_policy.denied_origins = CN\n\n[Lab/**.cs]\nmodel_policy.profile = standard\n";
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add(("/Lab/Try.cs", "class C { string M = {|#1:\"qwen-max\"|}; }"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Config));
            test.TestState.AdditionalFiles.Add(("/.editorconfig", Config.Replace("model_policy.profile = regulated", "{|#0:model_policy.profile = regulated|}")));
            test.ExpectedDiagnostics.Add(Disabled().WithLocation(0).WithMessage(
                "'model_policy.profile = regulated (.editorconfig line 4 [*.cs])' is set aside (the profile in force is 'standard') by a nested .editorconfig with root = true or a later section (for /Lab/Try.cs): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002").WithLocation(1).WithArguments("qwen-max", "Alibaba, CN, closed weights", "origin CN is denied by model_policy.denied_origins"));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("/0/Models.g.cs", "// no header", "the file name Models.g.cs")]
        [InlineData("/0/Models.cs", "// <auto-generated/>", "an <auto-generated> header")]
        public async Task AGeneratedCodeMarkerThatHidesADeniedModelIsReported(string path, string header, string marker)
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            test.TestState.Sources.Add((path, header + "\nclass C\n{\n    string M = \"qwen-max\";\n    string U = \"https://api.deepseek.com/v1\";\n    string Ok = \"gpt-4o\";\n}\n"));
            test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", Regulated()));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'" + marker + "' marks the file as generated, so the analyzer skips it, and it holds 'qwen-max' (line 4), which the policy denies: origin CN is denied by model_policy.denied_origins in a regulated scope (in " + path + "): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            test.ExpectedDiagnostics.Add(Disabled().WithMessage(
                "'" + marker + "' marks the file as generated, so the analyzer skips it, and it holds endpoint 'api.deepseek.com' (line 5), which the policy denies: origin CN is denied by model_policy.denied_origins in a regulated scope (in " + path + "): a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"));
            await test.RunAsync();
        }

        [Fact]
        public Task GeneratedCodeOutsideARegulatedScopeIsNotReported() => Verify.AnalyzerAsync(
            "// <auto-generated/>\nclass C { string M = \"qwen-max\"; }\n",
            Verify.Policy("model_policy.denied_origins = CN"));

        [Fact]
        public async Task TheCommandLineProfileStandardDoesNotUndoARegulatedEditorConfig()
        {
            // -p:ModelPolicyProfile=standard: the strictest word wins, so the folder stays regulated and the violation an error.
            var test = Test(Regulated(), "class C { string M = {|#0:\"qwen-max\"|}; }");
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelPolicyProfile = standard\n"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0));
            await test.RunAsync();
        }
    }
}
