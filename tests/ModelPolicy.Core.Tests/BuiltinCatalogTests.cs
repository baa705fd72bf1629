using System.Linq;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>The shipped catalog: well formed, complete enough, and right about the ids real code uses.</summary>
    public class BuiltinCatalogTests
    {
        private static readonly ModelCatalog Catalog = ModelCatalog.Builtin;

        [Fact]
        public void HasNoBadLines() => Assert.Empty(Catalog.Errors);

        [Fact]
        public void IsLargeEnoughAndSourced()
        {
            Assert.True(Catalog.Families.Count >= 80, Catalog.Families.Count + " families");
            Assert.True(Catalog.Hosts.Count >= 35, Catalog.Hosts.Count + " hosts");
            Assert.All(Catalog.Families, f => Assert.False(string.IsNullOrWhiteSpace(f.Source)));
            Assert.All(Catalog.Hosts, h => Assert.False(string.IsNullOrWhiteSpace(h.Source)));
            Assert.All(Catalog.Vendors, v => Assert.False(string.IsNullOrWhiteSpace(v.Source)));
        }

        [Fact]
        public void FamilyNamesAndHostPatternsAreUnique()
        {
            Assert.Equal(Catalog.Families.Count, Catalog.Families.Select(f => f.Name).Distinct().Count());
            Assert.Equal(Catalog.Hosts.Count, Catalog.Hosts.Select(h => h.Pattern).Distinct().Count());
        }

        [Theory]
        [InlineData("OpenAI", "US")]
        [InlineData("Anthropic", "US")]
        [InlineData("Google", "US")]
        [InlineData("Meta", "US")]
        [InlineData("Microsoft", "US")]
        [InlineData("Cohere", "CA")]
        [InlineData("Mistral AI", "FR")]
        [InlineData("AI21 Labs", "IL")]
        [InlineData("DeepSeek", "CN")]
        [InlineData("Alibaba", "CN")]
        [InlineData("Zhipu AI", "CN")]
        [InlineData("Moonshot AI", "CN")]
        [InlineData("MiniMax", "CN")]
        [InlineData("Baidu", "CN")]
        [InlineData("Tencent", "CN")]
        [InlineData("01.AI", "CN")]
        [InlineData("Baichuan", "CN")]
        [InlineData("ByteDance", "CN")]
        [InlineData("iFlytek", "CN")]
        [InlineData("SenseTime", "CN")]
        [InlineData("Shanghai AI Laboratory", "CN")]
        [InlineData("OpenBMB", "CN")]
        [InlineData("BAAI", "CN")]
        [InlineData("Xiaomi", "CN")]
        [InlineData("Sber", "RU")]
        [InlineData("Yandex", "RU")]
        public void KnowsEveryStarterVendor(string vendor, string country)
        {
            Assert.True(Catalog.TryGetVendor(vendor, out var found), vendor + " is missing; vendors: " + string.Join(", ", Catalog.Vendors.Select(v => v.Name).OrderBy(n => n)));
            Assert.Equal(country, found!.Country);
        }

        [Theory]
        // plain and dated
        [InlineData("gpt-4o", "OpenAI", "US", false)]
        [InlineData("gpt-4o-2024-08-06", "OpenAI", "US", false)]
        [InlineData("gpt-4o-mini", "OpenAI", "US", false)]
        [InlineData("o3-mini", "OpenAI", "US", false)]
        [InlineData("gpt-oss-120b", "OpenAI", "US", true)]
        [InlineData("text-embedding-3-small", "OpenAI", "US", false)]
        [InlineData("whisper-1", "OpenAI", "US", null)]
        [InlineData("dall-e-3", "OpenAI", "US", false)]
        [InlineData("claude-3-5-sonnet-20240620", "Anthropic", "US", false)]
        [InlineData("claude-sonnet-4-5", "Anthropic", "US", false)]
        [InlineData("gemini-1.5-pro", "Google", "US", false)]
        [InlineData("mistral-large-latest", "Mistral AI", "FR", true)]
        [InlineData("codestral-latest", "Mistral AI", "FR", null)]
        [InlineData("command-r-plus", "Cohere", "CA", null)]
        [InlineData("jamba-1.5-large", "AI21 Labs", "IL", null)]
        [InlineData("deepseek-chat", "DeepSeek", "CN", true)]
        [InlineData("deepseek-reasoner", "DeepSeek", "CN", true)]
        [InlineData("qwen-max", "Alibaba", "CN", false)]
        [InlineData("qwen-plus", "Alibaba", "CN", false)]
        [InlineData("qwq-32b", "Alibaba", "CN", true)]
        [InlineData("qvq-72b-preview", "Alibaba", "CN", true)]
        [InlineData("text-embedding-v3", "Alibaba", "CN", null)]
        [InlineData("wanx-v1", "Alibaba", "CN", null)]
        [InlineData("abab6.5s-chat", "MiniMax", "CN", null)]
        [InlineData("MiniMax-Text-01", "MiniMax", "CN", null)]
        [InlineData("moonshot-v1-8k", "Moonshot AI", "CN", false)]
        [InlineData("kimi-k2-0711-preview", "Moonshot AI", "CN", null)]
        [InlineData("glm-4-plus", "Zhipu AI", "CN", null)]
        [InlineData("ernie-4.0-8k", "Baidu", "CN", null)]
        [InlineData("hunyuan-pro", "Tencent", "CN", null)]
        [InlineData("doubao-pro-32k", "ByteDance", "CN", null)]
        [InlineData("yi-large", "01.AI", "CN", null)]
        [InlineData("Baichuan4", "Baichuan", "CN", null)]
        [InlineData("generalv3.5", "iFlytek", "CN", null)]
        [InlineData("internlm2_5-7b-chat", "Shanghai AI Laboratory", "CN", true)]
        [InlineData("MiniCPM-V-2_6", "OpenBMB", "CN", true)]
        [InlineData("bge-m3", "BAAI", "CN", true)]
        [InlineData("MiMo-7B-RL", "Xiaomi", "CN", true)]
        [InlineData("GigaChat-Pro", "Sber", "RU", null)]
        [InlineData("yandexgpt-lite", "Yandex", "RU", null)]
        // Ollama tags
        [InlineData("qwen2.5:7b", "Alibaba", "CN", true)]
        [InlineData("deepseek-r1:14b", "DeepSeek", "CN", true)]
        [InlineData("llama3.1:8b", "Meta", "US", true)]
        [InlineData("gemma2:9b", "Google", "US", true)]
        [InlineData("phi3:mini", "Microsoft", "US", true)]
        [InlineData("mistral:7b", "Mistral AI", "FR", true)]
        // Hugging Face ids and router prefixes
        [InlineData("Qwen/Qwen2.5-7B-Instruct", "Alibaba", "CN", true)]
        [InlineData("deepseek-ai/DeepSeek-R1", "DeepSeek", "CN", true)]
        [InlineData("meta-llama/Llama-3.1-8B-Instruct", "Meta", "US", true)]
        [InlineData("mistralai/Mistral-7B-Instruct-v0.3", "Mistral AI", "FR", true)]
        [InlineData("deepseek/deepseek-chat", "DeepSeek", "CN", true)]
        [InlineData("Pro/deepseek-ai/DeepSeek-V3", "DeepSeek", "CN", true)]
        [InlineData("openrouter/qwen/qwen-2.5-72b-instruct", "Alibaba", "CN", null)]
        [InlineData("accounts/fireworks/models/llama-v3p1-70b-instruct", "Meta", "US", true)]
        // Bedrock and Vertex
        [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0", "Anthropic", "US", false)]
        [InlineData("us.anthropic.claude-3-haiku-20240307-v1:0", "Anthropic", "US", false)]
        [InlineData("meta.llama3-70b-instruct-v1:0", "Meta", "US", true)]
        [InlineData("claude-3-5-sonnet@20240620", "Anthropic", "US", false)]
        // weight files
        [InlineData("qwen2.5-7b-instruct-q4_k_m.gguf", "Alibaba", "CN", true)]
        [InlineData("/models/Meta-Llama-3-8B-Instruct.Q4_K_M.gguf", "Meta", "US", true)]
        [InlineData(@"C:\models\deepseek-coder-6.7b-instruct.Q5_K_M.gguf", "DeepSeek", "CN", true)]
        public void RecognisesTheIdShapesRealCodeUses(string id, string vendor, string country, bool? openWeights)
        {
            var match = Catalog.MatchModel(id);

            Assert.NotNull(match);
            Assert.Equal((vendor, country), (match!.Vendor.Name, match.Country));
            if (openWeights.HasValue)
            {
                Assert.Equal(openWeights.Value, match.Family.OpenWeights);
            }
        }

        [Theory]
        [InlineData("Index")]
        [InlineData("application/json")]
        [InlineData("Content-Type")]
        [InlineData("llama-index")]
        [InlineData("llama.cpp")]
        [InlineData("appsettings.json")]
        [InlineData("OpenAI:Model")]
        [InlineData("DEEPSEEK_API_KEY")]
        [InlineData("Model S")]
        public void MatchesNothingThatIsNotAModel(string text) => Assert.Null(Catalog.MatchModel(text));

        [Theory]
        [InlineData("api.openai.com", "OpenAI", "US", false)]
        [InlineData("my-resource.openai.azure.com", "Microsoft", "US", true)]
        [InlineData("api.anthropic.com", "Anthropic", "US", false)]
        [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "Amazon", "US", true)]
        [InlineData("api.together.xyz", "Together AI", "US", true)]
        [InlineData("openrouter.ai", "OpenRouter", "US", true)]
        [InlineData("api.groq.com", "Groq", "US", true)]
        [InlineData("api.mistral.ai", "Mistral AI", "FR", false)]
        [InlineData("api.deepseek.com", "DeepSeek", "CN", false)]
        [InlineData("dashscope.aliyuncs.com", "Alibaba", "CN", null)]
        [InlineData("dashscope-intl.aliyuncs.com", "Alibaba", "CN", null)]
        [InlineData("api.moonshot.cn", "Moonshot AI", "CN", false)]
        [InlineData("open.bigmodel.cn", "Zhipu AI", "CN", false)]
        [InlineData("api.siliconflow.cn", "SiliconFlow", "CN", true)]
        [InlineData("API.DeepSeek.com", "DeepSeek", "CN", false)]
        public void KnowsWhoRunsEachHost(string host, string vendor, string country, bool? multiVendor)
        {
            var entry = Catalog.MatchHost(host);

            Assert.NotNull(entry);
            Assert.Equal((vendor, country), (entry!.Operator.Name, entry.Country));
            if (multiVendor.HasValue)
            {
                Assert.Equal(multiVendor.Value, entry.MultiVendor);
            }
        }

        [Theory]
        [InlineData("platform.openai.com")]
        [InlineData("help.aliyun.com")]
        [InlineData("dashscope.oss-cn-beijing.aliyuncs.com")]
        [InlineData("docs.anthropic.com")]
        [InlineData("github.com")]
        public void DoesNotTakeVendorWebsitesForApiHosts(string host) => Assert.Null(Catalog.MatchHost(host));

        [Fact]
        public void AnExtensionAliasJudgesADeploymentNameAsTheModelItStandsFor()
        {
            var extended = ModelCatalog.Extend(Catalog, new[]
            {
                new System.Collections.Generic.KeyValuePair<string, string>("ModelCatalog.txt", "alias prod-chat-* | model=qwen-max\nmodel acme-ft | vendor=OpenAI | match=acme-ft-* | weights=closed | kind=chat | source=internal"),
            });

            var alias = extended.MatchModel("prod-chat-eu");
            Assert.Equal(("Alibaba", "qwen-max"), (alias!.Vendor.Name, alias.AliasTarget));
            Assert.Equal("acme-ft", extended.MatchModel("acme-ft-7")!.Family.Name);
            Assert.Empty(extended.Errors);
            Assert.Null(Catalog.MatchModel("acme-ft-7"));
        }
    }
}
