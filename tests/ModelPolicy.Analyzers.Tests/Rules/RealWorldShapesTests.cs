using System.Threading.Tasks;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// Shapes found in real repositories (tests/RealWorld/FINDINGS.md): local model servers and AI API paths on hosts the
    /// catalog does not know are endpoints; test placeholders, EF migration seed rows, compared URLs and media URLs are not.
    /// </summary>
    [Trait("Rule", "MP0003")]
    [Trait("Rule", "MP0005")]
    public class RealWorldShapesTests
    {
        private const string NoPolicy = "root = true\n[*.cs]\n";

        [Fact]
        public Task LocalModelServersAreEndpointsAnywhere() => Verify.AnalyzerAsync("""
            class Settings
            {
                public const string DefaultOllamaBaseUrl = {|#0:"http://localhost:11434"|};
                public string LmStudio { get; set; } = {|#1:"http://127.0.0.1:1234/v1"|};
                public string Compose = {|#2:"http://ollama:11434"|};
                public string Vllm = {|#3:"http://localhost:8000/v1"|};
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("localhost", "self-hosted Ollama"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("127.0.0.1", "self-hosted LM Studio"),
            Verify.Diagnostic("MP0003").WithLocation(2).WithArguments("ollama", "self-hosted Ollama"),
            Verify.Diagnostic("MP0003").WithLocation(3).WithArguments("localhost", "self-hosted vLLM"));

        [Fact]
        public Task ASharedPortAloneIsNotAModelServer() => Verify.AnalyzerAsync("""
            class Settings
            {
                public string Chroma = "http://localhost:8000";
                public string Web = "http://localhost:8080/index.html";
                public string Postgres = "http://localhost:5432";
                public string Qdrant = "http://localhost:6333";
                public string Plain = "http://localhost";
            }
            """,
            NoPolicy);

        [Fact]
        public Task AModelServerPortInAnEndpointMemberOfTheUsersOwnType() => Verify.AnalyzerAsync("""
            class AiModel { public string EndPoint { get; set; } = ""; }

            class C
            {
                void M(AiModel model) => model.EndPoint = {|#0:"http://localhost:8000/"|};
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("localhost", "self-hosted vLLM"));

        [Fact]
        public Task AiApiPathsOnUnknownHostsAreEndpoints() => Verify.AnalyzerAsync("""
            class C
            {
                string A = {|#0:"https://llm.gateway.contoso.net/v1/chat/completions"|};
                string B = {|#1:"https://inference.acme-ai.io/api/generate"|};
                string C1 = "https://shop.contoso.net/v1/orders";
                string D = "https://example.com/v1/chat/completions";
            }
            """,
            NoPolicy,
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("llm.gateway.contoso.net", "host not in the catalog"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("inference.acme-ai.io", "host not in the catalog"));

        [Fact]
        public Task PlaceholderIdsAndHostsInSdkPositionsAreNotReported() => Verify.AnalyzerAsync("""
            using System;
            using Azure.AI.OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(AzureOpenAIClient client) => client.GetChatClient("deployment-name");
                ChatClient B(string key) => new ChatClient("model-id", key);
                ChatClient D(string key) => new ChatClient("fake-model", key);
                ChatClient E(string key) => new ChatClient("abcd", key);
                AzureOpenAIClient F() => new AzureOpenAIClient(new Uri("https://endpoint"), new System.ClientModel.ApiKeyCredential("k"));
                AzureOpenAIClient G() => new AzureOpenAIClient(new Uri("https://resource.example.com"), new System.ClientModel.ApiKeyCredential("k"));
                ChatClient Real(AzureOpenAIClient client) => client.GetChatClient({|MP0005:"orders-assistant"|});
            }
            """,
            NoPolicy);

        [Fact]
        public async Task InTestCodeAnIdTheCatalogDoesNotKnowIsNotReported()
        {
            var test = Verify.Test(NoPolicy);
            test.TestState.Sources.Add(("/src/Orders.Tests/ChatTests.cs", """
                using OpenAI.Chat;

                class ChatTests
                {
                    ChatClient A(string key) => new ChatClient("topmodel", key);
                    ChatClient B(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
                }
                """));
            await test.RunAsync();
        }

        [Fact]
        public Task EntityFrameworkMigrationSeedRowsAreNotReported() => Verify.AnalyzerAsync("""
            namespace Microsoft.EntityFrameworkCore.Migrations
            {
                public abstract class Migration { protected abstract void Up(MigrationBuilder b); }
                public class MigrationBuilder { public void InsertData(string table, string[] columns, object[] values) { } }
            }

            namespace App.Migrations
            {
                using Microsoft.EntityFrameworkCore.Migrations;

                public partial class AddModels : Migration
                {
                    protected override void Up(MigrationBuilder b) =>
                        b.InsertData("ModelManagers", new[] { "Model", "Url" }, new object[] { "gpt-4-turbo", "https://api.openai.com/v1", "moonshot-v1-8k" });
                }
            }
            """,
            "root = true\n[*.cs]\nmodel_policy.denied_origins = CN\n");

        [Fact]
        public Task ComparedAndAssertedUrlsAndMediaUrlsAreNotEndpoints() => Verify.AnalyzerAsync("""
            class Asserts { public static void Equal(string a, string b) { } }

            class C
            {
                bool IsMistral(string url) => url == "https://api.mistral.ai/v1";
                bool IsAzure(string domain) => domain.Equals("https://.openai.azure.com/");
                void T(string actual) => Asserts.Equal("https://api.openai.com/v1", actual);
                string Image = "https://cdn.openai.com/sunset.png";
            }
            """,
            NoPolicy);

        [Fact]
        public Task KeysOfTablesAboutModelsAreNotChoices() => Verify.AnalyzerAsync("""
            using System.Collections.Generic;

            record ModelPricing(decimal Input, decimal Output);

            class C
            {
                Dictionary<string, ModelPricing> Prices = new() { { "claude-opus-4-6", new ModelPricing(5m, 25m) } };
                Dictionary<string, int> Dimensions = new() { ["qwen3-embedding"] = 1024, ["text-embedding-3-large"] = 3072 };
                Dictionary<string, string> Routes = new() { { "chat", {|MP0001:"gpt-4o-mini"|} } };
                int Lookup(Dictionary<string, int> table) => table["gpt-4o"];
            }
            """,
            NoPolicy);

        [Fact]
        public Task EndpointParameterDefaultsAndMembersOfTheUsersOwnTypes() => Verify.AnalyzerAsync("""
            class Chat
            {
                public Chat(string? baseAddress = {|#0:"https://open.bigmodel.cn/"|}) { }
                public string BaseUrl { get; set; } = "";
            }

            class C
            {
                void M(Chat chat) => chat.BaseUrl = {|#1:"http://localhost:11434"|};
            }
            """,
            "root = true\n[*.cs]\nmodel_policy.denied_endpoint_origins = CN\n",
            Verify.Diagnostic("MP0004").WithLocation(0).WithArguments("open.bigmodel.cn", "Zhipu AI, CN, region unknown", "origin CN is denied by model_policy.denied_endpoint_origins"),
            Verify.Diagnostic("MP0003").WithLocation(1).WithArguments("localhost", "self-hosted Ollama"));
    }
}
