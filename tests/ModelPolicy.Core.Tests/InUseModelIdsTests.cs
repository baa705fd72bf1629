using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>
    /// Model ids really used in public C# repositories (tests/RealWorld/labels.tsv names the repository, commit and
    /// line of each "corpus" row) and ids on the vendors' current model lists (2025–2026): each one is known to the
    /// built-in catalog with the right maker and the maker's country.
    /// </summary>
    public class InUseModelIdsTests
    {
        private static readonly ModelCatalog Catalog = ModelCatalog.Builtin;

        [Theory]
        // corpus: awaescher/OllamaSharp, tests/RealWorld/labels.tsv
        [InlineData("qwen3.5:35b-a3b", "Alibaba", "CN")]
        [InlineData("llama3.2:1b", "Meta", "US")]
        [InlineData("all-minilm:22m", "Sentence Transformers", "DE")]
        [InlineData("codellama:latest", "Meta", "US")]
        [InlineData("starcoder:latest", "BigCode", "US")]
        // corpus: tghamm/Anthropic.SDK (plain and Vertex @version forms)
        [InlineData("claude-opus-4-6", "Anthropic", "US")]
        [InlineData("claude-sonnet-4-5-20250929", "Anthropic", "US")]
        [InlineData("claude-haiku-4-5-20251001", "Anthropic", "US")]
        [InlineData("claude-opus-4-1@20250805", "Anthropic", "US")]
        [InlineData("claude-3-haiku@20240307", "Anthropic", "US")]
        // corpus: SciSharp/LLamaSharp (GGUF file names)
        [InlineData("smollm-360m-instruct-add-basics-q8_0.gguf", "Hugging Face", "US")]
        [InlineData("jina-reranker-v1-tiny-en-FP16.gguf", "Jina AI", "DE")]
        [InlineData("gemma-3-4b-it-Q4_K_M.gguf", "Google", "US")]
        // corpus: AIDotNet/AntSK (ModelScope and Xorbits mirrors of BAAI models)
        [InlineData("AI-ModelScope/bge-small-zh-v1.5", "BAAI", "CN")]
        [InlineData("Xorbits/bge-reranker-base", "BAAI", "CN")]
        // corpus: sdcb/chats
        [InlineData("deepseek-reasoner", "DeepSeek", "CN")]
        [InlineData("deepseek-v4-flash", "DeepSeek", "CN")]
        [InlineData("grok-4-1-fast-reasoning", "xAI", "US")]
        [InlineData("gpt-5.2", "OpenAI", "US")]
        [InlineData("MiniMax-M2", "MiniMax", "CN")]
        [InlineData("minimax-m2.5", "MiniMax", "CN")]
        [InlineData("kimi-k2-thinking-turbo", "Moonshot AI", "CN")]
        [InlineData("qwen/qwen3.5-397b-a17b", "Alibaba", "CN")]
        [InlineData("gemini-3-flash-preview", "Google", "US")]
        [InlineData("gemini-2.5-flash-image", "Google", "US")]
        // corpus: betalgo/openai, openai/openai-dotnet
        [InlineData("gpt-image-1-mini", "OpenAI", "US")]
        [InlineData("gpt-4o-realtime-preview-2024-10-01", "OpenAI", "US")]
        [InlineData("o4-mini-2025-04-16", "OpenAI", "US")]
        [InlineData("chatgpt-4o-latest", "OpenAI", "US")]
        [InlineData("gpt-35-turbo", "OpenAI", "US")]
        // corpus: microsoft/kernel-memory
        [InlineData("phi3:medium-128k", "Microsoft", "US")]
        [InlineData("nomic-embed-text", "Nomic AI", "US")]
        [InlineData("qwen3-embedding:0.6b", "Alibaba", "CN")]
        [InlineData("sentence-transformers/all-MiniLM-L6-v2", "Sentence Transformers", "DE")]
        [InlineData("BAAI/bge-base-en-v1.5", "BAAI", "CN")]
        // corpus: microsoft/semantic-kernel (Bedrock vendor prefixes, Hugging Face hub ids)
        [InlineData("mistral.mistral-7b-instruct-v0:2", "Mistral AI", "FR")]
        [InlineData("cohere.command-r-plus-v1:0", "Cohere", "CA")]
        [InlineData("amazon.titan-text-premier-v1:0", "Amazon", "US")]
        [InlineData("anthropic.claude-v2:1", "Anthropic", "US")]
        [InlineData("llama3.2-vision", "Meta", "US")]
        [InlineData("teknium/OpenHermes-2.5-Mistral-7B", "Nous Research", "US")]
        [InlineData("HuggingFaceH4/zephyr-7b-beta", "Hugging Face", "US")]
        [InlineData("Salesforce/blip-image-captioning-base", "Salesforce", "US")]
        // corpus: AIDotNet/Thor (gateway provider lists)
        [InlineData("ERNIE-3.5-8K-0613", "Baidu", "CN")]
        [InlineData("ernie-speed-128k", "Baidu", "CN")]
        [InlineData("hunyuan-code", "Tencent", "CN")]
        [InlineData("qwen-plus", "Alibaba", "CN")]
        [InlineData("deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "DeepSeek", "CN")]
        [InlineData("Pro/deepseek-ai/DeepSeek-V3", "DeepSeek", "CN")]
        [InlineData("generalv3.5", "iFlytek", "CN")]
        [InlineData("wanx-v1", "Alibaba", "CN")]
        [InlineData("ChatGLM2-6B-32K", "Zhipu AI", "CN")]
        // vendors' current model lists, 2025–2026 (sources on the catalog lines)
        [InlineData("qwen3-235b-a22b-instruct-2507", "Alibaba", "CN")]
        [InlineData("qwen3-coder-plus", "Alibaba", "CN")]
        [InlineData("qwq-32b", "Alibaba", "CN")]
        [InlineData("deepseek-v3.1", "DeepSeek", "CN")]
        [InlineData("deepseek-ai/DeepSeek-R1-0528", "DeepSeek", "CN")]
        [InlineData("kimi-k2-0905-preview", "Moonshot AI", "CN")]
        [InlineData("glm-4.5-air", "Zhipu AI", "CN")]
        [InlineData("glm-4.6", "Zhipu AI", "CN")]
        [InlineData("MiniMax-M1", "MiniMax", "CN")]
        [InlineData("doubao-seed-1-6-250615", "ByteDance", "CN")]
        [InlineData("ernie-4.5-turbo-128k", "Baidu", "CN")]
        [InlineData("hunyuan-t1-latest", "Tencent", "CN")]
        [InlineData("yi-lightning", "01.AI", "CN")]
        [InlineData("Baichuan4-Turbo", "Baichuan", "CN")]
        [InlineData("step-2-16k", "StepFun", "CN")]
        [InlineData("XiaomiMiMo/MiMo-7B-RL", "Xiaomi", "CN")]
        [InlineData("ByteDance-Seed/Seed-OSS-36B-Instruct", "ByteDance", "CN")]
        [InlineData("internlm3-8b-instruct", "Shanghai AI Laboratory", "CN")]
        [InlineData("MiniCPM-V-4", "OpenBMB", "CN")]
        [InlineData("gpt-5-mini", "OpenAI", "US")]
        [InlineData("gpt-4.1-nano", "OpenAI", "US")]
        [InlineData("o3-pro", "OpenAI", "US")]
        [InlineData("gpt-oss-20b", "OpenAI", "US")]
        [InlineData("claude-sonnet-4-20250514", "Anthropic", "US")]
        [InlineData("gemini-2.5-flash-lite", "Google", "US")]
        [InlineData("meta-llama/Llama-4-Scout-17B-16E-Instruct", "Meta", "US")]
        [InlineData("magistral-medium-latest", "Mistral AI", "FR")]
        [InlineData("devstral-small-2505", "Mistral AI", "FR")]
        [InlineData("phi-4-mini-instruct", "Microsoft", "US")]
        [InlineData("gemma3:27b", "Google", "US")]
        [InlineData("ibm-granite/granite-4.0-h-small", "IBM", "US")]
        [InlineData("llama-3.3-nemotron-super-49b-v1", "NVIDIA", "US")]
        [InlineData("command-a-03-2025", "Cohere", "CA")]
        [InlineData("jamba-large-1.7", "AI21 Labs", "IL")]
        [InlineData("grok-4", "xAI", "US")]
        [InlineData("GigaChat-2-Max", "Sber", "RU")]
        [InlineData("EXAONE-4.0-32B", "LG AI Research", "KR")]
        [InlineData("Falcon3-7B-Instruct", "Technology Innovation Institute", "AE")]
        // long tail added with this test (builtin.catalog "Long tail found by the real-world corpus check")
        [InlineData("Qianfan-Chinese-Llama-2-13B", "Baidu", "CN")]
        [InlineData("XuanYuan-70B-Chat-4bit", "Du Xiaoman", "CN")]
        [InlineData("BLOOMZ-7B", "BigScience", "US")]
        [InlineData("Kwaipilot/KAT-Dev", "Kuaishou", "CN")]
        [InlineData("NousResearch/Hermes-3-Llama-3.1-8B", "Nous Research", "US")]
        [InlineData("utter-project/EuroLLM-9B-Instruct", "UTTER", "PT")]
        [InlineData("openGPT-X/Teuken-7B-instruct-commercial-v0.4", "OpenGPT-X", "DE")]
        [InlineData("BSC-LT/salamandra-7b-instruct", "Barcelona Supercomputing Center", "ES")]
        [InlineData("swiss-ai/Apertus-70B-Instruct-2509", "Swiss AI Initiative", "CH")]
        [InlineData("sarashina2-7b", "SB Intuitions", "JP")]
        [InlineData("sailor2:8b", "Sea AI Lab", "SG")]
        [InlineData("TinyLlama/TinyLlama-1.1B-Chat-v1.0", "TinyLlama", "SG")]
        [InlineData("llava:13b", "LLaVA", "US")]
        [InlineData("zephyr:7b", "Hugging Face", "US")]
        [InlineData("dolphin-mixtral:8x7b", "Cognitive Computations", "US")]
        [InlineData("vicuna:13b", "LMSYS", "US")]
        public void InUseIdIsKnownWithItsMakerAndCountry(string id, string vendor, string country)
        {
            var match = Catalog.MatchModel(id);
            Assert.True(match != null, id + " is not known to the catalog");
            Assert.Equal(vendor, match!.Vendor.Name);
            Assert.Equal(country, match.Country);
        }
    }
}
