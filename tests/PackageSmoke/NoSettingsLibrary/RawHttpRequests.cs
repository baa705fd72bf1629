using System;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace NoSettingsLibrary
{
    /// <summary>Hand-written HTTP calls: JSON request bodies in every kind of C# string.</summary>
    public sealed class RawHttpRequests
    {
        private readonly HttpClient http;

        public RawHttpRequests(HttpClient http)
        {
            this.http = http;
        }

        public Task<HttpResponseMessage> RegularAsync(CancellationToken cancellationToken) =>
            http.PostAsync("https://api.openai.com/v1/chat/completions", new StringContent("{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"ping\"}]}", Encoding.UTF8, "application/json"), cancellationToken);

        public Task<HttpResponseMessage> VerbatimAsync(CancellationToken cancellationToken) =>
            http.PostAsync(new Uri("https://api.mistral.ai/v1/chat/completions"), new StringContent(@"{""model"": ""mistral-small-latest"", ""messages"": []}", Encoding.UTF8, "application/json"), cancellationToken);

        public Task<HttpResponseMessage> RawAsync(CancellationToken cancellationToken)
        {
            var body = """
                {
                  "model": "deepseek-reasoner",
                  "stream": false,
                  "messages": [ { "role": "user", "content": "{not a hole}" } ]
                }
                """;
            return http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        }

        public Task<HttpResponseMessage> InterpolatedAsync(int maxTokens, CancellationToken cancellationToken)
        {
            var body = $"{{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":{maxTokens},\"messages\":[]}}";
            return http.PostAsync("https://api.anthropic.com/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"), cancellationToken);
        }
    }
}
