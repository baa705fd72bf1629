using System;
using System.Collections.Generic;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    /// <summary>
    /// A consumer's file that imports both Microsoft.Extensions.AI and ModelPolicy.Routing, compiled against the real
    /// Microsoft.Extensions.AI 10.11 and this ModelPolicy.Routing: no CS0104, and MEAI001 only where MEAI's own
    /// experimental types are named.
    /// </summary>
    public class ConsumerCompileTests
    {
        private const string Consumer = """
            using System;
            using Microsoft.Extensions.AI;
            using ModelPolicy.Routing;

            public static class Consumer
            {
                public static FailoverChatClient AsMeai(ModelRouteChatClient client) => client;

                public static Type[] Names() => new[]
                {
                    typeof(FailoverChatClient), typeof(OrderedFailoverChatClient), typeof(RoutingChatClient),
                    typeof(ModelRouteChatClient), typeof(ModelRouteEmbeddingGenerator), typeof(IModelRoutes),
                };
            }
            """;

        /// <summary>
        /// What a consumer that never names MEAI's experimental types writes: the routed client, a member it inherits
        /// from FailoverChatClient, and MEAI's OrderedFailoverChatClient held as var / IChatClient.
        /// </summary>
        private const string PlainConsumer = """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using ModelPolicy.Routing;

            public static class PlainConsumer
            {
                public static async Task<string> AskAsync(IModelRoutes routes, Func<ModelBackend, IChatClient> make)
                {
                    using ModelRouteChatClient chat = routes.CreateChatClient("chat", make);
                    chat.MaximumAttemptsPerRequest = 3;
                    using var ordered = routes.CreateOrderedFailoverChatClient("chat", make);
                    IChatClient client = chat.AsBuilder().Build();
                    ChatResponse response = await client.GetResponseAsync("hi");
                    return chat.RouteName + chat.Route.Model + response.Text;
                }
            }
            """;

        [Fact]
        public void A_consumer_importing_both_namespaces_and_naming_FailoverChatClient_compiles_once_MEAI001_is_silenced()
        {
            var diagnostics = Compile("#pragma warning disable MEAI001\n" + Consumer);

            Assert.Empty(Problems(diagnostics));
        }

        [Fact]
        public void Without_the_pragma_only_MEAIs_experimental_names_report_MEAI001()
        {
            var errors = Compile(Consumer).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

            Assert.NotEmpty(errors);
            Assert.All(errors, e => Assert.Equal("MEAI001", e.Id));
            Assert.DoesNotContain(errors, e => e.GetMessage().Contains("ModelRoute", StringComparison.Ordinal));
        }

        [Fact]
        public void A_consumer_that_uses_only_the_routing_types_gets_no_MEAI001()
        {
            var diagnostics = Compile(PlainConsumer);

            Assert.Empty(Problems(diagnostics));
        }

        [Fact]
        public void The_check_would_see_a_clash_a_library_type_named_FailoverChatClient_makes_CS0104()
        {
            // The control: a public FailoverChatClient in a namespace the consumer imports is ambiguous.
            var clash = "namespace ModelPolicy.Routing.Clash { public sealed class FailoverChatClient { } }\n";
            var diagnostics = Compile(clash + "#pragma warning disable MEAI001\n" + Consumer.Replace("using ModelPolicy.Routing;", "using ModelPolicy.Routing;\nusing ModelPolicy.Routing.Clash;", StringComparison.Ordinal));

            Assert.Contains(diagnostics, d => d.Id == "CS0104" && d.GetMessage().Contains("'FailoverChatClient' is an ambiguous reference", StringComparison.Ordinal));
        }

        /// <summary>Warnings and errors, as text (the test's message then shows them).</summary>
        private static List<string> Problems(IEnumerable<Diagnostic> diagnostics) =>
            diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString()).ToList();

        private static IReadOnlyList<Diagnostic> Compile(string source)
        {
            // the using directives must come first: put a leading type after them
            var tree = CSharpSyntaxTree.ParseText(Reorder(source), new CSharpParseOptions(LanguageVersion.Latest));
            var references = Net100.References.All.Cast<MetadataReference>()
                .Concat(new[]
                {
                    typeof(Microsoft.Extensions.AI.ChatClientBuilder).Assembly, // Microsoft.Extensions.AI
                    typeof(Microsoft.Extensions.AI.IChatClient).Assembly,
                    typeof(ModelRouteChatClient).Assembly,
                    typeof(Microsoft.Extensions.Logging.ILogger).Assembly,
                }.Select(a => MetadataReference.CreateFromFile(a.Location)));
            var compilation = CSharpCompilation.Create(
                "Consumer", new[] { tree }, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                    // as the .NET SDK does: a reference built against a newer System.* is unified without a warning
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress }));
            return compilation.GetDiagnostics();
        }

        private static string Reorder(string source)
        {
            var lines = source.Split('\n');
            var usings = lines.Where(l => l.StartsWith("using ", StringComparison.Ordinal)).ToList();
            return string.Join("\n", usings.Concat(lines.Where(l => !l.StartsWith("using ", StringComparison.Ordinal))));
        }
    }
}
