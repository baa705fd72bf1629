using System;
using System.ClientModel;
using OpenAI;
using OpenAI.Audio;
using OpenAI.Chat;
using OpenAI.Embeddings;
using OpenAI.Images;
using OpenAI.Moderations;

namespace NoSettingsLibrary
{
    /// <summary>Static factories: the fix reads the routes through ModelRoutes.Default here.</summary>
    public static class OpenAIClients
    {
        public static ChatClient Chat(string key) => new ChatClient("gpt-4o", key);

        public static ChatClient Mini(string key) => new ChatClient("gpt-4o-mini", new ApiKeyCredential(key));

        public static ChatClient Reasoning(string key) => new ChatClient(model: "o3-mini", apiKey: key);

        public static EmbeddingClient Embeddings(string key) => new EmbeddingClient("text-embedding-3-small", key);

        public static EmbeddingClient LargeEmbeddings(string key) => new EmbeddingClient("text-embedding-3-large", key);

        public static ImageClient Images(string key) => new ImageClient("dall-e-3", key);

        public static AudioClient Transcription(string key) => new AudioClient("whisper-1", key);

        public static AudioClient Speech(string key) => new AudioClient("tts-1", key);

        public static ModerationClient Moderation(string key) => new ModerationClient("omni-moderation-latest", key);

        public static ChatClient DeepSeek(string key) =>
            new ChatClient("deepseek-chat", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") });

        public static ChatClient Qwen(string key) =>
            new ChatClient("qwen-max", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://dashscope-intl.aliyuncs.com/compatible-mode/v1") });

        public static ChatClient Mistral(string key) =>
            new ChatClient("mistral-large-latest", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.mistral.ai/v1") });

        public static ChatClient Groq(string key) =>
            new ChatClient("llama-3.3-70b-versatile", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") });

        public static ChatClient Moonshot(string key) =>
            new ChatClient("moonshot-v1-8k", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.moonshot.ai/v1") });

        public static OpenAIClient Together(string key) =>
            new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.together.xyz/v1") });
    }
}
