using System.ClientModel;
using OpenAI.Chat;

namespace Consumer.Payments
{
    public static class RefundAssistant
    {
        public static ChatClient Create(string key) => new ChatClient("qwen-max", new ApiKeyCredential(key));
    }
}
