using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0005: a value in an SDK model position or request body that the catalog does not know.</summary>
    [Trait("Rule", "MP0005")]
    public class MP0005UnknownModelTests
    {
        [Fact]
        public Task UnknownIdsInStrongPositions() => Verify.AnalyzerAsync("""
            using Azure.AI.OpenAI;
            using Microsoft.Extensions.AI;

            class C
            {
                void M(AzureOpenAIClient azure)
                {
                    azure.GetChatClient({|MP0005:"contoso-chat-prod"|});
                    var options = new ChatOptions { ModelId = {|MP0005:"house-model-7"|} };
                    var body = new { model = {|MP0005:"internal-router"|}, prompt = "Hi there" };
                }
            }
            """);

        [Fact]
        public Task MessageSaysWhatToDo() => Verify.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient M(string key) => new ChatClient({|#0:"contoso-gpt"|}, key);
            }
            """,
            null,
            Verify.Diagnostic("MP0005", DiagnosticSeverity.Info).WithLocation(0)
                .WithMessage("'contoso-gpt' is used as a model id but the catalog does not know it: add it to ModelCatalog.txt or allow it with model_policy.allowed_models"));

        [Fact]
        public Task UnknownModelsAllowMakesItAPlainHardCodedId() => Verify.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient M(string key) => new ChatClient({|#0:"contoso-gpt"|}, key);
            }
            """,
            Verify.Policy("model_policy.unknown_models = allow"),
            Verify.Diagnostic("MP0001").WithLocation(0).WithArguments("contoso-gpt", "not in the catalog"));

        [Fact]
        public Task UnknownIdsInUserTypesAreNotReported() => Verify.AnalyzerAsync("""
            class Settings { public string Model { get; set; } = ""; public string DeploymentName { get; set; } = ""; }

            class C
            {
                Settings S = new Settings { Model = "house-blend", DeploymentName = "blue" };
            }
            """);
    }
}
