using System.Linq;
using System.Threading.Tasks;
using ModelPolicy.Analyzers.Sites;
using ModelPolicy.Analyzers.Tests.Verifiers;
using ModelPolicy.Text;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// The file scan enters the tree only at quotes and at names with model, endpoint or AI-call words (Sites/HotText.cs),
    /// and Sites/Ownership.cs decides which place reports a value. These pin what that must not change: every value once,
    /// with the strongest position, whatever the order the places are met in.
    /// </summary>
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0002")]
    public class ScanOwnershipTests
    {
        [Fact]
        public Task AUrlThatCountsOnlyInAnSdkPositionIsReportedThereAndNowhereElse() => Verify.AnalyzerAsync("""
            using System;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { Endpoint = new Uri({|MP0003:"https://gateway.contoso.net/openai"|}) };
                OpenAIClientOptions B(Uri endpoint) => new OpenAIClientOptions { Endpoint = endpoint };
                object C2() => B(new Uri("https://hooks.contoso.net/openai"));
                object D() => new { url = "https://gateway.contoso.net/openai", endpoint = new Uri("https://gateway.contoso.net/openai") };
                static void Track(string name, string endpoint) { }
                void E() => Track("loaded", endpoint: "https://telemetry.contoso.net/ingest");
            }
            """);

        [Fact]
        public Task ALiteralWithASpaceLeadsNoValueThatCountsButOneAfterANameStillDoes() => Verify.AnalyzerAsync("""
            using System;
            using OpenAI;

            class C
            {
                const string Host = "https://gateway.contoso.net";
                string Auth(string key) => "Bearer " + key;
                OpenAIClientOptions A() => new OpenAIClientOptions { Endpoint = new Uri({|MP0003:Host + "/v1 "|}) };
                const string Path = "chat";
                OpenAIClientOptions B() => new OpenAIClientOptions { Endpoint = new Uri({|MP0003:Host + ("/v1 " + Path)|}) };
            }
            """);

        [Fact]
        public Task AnAmbiguousLocalUsedInTwoSdkPositionsIsReportedOnceAtItsLiteral() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class C
            {
                void M(string key, bool fast)
                {
                    string model;
                    if (fast) model = {|MP0001:"o1"|}; else model = {|MP0001:"o3"|};
                    var a = new ChatClient(model, key);
                    var b = new ChatClient(model: model, apiKey: key);
                }
            }
            """);

        [Fact]
        public Task AKnownIdInAConstantOfThisFileIsReportedOnceWhereverItIsUsed() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient(Chat, key);
                const string Chat = {|MP0001:"gpt-4o"|};
                ChatClient B(string key) => new ChatClient(Chat, key);
            }
            """);

        [Fact]
        public Task ATernaryUriAndFoldedConstantInOneArgumentAreEachReportedOnce() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class C
            {
                const string Family = "qwen";
                ChatClient A(string key, bool cheap) => new ChatClient(cheap ? {|MP0002:"qwen-turbo"|} : {|MP0002:"qwen-max"|}, key);
                ChatClient B(string key) => new ChatClient({|MP0002:Family + "-plus"|}, key);
            }
            """,
            "root = true\n[*.cs]\nmodel_policy.denied_origins = CN\n");

        [Fact]
        public Task QuotesInCommentsAndDocCommentsAreSkippedWithoutLosingTheCodeAfterThem() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            /// <summary>Uses <see cref="ChatClient"/> with "gpt-4o" — a "quoted" word.</summary>
            class C
            {
                // "o1" in a comment is not a value
                ChatClient A(string key) => new ChatClient(/* "o3" */ {|MP0001:"o4-mini"|}, key);
            }
            """);

        [Fact]
        public void EveryPositionNameHoldsAWordTheScanLooksFor()
        {
            // A name PositionNames accepts must contain a stem HotText enters the tree at, or its use is never visited.
            var words = HotText.Words().ToArray();
            foreach (var name in new[] { "model", "modelId", "modelName", "deploymentName", "deploymentId", "modelPath", "deployment", "engine", "endpoint", "baseUrl", "baseUri", "baseAddress", "apiBase", "apiUrl", "serverUrl", "hostUrl", "uri", "url", "uriString", "host", "address", "server" })
            {
                Assert.True(PositionNames.IsModelName(name) || PositionNames.IsEndpointName(name), name + " is no position name");
                Assert.Contains(words, w => name.ToLowerInvariant().Contains(w));
            }
        }
    }
}
