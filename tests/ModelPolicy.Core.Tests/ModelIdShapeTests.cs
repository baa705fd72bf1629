using System.Collections.Generic;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    public class ModelIdShapeTests
    {
        [Theory]
        [InlineData("gpt-4o")]
        [InlineData("qwen2.5:7b")]
        [InlineData("Qwen/Qwen2.5-7B-Instruct")]
        [InlineData("anthropic.claude-3-5-sonnet-20240620-v1:0")]
        [InlineData("claude-3-5-sonnet@20240620")]
        [InlineData("models/qwen2.5-7b-instruct-q4_k_m.gguf")]
        [InlineData(@"C:\models\llama-3-8b.Q4_K_M.gguf")]
        [InlineData("o1")]
        public void AcceptsModelIdShapes(string id) => Assert.True(ModelIdShape.IsPlausible(id));

        [Theory]
        [InlineData("")]
        [InlineData("x")]
        [InlineData("Hello world")]
        [InlineData("DEEPSEEK_API_KEY")]
        [InlineData("OpenAI:Model")]
        [InlineData("AI:Chat:ModelId")]
        [InlineData("https://api.openai.com/v1")]
        [InlineData("12345")]
        [InlineData("{\"model\":\"gpt-4o\"}")]
        [InlineData("gpt‑4o")] // non-breaking hyphen: not an ASCII id
        public void RejectsWhatIsNotAModelId(string text) => Assert.False(ModelIdShape.IsPlausible(text));

        [Fact]
        public void RejectsOverlongText() => Assert.False(ModelIdShape.IsPlausible(new string('a', ModelIdShape.MaxLength + 1)));

        [Theory]
        [InlineData("qwen2.5:7b", "qwen2.5:7b|qwen2.5")]
        [InlineData("Pro/deepseek-ai/DeepSeek-R1", "Pro/deepseek-ai/DeepSeek-R1|deepseek-ai/DeepSeek-R1|DeepSeek-R1")]
        [InlineData("us.anthropic.claude-3-haiku-20240307-v1:0", "claude-3-haiku-20240307-v1:0|claude-3-haiku-20240307-v1")]
        [InlineData("claude-3-5-sonnet@20240620", "claude-3-5-sonnet@20240620|claude-3-5-sonnet")]
        [InlineData("/models/qwen2.5-7b-instruct-q4_k_m.gguf", "/models/qwen2.5-7b-instruct-q4_k_m|models/qwen2.5-7b-instruct-q4_k_m|qwen2.5-7b-instruct-q4_k_m")]
        public void YieldsTheFormsTheCatalogIsMatchedAgainst(string id, string expected)
        {
            var forms = new List<string>();
            var candidates = ModelIdShape.Candidates(id);
            while (candidates.MoveNext())
            {
                forms.Add(id.Substring(candidates.Start, candidates.Length));
            }

            Assert.Equal(expected.Split('|'), forms);
        }

        [Theory]
        [InlineData("deepseek-1")]
        [InlineData("deepseek-3")]
        [InlineData("kimi-1")]
        [InlineData("gpt-1")]
        [InlineData("claude-test")]
        [InlineData("qwen-fake")]
        public void AFamilyWordWithALoneNumberOrGenericWordIsALookAlike(string id)
        {
            Assert.True(ModelIdShape.LookAlikeTailStart(id) > 0);
            Assert.Null(ModelCatalog.Builtin.MatchModel(id));
            Assert.False(ModelCatalog.Builtin.IsKnownModel(id));
        }

        [Theory]
        [InlineData("whisper-1")]
        [InlineData("tts-1")]
        [InlineData("claude-2")]
        [InlineData("gpt-4")]
        [InlineData("grok-3")]
        [InlineData("glm-4")]
        [InlineData("sora-2")]
        [InlineData("phi-3")]
        [InlineData("GigaChat-2")]
        [InlineData("SenseChat-5")]
        [InlineData("cogview-4")]
        [InlineData("step-3")]
        [InlineData("o1")]
        [InlineData("text-embedding-3-small")]
        public void DocumentedIdsOfThatShapeStayKnown(string id) => Assert.NotNull(ModelCatalog.Builtin.MatchModel(id));
    }
}
