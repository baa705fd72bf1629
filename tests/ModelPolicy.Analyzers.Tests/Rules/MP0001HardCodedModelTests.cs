using System.Threading.Tasks;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0001 in every position of every SDK, through every flow the analyzer follows.</summary>
    [Trait("Rule", "MP0001")]
    public class MP0001HardCodedModelTests
    {
        // ---- OpenAI ----------------------------------------------------------------------------

        [Fact]
        public Task OpenAIConstructorPositionalNamedAndTargetTyped() => Verify.AnalyzerAsync("""
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;
            using OpenAI.Embeddings;

            class C
            {
                ChatClient A(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
                EmbeddingClient B(string key) => new EmbeddingClient(credential: new ApiKeyCredential(key), model: {|MP0001:"text-embedding-3-large"|});
                ChatClient D(string key) { ChatClient c = new({|MP0001:"gpt-4o-mini"|}, key); return c; }
            }
            """);

        [Fact]
        public Task OpenAIClientFactoryMethods() => Verify.AnalyzerAsync("""
            using OpenAI;

            class C
            {
                void M(OpenAIClient client)
                {
                    var chat = client.GetChatClient({|MP0001:"gpt-4.1"|});
                    var embeddings = client.GetEmbeddingClient({|MP0001:"text-embedding-3-small"|});
                    var images = client.GetImageClient({|MP0001:"dall-e-3"|});
                    var audio = client.GetAudioClient({|MP0001:"whisper-1"|});
                    var moderation = client.GetModerationClient({|MP0001:"omni-moderation-latest"|});
                }
            }
            """);

        // ---- Azure.AI.OpenAI -------------------------------------------------------------------

        [Fact]
        public Task AzureDeploymentNameOfAKnownModel() => Verify.AnalyzerAsync("""
            using System;
            using System.ClientModel;
            using Azure.AI.OpenAI;

            class C
            {
                void M(string key)
                {
                    var azure = new AzureOpenAIClient(new Uri({|MP0003:"https://contoso.openai.azure.com/"|}), new ApiKeyCredential(key));
                    var chat = azure.GetChatClient(deploymentName: {|MP0001:"gpt-4o"|});
                    var embeddings = azure.GetEmbeddingClient({|MP0001:"text-embedding-3-small"|});
                }
            }
            """);

        // ---- Microsoft.Extensions.AI -----------------------------------------------------------

        [Fact]
        public Task ExtensionsAIOptionsAndAdapters() => Verify.AnalyzerAsync("""
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                async System.Threading.Tasks.Task M(OpenAIClient client)
                {
                    IChatClient chat = client.GetChatClient({|MP0001:"gpt-4o-mini"|}).AsIChatClient();
                    var response = await chat.GetResponseAsync("Hello there", new ChatOptions { ModelId = {|MP0001:"gpt-4o"|} });
                    var options = new EmbeddingGenerationOptions();
                    options.ModelId = {|MP0001:"text-embedding-3-large"|};
                }
            }
            """);

        // ---- Semantic Kernel -------------------------------------------------------------------

        [Fact]
        public Task SemanticKernelBuilderAndSettings() => Verify.AnalyzerAsync("""
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: {|MP0001:"gpt-4o-mini"|}, apiKey: key)
                    .AddAzureOpenAIChatCompletion({|MP0005:"gpt4o-prod"|}, {|MP0003:"https://contoso.openai.azure.com/"|}, key, modelId: {|MP0001:"gpt-4o"|})
                    .Build();

                OpenAIPromptExecutionSettings Settings() => new OpenAIPromptExecutionSettings { ModelId = {|MP0001:"gpt-4o"|}, MaxTokens = 200 };
            }
            """);

        // ---- OllamaSharp -----------------------------------------------------------------------

        [Fact]
        public Task OllamaConstructorSelectedModelAndConfiguration() => Verify.AnalyzerAsync("""
            using System;
            using OllamaSharp;
            using OllamaSharp.Models;

            class C
            {
                void M()
                {
                    var a = new OllamaApiClient(new Uri({|MP0003:"http://localhost:11434"|}), {|MP0001:"llama3.1:8b"|});
                    var b = new OllamaApiClient({|MP0003:"http://localhost:11434"|});
                    b.SelectedModel = {|MP0001:"qwen2.5:7b"|};
                    var c = new OllamaApiClient(new OllamaApiClient.Configuration { Uri = new Uri({|MP0003:"http://gpu-box.internal:11434"|}), Model = {|MP0001:"mistral"|} });
                    var request = new GenerateRequest { Model = {|MP0001:"codellama"|}, Prompt = "fizzbuzz in C#" };
                }
            }
            """);

        // ---- LLamaSharp ------------------------------------------------------------------------

        [Fact]
        public Task LLamaSharpModelPaths() => Verify.AnalyzerAsync("""
            using LLama.Common;

            class C
            {
                void M()
                {
                    var a = new ModelParams({|MP0001:"models/qwen2.5-7b-instruct-q4_k_m.gguf"|}) { ContextSize = 2048 };
                    var b = new ModelParams(modelPath: {|MP0001:"/opt/models/mistral-7b-instruct-v0.2.Q5_K_M.gguf"|});
                    b.ModelPath = {|MP0001:@"C:\models\Meta-Llama-3-8B-Instruct.Q4_K_M.gguf"|};
                }
            }
            """);

        // ---- Anthropic -------------------------------------------------------------------------

        [Fact]
        public Task AnthropicStringAndSdkEnumModels() => Verify.AnalyzerAsync("""
            using Anthropic;
            using Anthropic.Models.Messages;
            using Microsoft.Extensions.AI;

            class C
            {
                MessageCreateParams A() => new() { Model = {|MP0001:"claude-sonnet-4-6"|}, MaxTokens = 256, Messages = [new UserMessageParam("Hi")] };
                MessageCreateParams B() => new() { Model = {|MP0001:Model.ClaudeOpus4_7|}, MaxTokens = 256, Messages = [new UserMessageParam("Hi")] };
                IChatClient D() => new AnthropicClient().AsIChatClient({|MP0001:"claude-haiku-4-5"|});
            }
            """);

        [Theory]
        [InlineData("ClaudeOpus4_7", "claude-opus-4-7")]
        [InlineData("ClaudeHaiku4_5_20251001", "claude-haiku-4-5-20251001")]
        [InlineData("ClaudeMythosPreview", "claude-mythos-preview")]
        [InlineData("ClaudeSonnet5", "claude-sonnet-5")]
        public void SdkEnumMembersMapToWireIds(string member, string id) =>
            Assert.Equal(id, ModelPolicy.Analyzers.Values.ValueResolver.SdkModelId(member));

        // ---- request bodies --------------------------------------------------------------------

        [Fact]
        public Task AnonymousObjectsAndDictionaries() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;
            using System.Text.Json.Nodes;

            class C
            {
                object A() => new { model = {|MP0001:"deepseek-chat"|}, messages = new[] { new { role = "user", content = "Hi" } } };
                object B() => new Dictionary<string, object> { ["model"] = {|MP0001:"qwen-plus"|}, ["temperature"] = 0.2 };
                object D() => new Dictionary<string, string> { { "model", {|MP0001:"mistral-large-latest"|} } };
                object E() { var body = new JsonObject(); body["model"] = {|MP0001:"gpt-4o"|}; return body; }
                object F(string model) => new { model };
            }
            """);

        [Fact]
        public Task JsonInsideStringLiterals() => Verify.AnalyzerAsync("""""
            class C
            {
                const string Regular = {|MP0001:"{\"model\":\"gpt-4o\",\"stream\":false}"|};
                const string Verbatim = {|MP0001:@"{ ""model"": ""qwen-max"", ""input"": {} }"|};
                const string Raw = {|MP0001:""""
                    { "model": "deepseek-reasoner", "messages": [] }
                    """"|};
            }
            """"");

        [Fact]
        public async Task JsonInsideAnInterpolatedRawString()
        {
            // $$"""{…{{x}}…}""" reads as markup to the test framework: turn markup off and give the span.
            var test = Verify.Test();
            test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            test.TestCode = """"
                class C
                {
                    string M(string prompt) => $$"""{"model": "glm-4-plus", "messages": [{"role": "user", "content": "{{prompt}}"}]}""";
                }
                """";
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0001").WithSpan(3, 37, 3, 103).WithArguments("glm-4-plus", "Zhipu AI, CN, closed weights"));
            await test.RunAsync();
        }

        // ---- flows -----------------------------------------------------------------------------

        [Fact]
        public Task ConstantsFieldsLocalsAndProperties() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class C
            {
                private const string Fast = {|MP0001:"o3-mini"|};
                private static readonly string Embed = {|MP0001:"o1"|};
                private string Chat => {|MP0001:"o3"|};

                void M(string key)
                {
                    var local = {|MP0001:"o4-mini"|};
                    _ = new ChatClient(Fast, key);
                    _ = new ChatClient(Embed, key);
                    _ = new ChatClient(Chat, key);
                    _ = new ChatClient(local, key);
                }
            }
            """);

        [Fact]
        public Task ConcatenationInterpolationFallbacksTernariesSwitches() => Verify.AnalyzerAsync("""
            using System;
            using OpenAI.Chat;

            class C
            {
                const string Family = "deepseek";
                const string Size = "7b";

                void M(string key, bool cheap, int tier)
                {
                    _ = new ChatClient({|MP0001:Family + "-chat"|}, key);
                    _ = new ChatClient({|MP0001:$"qwen2.5:{Size}"|}, key);
                    _ = new ChatClient(Environment.GetEnvironmentVariable("CHAT_MODEL") ?? {|MP0001:"gpt-4o"|}, key);
                    _ = new ChatClient(cheap ? {|MP0001:"o1"|} : {|MP0001:"o3"|}, key);
                    _ = new ChatClient(tier switch { 0 => {|MP0001:"o4-mini"|}, _ => {|MP0001:"gpt-4.1"|} }, key);
                }
            }
            """);

        [Fact]
        public async Task AConstantInAnotherFileIsReportedAtTheUseUnderThisFilesPolicy()
        {
            var test = Verify.Test("root = true\n[Payments/**.cs]\nmodel_policy.denied_origins = CN\n");
            test.TestState.Sources.Add(("/Shared/Models.cs", """
                static class Models
                {
                    public const string Cheap = {|MP0001:"qwen-turbo"|};
                    public static readonly string Local = "phi";
                }
                """));
            test.TestState.Sources.Add(("/Payments/Pay.cs", """
                using OpenAI.Chat;

                class Pay
                {
                    ChatClient A(string key) => new ChatClient({|MP0002:Models.Cheap|}, key);
                    ChatClient B(string key) => new ChatClient({|MP0001:Models.Local|}, key);
                }
                """));
            await test.RunAsync();
        }

        // ---- anywhere --------------------------------------------------------------------------

        [Fact]
        public Task HighConfidenceIdsAnywhereAmbiguousOnesOnlyInAModelPosition() => Verify.AnalyzerAsync("""
            class C
            {
                string[] Candidates = { {|MP0001:"Qwen/Qwen2.5-7B-Instruct"|}, {|MP0001:"deepseek-ai/DeepSeek-R1"|}, {|MP0001:"qwen2.5-7b-instruct-q4_k_m.gguf"|}, {|MP0001:"claude-3-5-sonnet-20240620"|} };
                string[] Ambiguous = { "o1", "phi", "yi", "claude", "qwen", "mistral", "command", "embed-responsive" };
            }
            """);

        [Fact]
        public Task UserWrappersWithModelParametersCountKnownIdsOnly() => Verify.AnalyzerAsync("""
            class Llm
            {
                public string Ask(string prompt, string model) => prompt;
                public string Model { get; set; } = "";
            }

            class C
            {
                void M(Llm llm)
                {
                    llm.Ask("Hi", {|MP0001:"o1"|});
                    llm.Ask("Hi", model: "house-blend");
                    llm.Model = {|MP0001:"phi"|};
                }
            }
            """);

        [Fact]
        public Task MessageNamesVendorOriginAndWeights() => Verify.AnalyzerAsync(
            """
            class C
            {
                string M = {|#0:"qwen2.5:7b"|};
            }
            """,
            null,
            Verify.Diagnostic("MP0001").WithLocation(0).WithMessage("Hard-coded model id 'qwen2.5:7b' (Alibaba, CN, open weights): move it to configuration"));
    }
}
