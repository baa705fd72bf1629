using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>MP0002: each policy key, the precedence, folder sections and the regulated profile.</summary>
    [Trait("Rule", "MP0002")]
    public class MP0002ModelNotAllowedTests
    {
        private const string TwoClients = """
            using OpenAI.Chat;

            class C
            {
                ChatClient Cheap(string key) => new ChatClient({|#0:"qwen-max"|}, key);
                ChatClient Final(string key) => new ChatClient({|#1:"gpt-4o"|}, key);
            }
            """;

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Denied(int location, string id, string described, string reason) =>
            Verify.Diagnostic("MP0002").WithLocation(location).WithArguments(id, described, reason);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Allowed(int location, string id, string described) =>
            Verify.Diagnostic("MP0001").WithLocation(location).WithArguments(id, described);

        [Fact]
        public Task DeniedOrigins() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.denied_origins = CN"),
            Denied(0, "qwen-max", "Alibaba, CN, closed weights", "origin CN is denied by model_policy.denied_origins"),
            Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));

        [Fact]
        public Task AllowedOriginsWithEu() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.allowed_origins = EU, US"),
            Denied(0, "qwen-max", "Alibaba, CN, closed weights", "origin CN is not in model_policy.allowed_origins"),
            Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));

        [Fact]
        public Task DeniedVendors() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.denied_vendors = OpenAI"),
            Allowed(0, "qwen-max", "Alibaba, CN, closed weights"),
            Denied(1, "gpt-4o", "OpenAI, US, closed weights", "vendor OpenAI is denied by model_policy.denied_vendors"));

        [Fact]
        public Task AllowedVendors() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.allowed_vendors = OpenAI, Anthropic"),
            Denied(0, "qwen-max", "Alibaba, CN, closed weights", "vendor Alibaba is not in model_policy.allowed_vendors"),
            Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));

        [Fact]
        public Task DeniedModels() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.denied_models = gpt-4o*"),
            Allowed(0, "qwen-max", "Alibaba, CN, closed weights"),
            Denied(1, "gpt-4o", "OpenAI, US, closed weights", "it matches 'gpt-4o*' in model_policy.denied_models"));

        [Fact]
        public Task AllowedModels() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.allowed_models = gpt-4o, claude-*"),
            Denied(0, "qwen-max", "Alibaba, CN, closed weights", "it is not in model_policy.allowed_models"),
            Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));

        [Fact]
        public Task RequireOpenWeights() => Verify.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Local(string key) => new ChatClient({|#0:"llama3.1:8b"|}, key);
                ChatClient Final(string key) => new ChatClient({|#1:"gpt-4o"|}, key);
            }
            """,
            Verify.Policy("model_policy.require_open_weights = true"),
            Allowed(0, "llama3.1:8b", "Meta, US, open weights"),
            Denied(1, "gpt-4o", "OpenAI, US, closed weights", "its weights are not open and model_policy.require_open_weights is true"));

        [Fact]
        public Task UnknownModelsDenyMakesAnUnknownIdMP0002() => Verify.AnalyzerAsync(
            """
            using Azure.AI.OpenAI;

            class C
            {
                void M(AzureOpenAIClient azure) => azure.GetChatClient({|#0:"prod-chat-eu"|});
            }
            """,
            Verify.Policy("model_policy.unknown_models = deny"),
            Denied(0, "prod-chat-eu", "not in the catalog", "the catalog does not know it and model_policy.unknown_models is deny"));

        [Fact]
        public Task ExplicitModelAllowBeatsOriginDeny() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.denied_origins = CN", "model_policy.allowed_models = qwen-max, gpt-4o"),
            Allowed(0, "qwen-max", "Alibaba, CN, closed weights"),
            Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));

        [Fact]
        public Task VendorAllowBeatsOriginDeny() => Verify.AnalyzerAsync(
            TwoClients,
            Verify.Policy("model_policy.denied_origins = CN, US", "model_policy.allowed_vendors = Alibaba"),
            Allowed(0, "qwen-max", "Alibaba, CN, closed weights"),
            Denied(1, "gpt-4o", "OpenAI, US, closed weights", "vendor OpenAI is not in model_policy.allowed_vendors"));

        [Fact]
        public Task TheModelsOriginIsJudgedNotTheHosts() => Verify.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                void M(string key)
                {
                    var together = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri({|#0:"https://api.together.xyz/v1"|}) });
                    var chat = together.GetChatClient({|#1:"Qwen/Qwen2.5-72B-Instruct-Turbo"|});
                }
            }
            """,
            Verify.Policy("model_policy.denied_origins = CN"),
            Verify.Diagnostic("MP0003").WithLocation(0).WithArguments("api.together.xyz", "Together AI, US, region unknown"),
            Denied(1, "Qwen/Qwen2.5-72B-Instruct-Turbo", "Alibaba, CN, open weights", "origin CN is denied by model_policy.denied_origins"));

        [Fact]
        public async Task FolderSectionsApplyPerFile()
        {
            var test = Verify.Test("""
                root = true

                [*.cs]
                model_policy.denied_origins = RU

                [Payments/**.cs]
                model_policy.denied_origins = CN, RU
                model_policy.profile = regulated

                [Lab/**.cs]
                model_policy.denied_origins = none
                """);
            var code = """
                using OpenAI.Chat;

                class {0}
                {
                    ChatClient M(string key) => new ChatClient({|{1}:"deepseek-chat"|}, key);
                }
                """;
            test.TestState.Sources.Add(("/Payments/Refunds.cs", code.Replace("{0}", "Refunds").Replace("{1}", "#0")));
            test.TestState.Sources.Add(("/Lab/Experiment.cs", code.Replace("{0}", "Experiment").Replace("{1}", "MP0001")));
            test.TestState.Sources.Add(("/Support/Triage.cs", code.Replace("{0}", "Triage").Replace("{1}", "MP0001")));
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("deepseek-chat", "DeepSeek, CN, open weights", "origin CN is denied by model_policy.denied_origins"));
            await test.RunAsync();
        }

        [Fact]
        public async Task TheMSBuildProfileMakesTheWholeProjectRegulated()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN"));
            test.TestState.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\nbuild_property.ModelPolicyProfile = regulated\n"));
            test.TestCode = TwoClients;
            test.ExpectedDiagnostics.Add(Verify.Diagnostic("MP0002", DiagnosticSeverity.Error).WithLocation(0)
                .WithArguments("qwen-max", "Alibaba, CN, closed weights", "origin CN is denied by model_policy.denied_origins"));
            test.ExpectedDiagnostics.Add(Allowed(1, "gpt-4o", "OpenAI, US, closed weights"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ARepositoryAliasIsJudgedAsTheModelItStandsFor()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_origins = CN"));
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.txt", "alias prod-chat-* | model=qwen-max\n"));
            test.TestCode = """
                using Azure.AI.OpenAI;

                class C
                {
                    void M(AzureOpenAIClient azure) => azure.GetChatClient({|#0:"prod-chat-eu"|});
                }
                """;
            test.ExpectedDiagnostics.Add(Denied(0, "prod-chat-eu", "alias of qwen-max, Alibaba, CN, closed weights", "origin CN is denied by model_policy.denied_origins"));
            await test.RunAsync();
        }

        [Fact]
        public async Task ARepositoryFamilyExtendsTheCatalog()
        {
            var test = Verify.Test(Verify.Policy("model_policy.denied_vendors = Acme AI"));
            test.TestState.AdditionalFiles.Add(("/ModelCatalog.Internal.txt", """
                vendor Acme AI | country=DE | source=https://wiki.example/acme
                model acme-ft | vendor=Acme AI | match=acme-ft-* | weights=closed | kind=chat | source=https://wiki.example/acme-ft
                """));
            test.TestCode = """
                using OpenAI.Chat;

                class C
                {
                    ChatClient M(string key) => new ChatClient({|#0:"acme-ft-support-v2"|}, key);
                }
                """;
            test.ExpectedDiagnostics.Add(Denied(0, "acme-ft-support-v2", "Acme AI, DE, closed weights", "vendor Acme AI is denied by model_policy.denied_vendors"));
            await test.RunAsync();
        }
    }
}
