using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0004: endpoint keys, judged by who runs the host.</summary>
    [Trait("Rule", "MP0004")]
    public class MP0004EndpointNotAllowedTests
    {
        private const string Endpoints = """
            class C
            {
                string DeepSeek = {|#0:"https://api.deepseek.com/v1"|};
                string OpenAI = {|#1:"https://api.openai.com/v1"|};
            }
            """;

        [Fact]
        public Task DeniedOriginsAppliesToEndpointsWhenNoEndpointKeyIsSet() => Verify.AnalyzerAsync(
            Endpoints,
            Verify.Policy("model_policy.denied_origins = CN"),
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("api.deepseek.com", "DeepSeek, CN, region CN", "origin CN is denied by model_policy.denied_origins"),
            Verify.Diagnostic("MP0003").WithLocation(1));

        [Fact]
        public Task DeniedEndpointOrigins() => Verify.AnalyzerAsync(
            Endpoints,
            Verify.Policy("model_policy.denied_endpoint_origins = CN"),
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("api.deepseek.com", "DeepSeek, CN, region CN", "origin CN is denied by model_policy.denied_endpoint_origins"),
            Verify.Diagnostic("MP0003").WithLocation(1));

        [Fact]
        public Task DeniedEndpoints() => Verify.AnalyzerAsync(
            Endpoints,
            Verify.Policy("model_policy.denied_endpoints = *.openai.com"),
            Verify.Diagnostic("MP0003").WithLocation(0),
            Verify.Diagnostic("MP0004").WithLocation(1).WithArguments("api.openai.com", "OpenAI, US, region unknown", "it matches '*.openai.com' in model_policy.denied_endpoints"));

        [Fact]
        public Task AllowedEndpoints() => Verify.AnalyzerAsync(
            Endpoints,
            Verify.Policy("model_policy.allowed_endpoints = api.openai.com, *.openai.azure.com"),
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("api.deepseek.com", "DeepSeek, CN, region CN", "it is not in model_policy.allowed_endpoints"),
            Verify.Diagnostic("MP0003").WithLocation(1));

        [Fact]
        public Task AllowedEndpointsAlsoJudgesUnknownHostsInSdkPositions() => Verify.AnalyzerAsync(
            """
            using System;
            using OllamaSharp;

            class C
            {
                OllamaApiClient Gpu() => new OllamaApiClient(new Uri({|#0:"http://gpu-box.corp.contoso.net:11434"|}));
                OllamaApiClient Local() => new OllamaApiClient(new Uri({|#1:"http://llm.internal.contoso.net:11434"|}));
            }
            """,
            Verify.Policy("model_policy.allowed_endpoints = *.internal.contoso.net"),
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("gpu-box.corp.contoso.net", "host not in the catalog", "it is not in model_policy.allowed_endpoints"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("llm.internal.contoso.net", "host not in the catalog"));

        [Fact]
        public Task RegulatedProfileMakesItAnError() => Verify.AnalyzerAsync(
            Endpoints,
            Verify.Policy("model_policy.denied_endpoint_origins = CN", "model_policy.profile = regulated"),
            Verify.Diagnostic("MP0004", DiagnosticSeverity.Error).WithLocation(0),
            Verify.Diagnostic("MP0003").WithLocation(1));
    }
}
