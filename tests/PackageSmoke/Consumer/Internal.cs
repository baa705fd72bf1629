using System.ClientModel;
using OpenAI.Chat;

namespace Consumer
{
    public static class Internal
    {
        // Known only through ModelCatalog.txt: a CN model, so denied.
        public static ChatClient InHouse(string key) => new ChatClient("example-chat-2", new ApiKeyCredential(key));
    }
}
