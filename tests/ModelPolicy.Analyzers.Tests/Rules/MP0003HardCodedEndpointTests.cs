using System.Threading.Tasks;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0003: provider endpoints in any position, known hosts anywhere, unknown hosts only in SDK endpoint positions.</summary>
    [Trait("Rule", "MP0003")]
    public class MP0003HardCodedEndpointTests
    {
        [Fact]
        public Task UrlsOfCatalogHostsInAnyPosition() => Verify.AnalyzerAsync("""
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                const string Base = {|MP0003:"https://api.deepseek.com"|};

                async Task M(HttpClient http, HttpContent body)
                {
                    http.BaseAddress = new Uri({|MP0003:"https://api.mistral.ai/v1/"|});
                    await http.PostAsync({|MP0003:"https://api.openai.com/v1/chat/completions"|}, body);
                    await http.PostAsync({|MP0003:$"https://dashscope.aliyuncs.com/api/v1/services/{Path()}"|}, body);
                    var ws = new Uri({|MP0003:"wss://api.openai.com/v1/realtime?model=gpt-4o-realtime-preview"|});
                }

                string Path() => "aigc/text-generation/generation";
            }
            """);

        [Fact]
        public Task SdkEndpointPositions() => Verify.AnalyzerAsync("""
            using System;
            using System.ClientModel;
            using Anthropic;
            using OpenAI;

            class C
            {
                void M(string key)
                {
                    var local = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri({|MP0003:"http://localhost:1234/v1"|}) });
                    var proxy = new AnthropicClient { BaseUrl = {|MP0003:"https://llm-proxy.internal.contoso.net"|} };
                    var direct = new AnthropicClient { BaseUrl = {|MP0003:"https://api.anthropic.com"|} };
                }
            }
            """);

        [Fact]
        public Task MessageNamesTheOperatorItsCountryAndTheRegion() => Verify.AnalyzerAsync(
            """
            class C
            {
                string A = {|#0:"https://openrouter.ai/api/v1"|};
                string B = {|#1:"https://api.moonshot.cn/v1"|};
            }
            """,
            null,
            Verify.Diagnostic("MP0003").WithLocation(0).WithMessage("Hard-coded provider endpoint 'openrouter.ai' (OpenRouter, US, region unknown): move it to configuration"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithMessage("Hard-coded provider endpoint 'api.moonshot.cn' (Moonshot AI, CN, region unknown): move it to configuration"));

        [Fact]
        public Task UrlsInJsonBodies() => Verify.AnalyzerAsync("""
            class C
            {
                const string Config = {|MP0003:"{\"base_url\": \"https://api.groq.com/openai/v1\", \"timeout\": 30}"|};
            }
            """);

        [Fact]
        public Task OtherUrlsAreNotEndpoints() => Verify.AnalyzerAsync("""
            using System;

            class C
            {
                string Docs = "https://platform.openai.com/docs/models";
                string Help = "https://help.aliyun.com/zh/model-studio/getting-started/models";
                string Image = "https://dashscope.oss-cn-beijing.aliyuncs.com/images/dog_and_girl.jpeg";
                string Site = "https://www.deepseek.com/";
                string Api = "https://api.github.com/repos";
                Uri Relative = new Uri("/v1/chat/completions", UriKind.Relative);
                string Prose = "Calls go to https://api.openai.com/v1 unless configured otherwise.";
                string Partial = $"https://{Environment.GetEnvironmentVariable("HOST")}/v1";
            }
            """);
    }
}
