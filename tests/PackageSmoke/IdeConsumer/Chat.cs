using System;
using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace IdeConsumer
{
    public static class Chat
    {
        public static ChatClient Primary(string key) => new ChatClient("gpt-4o", key);

        public static ChatClient Cheap(string key) => new ChatClient("qwen-max", new ApiKeyCredential(key));

        public static OpenAIClientOptions DeepSeekOptions() => new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") };

        public static ChatClient Typed(OpenAIClient client)
        {
            // The IDE check types a line here.
            return client.GetChatClient("gpt-4o-mini");
        }
    }
}
