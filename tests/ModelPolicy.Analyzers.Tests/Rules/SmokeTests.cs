using System.Threading.Tasks;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    public class SmokeTests
    {
        [Fact]
        public Task OpenAIChatClientModelArgument() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
            }
            """);
    }
}
