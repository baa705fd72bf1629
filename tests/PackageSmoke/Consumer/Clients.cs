using System;
using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace Consumer
{
    public static class Clients
    {
        public static ChatClient Primary(string key) => new OpenAI.Chat.ChatClient("gpt-4o", key);

        public static ChatClient Cheap(string key) => new ChatClient("qwen-max", new ApiKeyCredential(key));

        public static OpenAIClientOptions DeepSeekOptions() => new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") };
    }
}
