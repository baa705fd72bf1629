using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Robustness
{
    /// <summary>
    /// The analyzer runs on every keystroke: code being typed, broken code, huge and strange literals.
    /// None of it may throw (AD0001) or make the results depend on thread timing.
    /// </summary>
    public class RobustnessTests
    {
        private static readonly Dictionary<string, string> Policy = new Dictionary<string, string>
        {
            ["model_policy.denied_origins"] = "CN",
            ["model_policy.allowed_endpoints"] = "api.openai.com, *.openai.azure.com, localhost",
            ["model_policy.unknown_models"] = "deny",
        };

        /// <summary>A file that exercises every position and flow, as a seed for typing and mutation.</summary>
        internal const string KitchenSink = """"
            using System;
            using System.Collections.Generic;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel;
            using OllamaSharp;
            using OpenAI;
            using OpenAI.Chat;

            namespace Demo;

            public sealed class Assistant(IChatClient fallback)
            {
                private const string Cheap = "qwen-max";
                private static readonly string Local = "qwen2.5:7b";
                private static readonly Uri DeepSeek = new("https://api.deepseek.com/v1");

                public ChatClient Create(string key, bool eu, int tier)
                {
                    var model = Environment.GetEnvironmentVariable("CHAT_MODEL") ?? (eu ? "mistral-large-latest" : "gpt-4o");
                    var body = new { model = tier switch { 0 => "deepseek-chat", _ => Cheap }, messages = new[] { new { role = "user", content = "hi" } } };
                    var json = "{\"model\": \"glm-4-plus\", \"base_url\": \"https://open.bigmodel.cn/api/paas/v4\"}";
                    var raw = $$"""{"model": "{{model}}", "url": "https://dashscope.aliyuncs.com/compatible-mode/v1"}""";
                    var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = DeepSeek });
                    var ollama = new OllamaApiClient(new Uri("http://localhost:11434"), Local);
                    var kernel = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId: "o3-mini", apiKey: key).Build();
                    var options = new ChatOptions { ModelId = "Qwen/Qwen2.5-72B-Instruct" };
                    var dict = new Dictionary<string, object> { ["model"] = "moonshot-v1-8k", { "endpoint", "https://api.moonshot.cn/v1" } };
                    _ = (body, json, raw, ollama, kernel, options, dict, fallback);
                    return client.GetChatClient(model + "-2024-08-06");
                }
            }
            """";

        public static IEnumerable<object[]> Seeds()
        {
            yield return new object[] { "KitchenSink", KitchenSink };
            var samples = Path.Combine(Repository.Root, "samples");
            if (Directory.Exists(samples))
            {
                foreach (var file in Directory.GetFiles(samples, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)).OrderBy(f => f, StringComparer.Ordinal))
                {
                    yield return new object[] { Path.GetRelativePath(Repository.Root, file), File.ReadAllText(file) };
                }
            }
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task EveryPrefixOfAFileAsItIsTyped(string name, string source)
        {
            var run = new DirectRun();
            var baseline = DirectRun.Compile(DirectRun.Parse(string.Empty));
            var tree = baseline.SyntaxTrees.Single();

            // Token boundaries are where an editor pauses; take up to 400 of them, evenly spread.
            var ends = CSharpSyntaxTree.ParseText(source, DirectRun.ParseOptions).GetRoot().DescendantTokens().Select(t => t.FullSpan.End).Distinct().ToList();
            var step = Math.Max(1, ends.Count / 400);
            for (var i = 0; i < ends.Count; i += step)
            {
                var prefix = DirectRun.Parse(source.Substring(0, ends[i]));
                await run.AnalyzeAsync(baseline.ReplaceSyntaxTree(tree, prefix), Policy);
            }

            Assert.True(run.Exceptions.IsEmpty, name + ": " + string.Join("\n", run.Exceptions));
        }

        [Theory]
        [MemberData(nameof(Seeds))]
        public async Task RandomTokenDeletions(string name, string source)
        {
            var run = new DirectRun();
            var random = new Random(20261128);
            var tokens = CSharpSyntaxTree.ParseText(source, DirectRun.ParseOptions).GetRoot().DescendantTokens().ToList();
            var baseline = DirectRun.Compile(DirectRun.Parse(string.Empty));
            var tree = baseline.SyntaxTrees.Single();
            for (var round = 0; round < 150; round++)
            {
                var text = new StringBuilder(source);
                foreach (var token in Enumerable.Range(0, 1 + random.Next(4)).Select(_ => tokens[random.Next(tokens.Count)]).OrderByDescending(t => t.Span.Start).Distinct())
                {
                    text.Remove(token.Span.Start, token.Span.Length);
                }

                await run.AnalyzeAsync(baseline.ReplaceSyntaxTree(tree, DirectRun.Parse(text.ToString())), Policy);
            }

            Assert.True(run.Exceptions.IsEmpty, name + ": " + string.Join("\n", run.Exceptions));
        }

        [Fact]
        public async Task AOneMegabyteLiteral()
        {
            var big = new string('a', 1 << 20);
            var run = new DirectRun();
            var diagnostics = await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse(
                "class C { string A = \"" + big + "\"; string B = \"{\\\"model\\\": \\\"qwen-max\\\", \\\"pad\\\": \\\"" + big + "\\\"}\"; string D = \"https://api.deepseek.com/" + big + "\"; }")), Policy);

            Assert.Empty(run.Exceptions);
            Assert.Equal(new[] { "MP0002", "MP0004" }, diagnostics.Where(d => d.Id != "MP0010").Select(d => d.Id).OrderBy(id => id));
        }

        [Fact]
        public async Task ATenThousandTermConstantConcatenation()
        {
            var terms = string.Join(" + ", Enumerable.Repeat("\"a\"", 10_000));
            var run = new DirectRun();
            var diagnostics = await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse(
                "using OpenAI.Chat; class C { const string Long = " + terms + "; ChatClient M(string k) => new ChatClient(\"qwen\" + \"-max\" + " + terms + ", k); }")), Policy);

            Assert.Empty(run.Exceptions);
        }

        [Fact]
        public async Task DeeplyNestedInterpolations()
        {
            // 20 levels: the C# lexer re-scans each interpolation hole, so its own time doubles with every
            // level (18 levels parse in about a second); far past any real code already.
            var nested = "\"gpt-4o\"";
            for (var i = 0; i < 20; i++)
            {
                nested = "$\"{" + nested + "}\"";
            }

            var run = new DirectRun();
            await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse("using OpenAI.Chat; class C { ChatClient M(string k) => new ChatClient(" + nested + ", k); }")), Policy);
            Assert.Empty(run.Exceptions);
        }

        [Fact]
        public async Task DeeplyNestedTernariesAndCoalesces()
        {
            var expression = "\"gpt-4o\"";
            for (var i = 0; i < 300; i++)
            {
                expression = (i % 2 == 0 ? "(b ? \"qwen-max\" : " : "(s ?? ") + expression + ")";
            }

            var run = new DirectRun();
            var diagnostics = await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse("using OpenAI.Chat; class C { ChatClient M(string k, bool b, string? s) => new ChatClient(" + expression + ", k); }")), Policy);
            Assert.Empty(run.Exceptions);
        }

        /// <summary>
        /// What is detected and what is not, with unusual Unicode: ids are ASCII, so look-alike letters and
        /// invisible marks make a string that no API accepts as that id — it is not reported as the id it
        /// imitates. A right-to-left mark around an id in a comment or prose is irrelevant.
        /// </summary>
        [Theory]
        [InlineData("gpt\u20114o", false)]          // non-breaking hyphen
        [InlineData("qw\u0435n-max", false)]        // Cyrillic 'е'
        [InlineData("\uFF51\uFF57\uFF45\uFF4E-max", false)] // full-width letters
        [InlineData("\u200Fqwen-max", false)]       // right-to-left mark before the id
        [InlineData("qwen-max\u200B", false)]       // zero-width space after it
        [InlineData("qwen-max", true)]
        public async Task UnusualUnicode(string id, bool reported)
        {
            var run = new DirectRun();
            var diagnostics = await run.AnalyzeAsync(DirectRun.Compile(DirectRun.Parse("class C { string M = \"" + id + "\"; /* \u202E qwen-max \u202C */ }")), Policy);

            Assert.Empty(run.Exceptions);
            Assert.Equal(reported, diagnostics.Any(d => d.Id == "MP0002"));
        }

        [Fact]
        public async Task TwentyConcurrentRunsOfOneCompilationAgree()
        {
            var trees = Seeds().Select((s, i) => DirectRun.Parse((string)s[1], "/src/File" + i + ".cs")).ToArray();
            var compilation = DirectRun.Compile(trees);
            var run = new DirectRun();
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => run.AnalyzeAsync(compilation, Policy, concurrent: true))));

            Assert.Empty(run.Exceptions);
            var expected = Describe(results[0]);
            Assert.NotEmpty(results[0]);
            Assert.All(results, r => Assert.Equal(expected, Describe(r)));
        }

        private static string Describe(IEnumerable<Diagnostic> diagnostics) =>
            string.Join("\n", diagnostics.Select(d => d.Id + " " + d.Location.GetLineSpan() + " " + d.GetMessage()).OrderBy(s => s, StringComparer.Ordinal));
    }
}
