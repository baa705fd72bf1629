using System.Threading.Tasks;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// Precision rules from the held-out real-world set (tests/RealWorld/FINDINGS.md, "Held-out set (issue 13)"): each kind of
    /// code that is not a choice of model or endpoint, next to its twin that still is.
    /// </summary>
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0002")]
    [Trait("Rule", "MP0003")]
    public class PrecisionShapesTests
    {
        private const string NoPolicy = "root = true\n[*.cs]\n";

        private const string DenyCn = "root = true\n[*.cs]\nmodel_policy.denied_origins = CN\nmodel_policy.denied_endpoint_origins = CN\n";

        [Fact]
        public Task ExpectedValuesNestedInAssertionsAreNotChoices() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Linq;

            static class Assert
            {
                public static void Equal<T>(T expected, T actual) { }
                public static void ShouldBe<T>(this T actual, T expected) { }
            }

            class Tests
            {
                private static readonly Dictionary<string, string> ExpectedEndpoints = new() { ["minimax"] = "https://api.minimax.io/v1" };
                private static readonly string[] ExpectedModels = { "claude-3-7-sonnet-20250219" };

                void T(List<(string, string)> invocations, string[] ids, string id)
                {
                    Assert.Equal([("a", "gpt-4o"), ("b", "claude-3-7-sonnet-20250219")], invocations);
                    ids.ShouldBe(["MiniMax-M2.7", "gpt-4o-mini"]);
                    Assert.Equal(new[] { "gpt-4.1" }, ids);
                    Assert.Equal(new List<string> { "o4-mini" }, ids.ToList());
                    var known = new[] { "gpt-4o", "gpt-4.1-mini" }.Contains(id);
                    Assert.Equal(new System.Uri("https://api.openai.com/v1"), new System.Uri(id));
                }
            }
            """,
            NoPolicy);

        [Fact]
        public Task AnIdBesideAnAssertionIsStillReported() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;

            static class Assert { public static void Equal<T>(T expected, T actual) { } }

            class Tests
            {
                private static readonly string[] Models = { {|MP0001:"claude-3-7-sonnet-20250219"|} };
                private static readonly List<(string, string)> Offered = new() { ({|MP0001:"gpt-4o"|}, "openai") };
                private static readonly Dictionary<string, string> Endpoints = new() { ["openai"] = {|#0:"https://api.openai.com/v1"|} };

                void T(List<string> actual)
                {
                    var chosen = new List<string> { {|MP0001:"gpt-4o"|} };
                    Assert.Equal(chosen, actual);
                }
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("api.openai.com", "OpenAI, US, region unknown"));

        [Fact]
        public Task ArgumentsOfLogAndPrintCallsAreNotChoices() => Verify.AnalyzerAsync("""
            using System;
            using Microsoft.Extensions.Logging;

            static partial class Log
            {
                [LoggerMessage(Level = LogLevel.Information, Message = "Using {Model}")]
                public static partial void UsingModel(ILogger logger, string model);
            }

            static partial class Log { public static partial void UsingModel(ILogger logger, string model) { } }

            class C
            {
                void M(ILogger<C> logger, string key)
                {
                    logger.LogInformation("Configuring agent {Key} for model '{Model}'", key, "gpt-5-mini");
                    logger.Log(LogLevel.Debug, "model {Model}", "gpt-4o");
                    Log.UsingModel(logger, "claude-sonnet-4-5");
                    Console.WriteLine("gpt-4.1-mini");
                    System.Diagnostics.Debug.WriteLine("o4-mini");
                    Console.WriteLine("http://localhost:11434");
                }
            }
            """,
            NoPolicy);

        [Fact]
        public Task AChoiceInsideALoggingMethodIsStillReported() => Verify.AnalyzerAsync("""
            using Microsoft.Extensions.Logging;
            using OpenAI.Chat;
            using OpenAI;

            class C
            {
                void M(ILogger logger, OpenAIClient client)
                {
                    logger.LogInformation("client {Client}", client.GetChatClient({|MP0001:"gpt-4o"|}));
                    var model = {|MP0001:"gpt-5-mini"|};
                    logger.LogInformation("model {Model}", model);
                    Write({|MP0001:"gpt-4.1-mini"|});
                }

                void Write(string model) { }
            }
            """,
            NoPolicy);

        [Fact]
        public Task ProviderNamesAliasesAndIconSlugsAreNotIds() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } }

            class DeepSeekProvider
            {
                public virtual string Provider => "deepseek-ai";
                public string Vendor { get; } = "deepseek-chat";
                private static readonly Dictionary<string, string> ProviderIconSlugs = new() { ["bigmodel"] = "chatglm", ["qwen"] = "qwen-max" };
                public string Organisation => "meta-llama";

                [InlineData("deepseek-openai")]
                [InlineData("deepseek-chat")]
                public void Parses(string providerType) { }
            }
            """,
            DenyCn);

        [Fact]
        public Task IdsNextToProviderNamesAreStillReported() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;

            [System.AttributeUsage(System.AttributeTargets.Method, AllowMultiple = true)]
            class InlineDataAttribute : System.Attribute { public InlineDataAttribute(params object[] data) { } }

            class DeepSeekProvider
            {
                public string Provider => {|MP0002:"deepseek-v3.1"|};
                public string DefaultModel => {|MP0002:"deepseek-chat"|};
                private static readonly Dictionary<string, string> DefaultModelByProvider = new() { ["deepseek"] = {|MP0002:"deepseek-reasoner"|} };
                private static readonly Dictionary<string, string> Body = new() { ["model"] = {|MP0002:"deepseek-chat"|} };
                public string Hub => {|MP0002:"deepseek-ai/DeepSeek-V3"|};

                [InlineData("deepseek", {|MP0002:"deepseek-chat"|})]
                public void Parses(string providerType, string modelId) { }

                [InlineData("smart", {|MP0002:"deepseek-reasoner"|})]
                public void Routes(string tier, string expected) { }
            }
            """,
            DenyCn);

        [Fact]
        public Task UrlsThatTakeNoPromptsAreNotEndpoints() => Verify.AnalyzerAsync("""
            class C
            {
                string Feishu(string type) => "https://open.feishu.cn/open-apis/im/v1/messages?receive_id_type=" + type;
                string Reply = "https://open.feishu.cn/open-apis/im/v1/messages/om_1/reply";
                public const string ChromaUri = "http://localhost:8000/api/v1/";
                string Download(string id) => $"https://generativelanguage.googleapis.com/download/v1beta/files/{id}:download?alt=media";
                string Media = "https://generativelanguage.googleapis.com/v1beta/files/abc?alt=media";
            }
            """,
            NoPolicy);

        [Fact]
        public Task AiApiPathsOnTheSameHostsAndPortsAreStillEndpoints() => Verify.AnalyzerAsync("""
            class C
            {
                string Claude = {|#0:"https://llm-proxy.contoso.net/v1/messages"|};
                string Gateway = {|#1:"https://gateway.contoso.net/anthropic/v1/messages?beta=true"|};
                string Lemonade = {|#2:"http://localhost:8000/api/v1/chat/completions"|};
                string LemonadeOld = {|#3:"http://localhost:8000/api/v0"|};
                string Base(string? url) => (url ?? {|#5:"https://api.openai.com/v1"|}).TrimEnd('/');
                string Generate(string model) => {|#4:$"https://generativelanguage.googleapis.com/v1beta/models/{model}:generateContent"|};
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("llm-proxy.contoso.net", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("gateway.contoso.net", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(2).WithArguments("localhost", "self-hosted Lemonade Server"),
            Verify.Diagnostic("MP0003").WithLocation(3).WithArguments("localhost", "self-hosted Lemonade Server"),
            Verify.Diagnostic("MP0003").WithLocation(4).WithArguments("generativelanguage.googleapis.com", "Google, US, region unknown"),
            Verify.Diagnostic("MP0003").WithLocation(5).WithArguments("api.openai.com", "OpenAI, US, region unknown"));

        [Fact]
        public Task PathPatternsAndTokenizerLookupsAreNotChoices() => Verify.AnalyzerAsync("""
            using System.Linq;

            class GptEncoding { public static GptEncoding GetEncodingForModel(string modelName) => new(); }
            class TiktokenTokenizer { public static TiktokenTokenizer CreateForModel(string model) => new(); }

            record ModelPricing(decimal Input, decimal Output);

            class C
            {
                private static readonly System.Collections.Generic.List<(string Prefix, ModelPricing Pricing)> BuiltInPricing = new()
                {
                    ("claude-opus-4-6", new ModelPricing(5m, 25m)),
                    ("claude-3-5-haiku", new ModelPricing(0.8m, 4m)),
                };
                private static readonly (string, int)[] Windows = [("gpt-4o", 128000)];
                private static readonly string[] ClaudeDeploymentPatterns = { "deployments/claude-haiku", "deployments/claude-sonnet-4-5" };
                bool IsClaude(string url) => ClaudeDeploymentPatterns.Any(url.Contains);
                GptEncoding E = GptEncoding.GetEncodingForModel("gpt-4");
                TiktokenTokenizer T = TiktokenTokenizer.CreateForModel("gpt-4o");
            }
            """,
            NoPolicy);

        [Fact]
        public Task IdsBesidePatternsAndTokenizersAreStillReported() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class GptEncoding { public static GptEncoding GetEncodingForModel(string modelName) => new(); }

            class C
            {
                private static readonly string[] ClaudeModels = { {|MP0001:"claude-haiku-4-5"|}, {|MP0001:"models/gemini-2.5-pro"|} };
                GptEncoding E = GptEncoding.GetEncodingForModel(Chat.Model);
                ChatClient Client(string key) => new ChatClient(Chat.Model, key);
            }

            static class Chat { public const string Model = {|MP0001:"gpt-4o"|}; }
            """,
            NoPolicy);

        [Fact]
        public Task NamedEndpointDeclarationsOnAiHostsAndLocalServers() => Verify.AnalyzerAsync("""
            public static class FloxiAiConstants
            {
                public const string DefaultEndpoint = {|#0:"https://model.floxi.ai/v1"|};
                public static readonly string BaseUrl = {|#1:"https://inference.contoso.net/api/v1/"|};
                public const string DefaultBaseUrl = {|#2:"http://127.0.0.1:5273/v1"|};
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("model.floxi.ai", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("inference.contoso.net", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(2).WithArguments("127.0.0.1", "self-hosted Foundry Local"));

        [Fact]
        public Task OtherV1BasesAreNotEndpoints() => Verify.AnalyzerAsync("""
            public class Constants
            {
                public const string DefaultEndpoint = "https://api.stripe.com/v1";
                public const string Site = "https://model.floxi.ai/v1";
                public string BaseUrl = "https://model.floxi.ai/v1";
                public const string ApiBase = "https://model.floxi.ai/v1/users?page=2";
                public const string FoundryPortalUrl = "http://127.0.0.1:5273";
            }
            """,
            NoPolicy);

        [Fact]
        public async Task AModelServerConstantFromAnotherFileIsReportedOnceAtItsDeclaration()
        {
            var test = Verify.Test(NoPolicy);
            test.TestState.Sources.Add(("/src/ChatClientProvider.cs", """
                static class ChatClientProvider
                {
                    public const string OllamaEndpoint = {|#0:"http://localhost:11434/"|};
                    public const string Gateway = "https://llm.contoso.net/";
                }
                """));
            test.TestState.Sources.Add(("/src/Program.cs", """
                using System;
                using OllamaSharp;

                class Program
                {
                    OllamaApiClient A() => new OllamaApiClient(new Uri(ChatClientProvider.OllamaEndpoint));
                    OllamaApiClient B() => new OllamaApiClient({|#1:new Uri(ChatClientProvider.Gateway)|});
                }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("localhost", "self-hosted Ollama"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("llm.contoso.net", "host not in the catalog"));
            await test.RunAsync();
        }

        [Fact]
        public async Task InTestCodeAHostTheCatalogDoesNotKnowIsNotReported()
        {
            var test = Verify.Test(NoPolicy);
            test.TestState.Sources.Add(("/src/Chat.Tests/EndpointTests.cs", """
                using System;
                using OpenAI;

                class EndpointTests
                {
                    OpenAIClientOptions A() => new() { Endpoint = new Uri("https://my.custom.com/expected/test/endpoint") };
                    OpenAIClientOptions B() => new() { Endpoint = new Uri("https://llm.gateway.contoso.net/v1/chat/completions") };
                    OpenAIClientOptions C() => new() { Endpoint = new Uri({|#0:"https://api.openai.com/v1"|}) };
                    string Ollama = {|#1:"http://localhost:11434"|};
                }
                """));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("api.openai.com", "OpenAI, US, region unknown"));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("localhost", "self-hosted Ollama"));
            await test.RunAsync();
        }

        [Fact]
        public Task AParameterReassignedBeforeAModelPositionIsFollowed() => Verify.AnalyzerAsync("""
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient M(OpenAIClient client, string? model)
                {
                    model = model switch
                    {
                        null => {|MP0001:"o4-mini"|},
                        "latest-smart" => {|MP0001:"o3"|},
                        _ => model,
                    };
                    return client.GetChatClient(model);
                }

                string N(string? label)
                {
                    label = label switch { "smart" => "o3", _ => label };
                    return label;
                }
            }
            """,
            NoPolicy);

        [Fact]
        public Task DocumentFileNamesAreNotIdsButWeightsFilesAre() => Verify.AnalyzerAsync("""
            class C
            {
                void M(System.Text.StringBuilder sb)
                {
                    sb.Append("gpt-4-turbo-pricing.md");
                    sb.Append("claude-3-opus-notes.PDF");
                    var weights = {|MP0001:"Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf"|};
                    var model = {|MP0001:"gpt-4o-2024-08-06"|};
                }
            }
            """);

        [Fact]
        public Task AspNetDevelopmentPortsNeedTheModelServersOwnPath() => Verify.AnalyzerAsync("""
            class C
            {
                object Hook(string name) => new { name, url = "https://hooks.localhost:5001/basket", callback = "http://localhost:5000/orders" };
                object Kobold() => new { url = {|MP0003:"http://localhost:5001/api/v1/generate"|} };
            }
            """);
    }
}
