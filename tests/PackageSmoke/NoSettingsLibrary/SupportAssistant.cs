using System.Threading;
using System.Threading.Tasks;
using OpenAI;
using OpenAI.Chat;

namespace NoSettingsLibrary
{
    /// <summary>An instance class nothing in the library constructs: the fix gives it an IModelRoutes parameter.</summary>
    public sealed class SupportAssistant
    {
        private const string TriageModel = "gpt-4.1-mini";
        private readonly OpenAIClient client;

        public SupportAssistant(OpenAIClient client)
        {
            this.client = client;
        }

        public async Task<string> AnswerAsync(string question, CancellationToken cancellationToken)
        {
            ChatClient chat = client.GetChatClient("gpt-4.1");
            ChatCompletion completion = await chat.CompleteChatAsync(new ChatMessage[] { new UserChatMessage(question) }, cancellationToken: cancellationToken);
            return completion.Content[0].Text;
        }

        public ChatClient Triage() => client.GetChatClient(TriageModel);

        public ChatClient Summaries() => client.GetChatClient("o4-mini");

        public ChatClient Claude() => client.GetChatClient("claude-3-5-sonnet-latest");

        public ChatClient Gemini() => client.GetChatClient("gemini-2.0-flash");
    }
}
