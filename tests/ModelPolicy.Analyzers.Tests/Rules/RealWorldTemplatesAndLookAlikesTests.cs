using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// More shapes from real repositories (tests/RealWorld/FINDINGS.md): URL templates with holes in the host, SDK calls
    /// that do not bind, entries of an SDK's own model list; and what looks like an id but is not one: family words with a
    /// lone number (test labels), native library, meter and search names, made-up hosts with ports in tests.
    /// </summary>
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0003")]
    public class RealWorldTemplatesAndLookAlikesTests
    {
        private const string NoPolicy = "root = true\n[*.cs]\n";
        private const string DenyCN = "root = true\n[*.cs]\nmodel_policy.denied_origins = CN\nmodel_policy.denied_endpoint_origins = CN\n";

        [Fact]
        public Task UrlTemplatesWithHolesInTheHostMatchTheCatalogsHostPatterns() => Verify.AnalyzerAsync("""
            class C
            {
                string Azure(string account) => {|#0:$"https://{account}.openai.azure.com/"|};
                string Foundry(string resource) => {|#1:$"https://{resource}.services.ai.azure.com/models"|};
                string Bedrock(string region) => {|#2:$"https://bedrock-runtime.{region}.amazonaws.com"|};
                string Format(string x) => string.Format({|#3:"https://{0}.openai.azure.com"|}, x);
                const string Vertex = {|#4:"https://{0}/v1/projects/{1}/locations/{2}/publishers/anthropic/models/{3}:{4}"|};
                string Proxy(string host) => {|#5:$"https://{host}/v1/chat/completions"|};
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("{account}.openai.azure.com", "Microsoft, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("{resource}.services.ai.azure.com", "Microsoft, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(2).WithArguments("bedrock-runtime.{region}.amazonaws.com", "Amazon, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(3).WithArguments("{0}.openai.azure.com", "Microsoft, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(4).WithArguments("{0}", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(5).WithArguments("{host}", "host not in the catalog"));

        [Fact]
        public Task TemplatesWhoseHostSaysNothingOfAnAiApiAreNotEndpoints() => Verify.AnalyzerAsync("""
            class C
            {
                string Shop(string name) => $"https://{name}.contoso.com/";
                string Docs(string host) => $"https://{host}/docs/index";
                const string Users = "https://{0}/v1/users/{1}";
                string Format(string x) => string.Format("https://{0}:8443/health", x);
            }
            """,
            NoPolicy);

        [Fact]
        public Task SdkCallsThatDoNotBindAreJudgedByTheirNames() => WithoutSdksAsync("""
                using OpenAI;
                using OpenAI.Chat;

                class C
                {
                    object A(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
                    object B(OpenAIClient client) => client.GetChatClient({|MP0002:"qwen-max"|});
                    object D(OpenAIClient client) => client.GetChatClient({|MP0001:"o1"|});
                    object E(OpenAIClient client) => client.AsEmbeddingGenerator({|MP0005:"embeddingsmall"|});
                    object F(Builder b) => b.UseModel({|MP0005:"orders-assistant"|});
                    object G(string key) => new ChatClient(model: {|MP0001:"o3"|}, key);
                    object H() => new ChatOptions { ModelId = {|MP0005:"orders-assistant"|} };
                    object I(System.Uri uri) => new OllamaApiClient(uri, {|MP0001:"o1"|});
                    object J() => new AiModel { EndPoint = {|MP0003:"http://localhost:8000/"|} };
                }
                """);

        [Fact]
        public Task UnboundCallsWithOtherNamesStaySilent() => WithoutSdksAsync("""
                using OpenAI;

                class C
                {
                    object A(OpenAIClient client) => client.GetChatClient("deployment-name");
                    object B(Widget w) => w.Configure(name: "orders-assistant");
                    object D(Widget w) => w.Configure("o1");
                    object E(Widget w) => new Widget { Make = "orders-assistant", Title = "o1" };
                }
                """);

        [Fact]
        public Task FamilyWordsWithALoneNumberAreLookAlikesUnlessTheCatalogSpellsThem() => Verify.AnalyzerAsync("""
            class C
            {
                string[] Labels = { "deepseek-1", "deepseek-3", "kimi-1", "gpt-1", "claude-test", "qwen-fake" };
                string DisplayName = "SparkDesk-Pro";
                string[] Real = { {|MP0001:"whisper-1"|}, {|MP0001:"tts-1"|}, {|MP0001:"claude-2"|}, {|MP0001:"gpt-4"|}, {|MP0001:"text-embedding-3-small"|}, {|MP0002:"glm-4"|} };
            }
            """,
            DenyCN);

        [Fact]
        public Task NativeLibraryMeterAndSearchNamesAreNotModels() => Verify.AnalyzerAsync("""
            using System.Diagnostics;
            using System.Diagnostics.Metrics;
            using System.Runtime.InteropServices;

            class Native
            {
                const string DllName = "stable-diffusion";
                const string Backend = "llama-3.1-8b";

                [DllImport(DllName)] static extern void new_sd_ctx();
                [DllImport("stable-diffusion-cpp")] static extern void free_sd_ctx();
                static void Load() => NativeLibrary.Load(Backend);
            }

            class Eval { public void SetMeterId(string id) { } public void SetParameter(string value) { } }

            class Telemetry
            {
                Meter Meter = new Meter("llama3.1");
                ActivitySource Source = new ActivitySource("phi-3-mini");

                void M(Eval e)
                {
                    e.SetMeterId("llama3");
                    var query = "phi-3";
                    var searchText = "qwen2.5-coder";
                    e.SetParameter({|MP0001:"llama3.1"|});
                    var research = {|MP0001:"phi-3"|};
                }
            }
            """,
            NoPolicy);

        [Fact]
        public async Task MadeUpHostsWithPortsInTestsAreNotEndpoints()
        {
            var test = Verify.Test(NoPolicy);
            test.TestState.Sources.Add(("/src/Orders.Tests/EndpointTests.cs", """
                class EndpointTests
                {
                    string A = "https://fake-random-test-host:123/v1/chat/completions";
                    string B = "https://something:8080/chat/completions";
                    string C = {|MP0003:"http://ollama:11434"|};
                    string D = {|MP0003:"http://localhost:8080/v1"|};
                }
                """));
            test.TestState.Sources.Add(("/src/Orders/Endpoints.cs", """
                class Endpoints
                {
                    string B = {|MP0003:"https://something:8080/chat/completions"|};
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task HostsOfAggregatorsAndOpenAIsMutualTlsHost() => Verify.AnalyzerAsync("""
            class Providers
            {
                string TokenPony = {|#0:"https://api.tokenpony.cn/v1"|};
                string Novita = {|#1:"https://api.novita.ai/openai"|};
                string Mtls = {|#2:"https://mtls.api.openai.com/v1/"|};
            }
            """,
            DenyCN,
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("api.tokenpony.cn", "TokenPony, CN, region unknown", "origin CN is denied by model_policy.denied_endpoint_origins"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("api.novita.ai", "Novita AI, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(2).WithArguments("mtls.api.openai.com", "OpenAI, US, region unknown"));

        [Fact]
        public Task AmbiguousIdsInAListOfModelsAreModels() => Verify.AnalyzerAsync("""
            public static class Models
            {
                public static string Gpt4 => {|MP0001:"gpt-4"|};
                public static string Gpt4o => {|MP0001:"gpt-4o"|};
                public const string O3Mini = {|MP0001:"o3-mini"|};
                public static string Babbage => {|MP0001:"babbage"|};
                public static string O1 => {|MP0001:"o1"|};
            }

            public static class Settings
            {
                public static string Mode => "command";
                public static string Babbage => "babbage";
                public static string Title => "Orders";
                public static string Chat => {|MP0001:"gpt-4o"|};
            }
            """,
            NoPolicy);

        [Fact]
        public Task TupleKeysOfTablesAndUrisInAssertionsAreNotChoices() => Verify.AnalyzerAsync("""
            using System;
            using System.Collections.Generic;

            record ModelPricing(decimal Input, decimal Output);

            class Asserts { public static void Equal(object a, object b) { } }

            class C
            {
                List<(string Prefix, ModelPricing Pricing)> Prices = new() { ("claude-opus-4-6", new ModelPricing(5m, 25m)) };
                List<(string Model, string Vendor)> Offered = new() { ({|MP0001:"gpt-4o"|}, "OpenAI") };
                void T(Uri actual) => Asserts.Equal(new Uri("https://api.openai.com/v1"), actual);
                Uri Used = new Uri({|MP0003:"https://api.openai.com/v1"|});
            }
            """,
            NoPolicy);

        [Fact]
        public Task AFrameworkUriOrBaseAddressOnAspNetCoresDevelopmentPortsIsNoModelServer() => Verify.AnalyzerAsync("""
            using System;
            using System.Net.Http;

            class C
            {
                Uri Agent = new Uri("http://localhost:5000");
                void Presidio(HttpClient client) => client.BaseAddress = new Uri("http://localhost:5001");
                Uri Ollama = new Uri({|#0:"http://localhost:11434"|});
                Uri LlamaCpp = new Uri({|#1:"http://localhost:8080"|});
                Uri Zhipu = new Uri({|#2:"https://open.bigmodel.cn/"|});
            }
            """,
            DenyCN,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("localhost", "self-hosted Ollama"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("localhost", "self-hosted llama.cpp server"),
            Verify.Diagnostic("MP0004").WithLocation(2).WithArguments("open.bigmodel.cn", "Zhipu AI, CN, region unknown", "origin CN is denied by model_policy.denied_endpoint_origins"));

        /// <summary>As where the SDK packages are not restored: no SDK reference, every SDK type an error type.</summary>
        private static Task WithoutSdksAsync(string source)
        {
            var test = Verify.Test(DenyCN);
            test.TestState.AdditionalReferences.Clear();
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            test.TestCode = source;
            return test.RunAsync();
        }
    }
}
