using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Text;
using Microsoft.CodeAnalysis.Testing;
using ModelPolicy.Analyzers.CodeFixes;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.CodeFixes
{
    /// <summary>"Move model id / endpoint to configuration route": every scope, every SDK position, appsettings.json.</summary>
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0002")]
    [Trait("Rule", "MP0003")]
    [Trait("Rule", "MP0004")]
    [Trait("Rule", "MP0005")]
    public class MoveToRouteCodeFixTests
    {
        private static AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider> Test(string source, string fixedSource, string? fixedSettings, string? settings = null)
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
            test.DisabledDiagnostics.Add("MP0010");
            if (settings != null)
            {
                test.TestState.AdditionalFiles.Add(("/0/appsettings.json", settings));
            }

            if (fixedSettings != null)
            {
                // A created file is written as UTF-8; an edited one keeps its encoding.
                test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", SourceText.From(fixedSettings, settings == null ? Encoding.UTF8 : null)));
            }

            return test;
        }

        [Fact]
        public Task ExistingRoutesFieldIsUsed() => Test(
            """
            using ModelPolicy.Routing;
            using OpenAI.Chat;

            class C
            {
                private readonly IModelRoutes routes;

                C(IModelRoutes routes) { this.routes = routes; }

                ChatClient A(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI.Chat;

            class C
            {
                private readonly IModelRoutes routes;

                C(IModelRoutes routes) { this.routes = routes; }

                ChatClient A(string key) => new ChatClient(routes.GetModel("chat"), key);
            }
            """,
            "{\n  \"ModelRoutes\": {\n    \"chat\": {\n      \"Model\": \"gpt-4o\",\n      \"Provider\": \"openai\"\n    }\n  }\n}\n").RunAsync();
    
        private static string Route(string name, string model, string? provider = null, string? endpoint = null) =>
            "{\n  \"ModelRoutes\": {\n    \"" + name + "\": {\n"
            + (model.Length > 0 ? "      \"Model\": \"" + model + "\"" + (endpoint != null || provider != null ? ",\n" : "\n") : string.Empty)
            + (endpoint != null ? "      \"Endpoint\": \"" + endpoint + "\"" + (provider != null ? ",\n" : "\n") : string.Empty)
            + (provider != null ? "      \"Provider\": \"" + provider + "\"\n" : string.Empty)
            + "    }\n  }\n}\n";

        [Fact]
        public Task ExistingParameterIsUsed() => Test(
            """
            using ModelPolicy.Routing;
            using OpenAI;

            class C
            {
                void M(OpenAIClient client, IModelRoutes modelRoutes)
                {
                    var embeddings = client.GetEmbeddingClient({|MP0001:"text-embedding-3-small"|});
                }
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI;

            class C
            {
                void M(OpenAIClient client, IModelRoutes modelRoutes)
                {
                    var embeddings = client.GetEmbeddingClient(modelRoutes.GetModel("embedding"));
                }
            }
            """,
            Route("embedding", "text-embedding-3-small", "openai")).RunAsync();

        [Fact]
        public Task ClassWithAConstructorGetsAParameterAndAField() => Test(
            """
            using OpenAI.Chat;

            public class Service
            {
                private readonly string key;

                public Service(string key)
                {
                    this.key = key;
                }

                public ChatClient Chat() => new ChatClient({|MP0001:"gpt-4o-mini"|}, key);
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI.Chat;

            public class Service
            {
                private readonly string key;
                private readonly IModelRoutes routes;

                public Service(string key, IModelRoutes routes)
                {
                    this.routes = routes;
                    this.key = key;
                }

                public ChatClient Chat() => new ChatClient(routes.GetModel("chat"), key);
            }
            """,
            Route("chat", "gpt-4o-mini", "openai")).RunAsync();

        [Fact]
        public Task ClassWithoutAConstructorGetsOne() => Test(
            """
            using Microsoft.Extensions.AI;

            public class Asker
            {
                public ChatOptions Options() => new ChatOptions { ModelId = {|MP0001:"gpt-4o"|} };
            }
            """,
            """
            using Microsoft.Extensions.AI;
            using ModelPolicy.Routing;

            public class Asker
            {
                private readonly IModelRoutes routes;

                public Asker(IModelRoutes routes)
                {
                    this.routes = routes;
                }

                public ChatOptions Options() => new ChatOptions { ModelId = routes.GetModel("chat") };
            }
            """,
            Route("chat", "gpt-4o")).RunAsync();

        [Fact]
        public Task PrimaryConstructorGetsAParameter() => Test(
            """
            using OllamaSharp;

            public class Local(OllamaApiClient client)
            {
                public void Use() => client.SelectedModel = {|MP0001:"qwen2.5:7b"|};
            }
            """,
            """
            using ModelPolicy.Routing;
            using OllamaSharp;

            public class Local(OllamaApiClient client, IModelRoutes routes)
            {
                public void Use() => client.SelectedModel = routes.GetModel("chat");
            }
            """,
            Route("chat", "qwen2.5:7b", "ollama")).RunAsync();

        [Fact]
        public Task ClassCreatedWithNewUsesTheStaticForm() => Test(
            """
            using LLama.Common;

            public class Loader
            {
                public ModelParams Params() => new ModelParams({|MP0001:"models/qwen2.5-7b-instruct-q4_k_m.gguf"|}) { ContextSize = 2048 };
            }

            public static class Program
            {
                public static ModelParams Run() => new Loader().Params();
            }
            """,
            """
            using LLama.Common;
            using ModelPolicy.Routing;

            public class Loader
            {
                public ModelParams Params() => new ModelParams(ModelRoutes.Default.GetModel("chat")) { ContextSize = 2048 };
            }

            public static class Program
            {
                public static ModelParams Run() => new Loader().Params();
            }
            """,
            Route("chat", "models/qwen2.5-7b-instruct-q4_k_m.gguf", "llamasharp")).RunAsync();

        [Fact]
        public Task StaticMethodUsesTheStaticForm() => Test(
            """
            using OpenAI.Chat;

            static class Clients
            {
                public static ChatClient Create(string key) => new ChatClient(model: {|MP0001:"gpt-4.1"|}, apiKey: key);
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI.Chat;

            static class Clients
            {
                public static ChatClient Create(string key) => new ChatClient(model: ModelRoutes.Default.GetModel("chat"), apiKey: key);
            }
            """,
            Route("chat", "gpt-4.1", "openai")).RunAsync();

        [Fact]
        public async Task TopLevelStatementsUseTheStaticForm()
        {
            var test = Test(
                """
                using OpenAI.Chat;

                var chat = new ChatClient({|MP0001:"gpt-4o"|}, "key");
                """,
                """
                using ModelPolicy.Routing;
                using OpenAI.Chat;

                var chat = new ChatClient(ModelRoutes.Default.GetModel("chat"), "key");
                """,
                Route("chat", "gpt-4o", "openai"));
            test.TestState.OutputKind = Microsoft.CodeAnalysis.OutputKind.ConsoleApplication;
            await test.RunAsync();
        }

        [Fact]
        public Task AzureEndpointUriAndDeploymentShareNothingButEachGetsARoute() => Test(
            """
            using System;
            using System.ClientModel;
            using Azure.AI.OpenAI;

            static class C
            {
                static AzureOpenAIClient M(string key) => new AzureOpenAIClient(new Uri({|MP0003:"https://contoso.openai.azure.com/"|}), new ApiKeyCredential(key));
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Azure.AI.OpenAI;
            using ModelPolicy.Routing;

            static class C
            {
                static AzureOpenAIClient M(string key) => new AzureOpenAIClient(ModelRoutes.Default.GetEndpoint("model"), new ApiKeyCredential(key));
            }
            """,
            "{\n  \"ModelRoutes\": {\n    \"model\": {\n      \"Endpoint\": \"https://contoso.openai.azure.com/\",\n      \"Provider\": \"azure-openai\"\n    }\n  }\n}\n").RunAsync();

        [Fact]
        public Task ABareHostUriInAStaticReadonlyField() => Test(
            """
            using System;

            static class C
            {
                static readonly Uri DeepSeekApi = new Uri({|MP0003:"https://api.deepseek.com"|});
            }
            """,
            """
            using System;
            using ModelPolicy.Routing;

            static class C
            {
                static readonly Uri DeepSeekApi = ModelRoutes.Default.GetEndpoint("model");
            }
            """,
            "{\n  \"ModelRoutes\": {\n    \"model\": {\n      \"Endpoint\": \"https://api.deepseek.com\"\n    }\n  }\n}\n").RunAsync();

        [Fact]
        public async Task SemanticKernelDeploymentAndStringEndpointGoToOneRoute()
        {
            var test = Test(
                """
                using Microsoft.SemanticKernel;

                static class C
                {
                    static IKernelBuilder M(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIChatCompletion({|MP0005:"gpt4o-prod"|}, {|MP0003:"https://contoso.openai.azure.com/"|}, key);
                }
                """,
                """
                using Microsoft.SemanticKernel;
                using ModelPolicy.Routing;

                static class C
                {
                    static IKernelBuilder M(IKernelBuilder builder, string key) =>
                        builder.AddAzureOpenAIChatCompletion(ModelRoutes.Default.GetModel("chat"), ModelRoutes.Default.GetEndpoint("chat").AbsoluteUri, key);
                }
                """,
                Route("chat", "gpt4o-prod", "azure-openai", "https://contoso.openai.azure.com/"));
            test.CodeActionIndex = 0;
            test.CodeActionEquivalenceKey = MoveToRouteCodeFixProvider.ModelEquivalenceKey;
            await test.RunAsync();
        }

        [Fact]
        public Task ConstBecomesStaticReadonly() => Test(
            """
            using OpenAI.Chat;

            static class C
            {
                private const string Fast = {|MP0001:"o3-mini"|};

                static ChatClient M(string key) => new ChatClient(Fast, key);
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI.Chat;

            static class C
            {
                private static readonly string Fast = ModelRoutes.Default.GetModel("reasoning");

                static ChatClient M(string key) => new ChatClient(Fast, key);
            }
            """,
            Route("reasoning", "o3-mini")).RunAsync();

        [Fact]
        public async Task ConstNeededAsAConstantIsNotFixed()
        {
            var source = """
                using OpenAI.Chat;

                static class C
                {
                    private const string Fast = {|MP0001:"o3-mini"|};

                    static string Name(string model) => model switch { Fast => "fast", _ => "other" };

                    static ChatClient M(string key) => new ChatClient(Fast, key);
                }
                """;
            var test = Test(source, source, null);
            await test.RunAsync();
        }

        [Fact]
        public Task AppSettingsWithOtherSectionsAndCommentsIsMergedInPlace() => Test(
            """
            using OpenAI;

            static class C
            {
                static void M(OpenAIClient client) => client.GetImageClient({|MP0001:"dall-e-3"|});
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI;

            static class C
            {
                static void M(OpenAIClient client) => client.GetImageClient(ModelRoutes.Default.GetModel("image"));
            }
            """,
            "{\n    // logging\n    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n    \"AllowedHosts\": \"*\", /* any */\n    \"ModelRoutes\": {\n        \"image\": {\n            \"Model\": \"dall-e-3\",\n            \"Provider\": \"openai\"\n        }\n    }\n}\n",
            "{\n    // logging\n    \"Logging\": { \"LogLevel\": { \"Default\": \"Information\" } },\n    \"AllowedHosts\": \"*\" /* any */\n}\n").RunAsync();

        [Fact]
        public Task ExistingRouteWithTheSameModelIsReusedAndAnotherGetsANumber() => Test(
            """
            using OpenAI;

            static class C
            {
                static void M(OpenAIClient client)
                {
                    client.GetChatClient({|MP0001:"gpt-4o"|});
                    client.GetChatClient({|MP0001:"gpt-4.1"|});
                }
            }
            """,
            """
            using ModelPolicy.Routing;
            using OpenAI;

            static class C
            {
                static void M(OpenAIClient client)
                {
                    client.GetChatClient(ModelRoutes.Default.GetModel("chat"));
                    client.GetChatClient(ModelRoutes.Default.GetModel("chat-2"));
                }
            }
            """,
            "{\n  \"ModelRoutes\": {\n    \"chat\": { \"Model\": \"gpt-4o\" },\n    \"chat-2\": {\n      \"Model\": \"gpt-4.1\",\n      \"Provider\": \"openai\"\n    }\n  }\n}\n",
            "{\n  \"ModelRoutes\": {\n    \"chat\": { \"Model\": \"gpt-4o\" }\n  }\n}\n").RunAsync();

        [Fact]
        public async Task FixAllInTheSolutionWritesOneAppSettingsAndReusesRoutes()
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider>();
            test.DisabledDiagnostics.Add("MP0010");
            test.TestState.Sources.Add(("/0/A.cs", """
                using OpenAI;

                static class A
                {
                    static void M(OpenAIClient client)
                    {
                        client.GetChatClient({|MP0001:"gpt-4o"|});
                        client.GetEmbeddingClient({|MP0001:"text-embedding-3-small"|});
                    }
                }
                """));
            test.TestState.Sources.Add(("/0/B.cs", """
                using Anthropic.Models.Messages;

                public class B
                {
                    public MessageCreateParams P() => new() { Model = {|MP0001:"claude-sonnet-4-6"|}, MaxTokens = 256, Messages = [new UserMessageParam("Hi")] };
                    public string Same() => {|MP0001:"gpt-4o"|};
                }
                """));
            test.FixedState.Sources.Add(("/0/A.cs", """
                using ModelPolicy.Routing;
                using OpenAI;

                static class A
                {
                    static void M(OpenAIClient client)
                    {
                        client.GetChatClient(ModelRoutes.Default.GetModel("chat"));
                        client.GetEmbeddingClient(ModelRoutes.Default.GetModel("embedding"));
                    }
                }
                """));
            test.FixedState.Sources.Add(("/0/B.cs", """
                using Anthropic.Models.Messages;
                using ModelPolicy.Routing;

                public class B
                {
                    private readonly IModelRoutes routes;

                    public B(IModelRoutes routes)
                    {
                        this.routes = routes;
                    }

                    public MessageCreateParams P() => new() { Model = routes.GetModel("chat-2"), MaxTokens = 256, Messages = [new UserMessageParam("Hi")] };
                    public string Same() => routes.GetModel("chat");
                }
                """));
            test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", SourceText.From(
                "{\n  \"ModelRoutes\": {\n    \"chat\": {\n      \"Model\": \"gpt-4o\",\n      \"Provider\": \"openai\"\n    },\n    \"embedding\": {\n      \"Model\": \"text-embedding-3-small\",\n      \"Provider\": \"openai\"\n    },\n    \"chat-2\": {\n      \"Model\": \"claude-sonnet-4-6\",\n      \"Provider\": \"anthropic\"\n    }\n  }\n}\n",
                Encoding.UTF8)));
            test.NumberOfFixAllIterations = 1;
            test.NumberOfFixAllInDocumentIterations = 2;
            test.NumberOfFixAllInProjectIterations = 1;
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.SkipFixAllInDocumentCheck;
            test.NumberOfIncrementalIterations = 4;
            await test.RunAsync();
        }
    }
}
