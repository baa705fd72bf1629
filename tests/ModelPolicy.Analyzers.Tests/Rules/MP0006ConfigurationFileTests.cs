using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0006: model ids and endpoints in configuration files, under the policy of their folder, at the value's line.</summary>
    [Trait("Rule", "MP0006")]
    public class MP0006ConfigurationFileTests
    {
        private const string Settings = """
            {
              // routes the code reads through ModelPolicy.Routing
              "Logging": { "LogLevel": { "Default": "Information" } },
              "ModelRoutes": {
                "chat": {
                  "Model": "gpt-4o",
                  "Endpoint": "https://api.openai.com/v1",
                  "Fallbacks": [ "chat-cheap", { "Model": {|#0:"deepseek-chat"|}, "Endpoint": {|#1:"https://api.deepseek.com/v1"|} } ]
                },
                "chat-cheap": { "Model": {|#2:"qwen-max"|}, "Endpoint": {|#3:"https://dashscope.aliyuncs.com/compatible-mode/v1"|} },
              },
              "Docs": "https://platform.openai.com/docs",
              "Embeddings": { "ModelId": "text-embedding-3-small" }
            }
            """;

        [Fact]
        public async Task DeniedValuesAreReportedAtTheirLineAndColumn()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN"));
            test.TestState.AdditionalFiles.Add(("/appsettings.json", Settings));
            test.TestCode = "class C { }";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006").WithLocation(0)
                .WithMessage("Model 'deepseek-chat' (DeepSeek, CN, open weights) at ModelRoutes:chat:Fallbacks:1:Model is not allowed here: origin CN is denied by model_policy.denied_origins"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006").WithLocation(1)
                .WithMessage("Endpoint 'api.deepseek.com' (DeepSeek, CN, region CN) at ModelRoutes:chat:Fallbacks:1:Endpoint is not allowed here: origin CN is denied by model_policy.denied_origins"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006").WithLocation(2));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006").WithLocation(3));
            await test.RunAsync();
        }

        [Fact]
        public async Task AFileInARegulatedFolderFollowsThatFoldersPolicy()
        {
            var test = Verify.Test("""
                root = true

                [*.cs]
                model_policy.denied_origins = RU

                [Payments/**.cs]
                model_policy.profile = regulated
                model_policy.allowed_origins = US, EU
                """);
            test.TestState.Sources.Add(("/Payments/Refunds.cs", "class Refunds { }"));
            test.TestState.Sources.Add(("/Lab/Experiment.cs", "class Experiment { }"));
            test.TestState.AdditionalFiles.Add(("/Payments/appsettings.json", """{ "ModelRoutes": { "refunds": { "Model": {|#0:"qwen-max"|} } } }"""));
            test.TestState.AdditionalFiles.Add(("/Lab/appsettings.Development.json", """{ "ModelRoutes": { "lab": { "Model": "qwen-max" } } }"""));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006", DiagnosticSeverity.Error).WithLocation(0));
            await test.RunAsync();
        }

        [Fact]
        public async Task AnyJsonFileMarkedModelPolicyConfig()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_vendors = DeepSeek"));
            test.TestState.AdditionalFiles.Add(("/config/models.json", """{ "default": { "model": {|#0:"deepseek-reasoner"|} } }"""));
            test.TestState.AdditionalFiles.Add(("/config/other.json", """{ "default": { "model": "deepseek-reasoner" } }"""));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\n\n[/config/models.json]\nbuild_metadata.AdditionalFiles.ModelPolicyConfig = true\n"));
            test.TestCode = "class C { }";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0006").WithLocation(0));
            await test.RunAsync();
        }

        [Theory]
        [InlineData("{ \"ModelRoutes\": { \"chat\": { \"Model\": \"gpt-4o\" } }", "expected")]
        [InlineData("{ \"a\": [1, 2 }", "expected")]
        [InlineData("{ \"a\": \"unterminated }", "string")]
        [InlineData("{ \"a\": tru }", "")]
        [InlineData("", "")]
        [InlineData("{ \"a\": 1 } trailing", "")]
        [InlineData("/* never closed", "")]
        public async Task MalformedJsonIsOneDiagnosticAtTheFirstError(string json, string messagePart)
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN"));
            test.TestState.AdditionalFiles.Add(("/appsettings.json", json));
            test.TestCode = "class C { string M = {|#0:\"qwen-max\"|}; }";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002").WithLocation(0));
            var parsed = ModelPolicy.Json.JsonDocumentReader.Parse(json);
            Assert.False(parsed.IsSuccess);
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0008")
                .WithSpan("/appsettings.json", parsed.Error!.Line, parsed.Error.Column, parsed.Error.Line, parsed.Error.Offset < json.Length ? parsed.Error.Column + 1 : parsed.Error.Column)
                .WithMessage("Invalid model policy configuration: /appsettings.json(" + parsed.Error.Line + "," + parsed.Error.Column + ") is not valid JSON, so its model ids and endpoints cannot be judged: " + parsed.Error.Message));
            Assert.Contains(messagePart, parsed.Error.Message);
            await test.RunAsync();
        }
    }
}
