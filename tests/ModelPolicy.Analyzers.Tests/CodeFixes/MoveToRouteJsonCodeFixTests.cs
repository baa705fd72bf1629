using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Testing;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers;
using ModelPolicy.Analyzers.CodeFixes;
using ModelPolicy.Analyzers.CodeFixes.Routes;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// Model ids and endpoints inside JSON request bodies in C# strings: the value becomes a hole that reads the
    /// route, the string keeps its kind's escapes, and the value the rewritten string has at run time is still
    /// JSON (parsed here with System.Text.Json, the route's value put in each hole).
    /// </summary>
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0003")]
    public class MoveToRouteJsonCodeFixTests
    {
        private const string Header = """
            using System.Net.Http;
            using System.Text;
            using ModelPolicy.Routing;

            class C
            {
                private readonly IModelRoutes routes;

                C(IModelRoutes routes) { this.routes = routes; }


            """;

        private static string Class(string members) => Header + members + "\n}\n";

        private static string Settings(params (string Route, string Key, string Value)[] values)
        {
            var builder = new StringBuilder("{\n  \"ModelRoutes\": {\n");
            var routes = values.GroupBy(v => v.Route).ToList();
            for (var r = 0; r < routes.Count; r++)
            {
                builder.Append("    \"").Append(routes[r].Key).Append("\": {\n");
                var entries = routes[r].ToList();
                for (var i = 0; i < entries.Count; i++)
                {
                    builder.Append("      \"").Append(entries[i].Key).Append("\": \"").Append(entries[i].Value).Append('"').Append(i < entries.Count - 1 ? ",\n" : "\n");
                }

                builder.Append("    }").Append(r < routes.Count - 1 ? ",\n" : "\n");
            }

            return builder.Append("  }\n}\n").ToString();
        }

        private static async Task RunAsync(string source, string fixedSource, string settings, Action<AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider>>? configure = null)
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider> { TestCode = source, FixedCode = fixedSource };
            test.DisabledDiagnostics.Add("MP0010");
            test.FixedState.AdditionalFiles.Add(("/0/appsettings.json", SourceText.From(settings, Encoding.UTF8)));

            // The fixed code has no markup; '$$' of a raw interpolated string would read as a caret position.
            test.FixedState.MarkupHandling = MarkupMode.None;
            configure?.Invoke(test);
            await test.RunAsync();
        }

        /// <summary>
        /// The run-time value of every interpolated string in <paramref name="fixedSource"/> that reads a route, with
        /// each hole replaced by the value appsettings.json gives the route: each must parse as JSON.
        /// </summary>
        private static List<JsonDocument> RuntimeJson(string fixedSource, string settings)
        {
            using var config = JsonDocument.Parse(settings);
            var routes = config.RootElement.GetProperty("ModelRoutes");
            var root = CSharpSyntaxTree.ParseText(fixedSource, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
            Assert.Empty(root.GetDiagnostics());
            var documents = new List<JsonDocument>();
            foreach (var interpolated in root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
            {
                var holes = interpolated.Contents.OfType<InterpolationSyntax>().Select(i => i.Expression.ToString()).ToList();
                if (!holes.Any(h => h.Contains(".GetModel(", StringComparison.Ordinal) || h.Contains(".GetEndpoint(", StringComparison.Ordinal)))
                {
                    continue;
                }

                var value = new StringBuilder();
                var raw = interpolated.StringStartToken.Text.Contains("\"\"\"", StringComparison.Ordinal);
                foreach (var content in interpolated.Contents)
                {
                    if (content is InterpolatedStringTextSyntax text)
                    {
                        // A text part's ValueText has its escapes decoded but keeps doubled braces.
                        value.Append(raw ? text.TextToken.ValueText : text.TextToken.ValueText.Replace("{{", "{", StringComparison.Ordinal).Replace("}}", "}", StringComparison.Ordinal));
                        continue;
                    }

                    var expression = ((InterpolationSyntax)content).Expression.ToString();
                    var key = expression.Contains(".GetEndpoint(", StringComparison.Ordinal) ? "Endpoint" : expression.Contains(".GetModel(", StringComparison.Ordinal) ? "Model" : null;
                    if (key == null)
                    {
                        value.Append('1'); // the snippet's own holes are numbers
                        continue;
                    }

                    var name = expression.Substring(expression.IndexOf("(\"", StringComparison.Ordinal) + 2);
                    name = name.Substring(0, name.IndexOf('"'));
                    var configured = routes.GetProperty(name).GetProperty(key).GetString()!;
                    value.Append(key == "Endpoint" ? new Uri(configured).AbsoluteUri : configured);
                }

                documents.Add(JsonDocument.Parse(value.ToString()));
            }

            Assert.NotEmpty(documents);
            return documents;
        }

        /// <summary>The result at <paramref name="text"/>'s place in <paramref name="source"/> (found by searching, not written by hand).</summary>
        private static DiagnosticResult At(DiagnosticResult result, string source, string text)
        {
            var start = source.IndexOf(text, StringComparison.Ordinal);
            Assert.True(start >= 0);
            var lines = SourceText.From(source).Lines;
            var from = lines.GetLinePosition(start);
            var to = lines.GetLinePosition(start + text.Length);
            return result.WithSpan("/0/Test0.cs", from.Line + 1, from.Character + 1, to.Line + 1, to.Character + 1);
        }

        [Fact]
        public async Task RegularStringBecomesInterpolatedWithBracesDoubledAndEscapesKept()
        {
            var source = Class("""
                    StringContent Body() => new StringContent({|MP0001:"{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"say \\\"hi\\\" {now}\\n\"}]}"|}, Encoding.UTF8, "application/json");
                """);
            var fixedSource = Class("""
                    StringContent Body() => new StringContent($"{{\"model\":\"{routes.GetModel("chat")}\",\"messages\":[{{\"role\":\"user\",\"content\":\"say \\\"hi\\\" {{now}}\\n\"}}]}}", Encoding.UTF8, "application/json");
                """);
            var settings = Settings(("chat", "Model", "gpt-4o-mini"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o-mini", json.GetProperty("model").GetString());
            Assert.Equal("say \"hi\" {now}\n", json.GetProperty("messages")[0].GetProperty("content").GetString());
        }

        [Fact]
        public async Task VerbatimStringKeepsDoubledQuotes()
        {
            var source = Class("""
                    StringContent Body() => new StringContent({|MP0001:@"{""model"": ""mistral-small-latest"", ""stream"": true, ""stop"": [""}""]}"|});
                """);
            var fixedSource = Class("""
                    StringContent Body() => new StringContent($@"{{""model"": ""{routes.GetModel("chat")}"", ""stream"": true, ""stop"": [""}}""]}}");
                """);
            var settings = Settings(("chat", "Model", "mistral-small-latest"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("mistral-small-latest", json.GetProperty("model").GetString());
            Assert.Equal("}", json.GetProperty("stop")[0].GetString());
        }

        [Fact]
        public async Task MultiLineRawStringGetsTwoDollarsAndKeepsItsBracesAsContent()
        {
            var source = Class(""""
                    string Body()
                    {
                        var body = {|MP0001:"""
                            {
                              "model": "deepseek-reasoner",
                              "messages": [ { "role": "user", "content": "{not a hole}" } ]
                            }
                            """|};
                        return body;
                    }
                """");
            var fixedSource = Class(""""
                    string Body()
                    {
                        var body = $$"""
                            {
                              "model": "{{routes.GetModel("reasoning")}}",
                              "messages": [ { "role": "user", "content": "{not a hole}" } ]
                            }
                            """;
                        return body;
                    }
                """");
            // The route is named after the catalog kind of the model.
            var settings = Settings(("reasoning", "Model", "deepseek-reasoner"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("deepseek-reasoner", json.GetProperty("model").GetString());
            Assert.Equal("{not a hole}", json.GetProperty("messages")[0].GetProperty("content").GetString());
        }

        [Fact]
        public async Task SingleLineRawStringWithDoubleBracesGetsThreeDollars()
        {
            var source = Class(""""
                    string Body() => {|MP0001:"""{"model": "gpt-4o", "template": "{{name}}"}"""|};
                """");
            var fixedSource = Class(""""
                    string Body() => $$$"""{"model": "{{{routes.GetModel("chat")}}}", "template": "{{name}}"}""";
                """");
            var settings = Settings(("chat", "Model", "gpt-4o"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o", json.GetProperty("model").GetString());
            Assert.Equal("{{name}}", json.GetProperty("template").GetString());
        }

        [Fact]
        public async Task InterpolatedStringGetsAHoleBesideItsOwn()
        {
            var source = Class("""
                    string Body(int max) => $"{|MP0001:{{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":|}{max}}}";
                """);
            var fixedSource = Class("""
                    string Body(int max) => $"{{\"model\":\"{routes.GetModel("chat")}\",\"max_tokens\":{max}}}";
                """);
            var settings = Settings(("chat", "Model", "claude-3-5-haiku-latest"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("claude-3-5-haiku-latest", json.GetProperty("model").GetString());
            Assert.Equal(1, json.GetProperty("max_tokens").GetInt32());
        }

        [Fact]
        public async Task VerbatimInterpolatedStringKeepsItsForm()
        {
            var source = Class("""
                    string Body(int n) => $@"{|MP0001:{{""model"": ""gpt-4o"", ""n"": |}{n}}}";
                """);
            var fixedSource = Class("""
                    string Body(int n) => $@"{{""model"": ""{routes.GetModel("chat")}"", ""n"": {n}}}";
                """);
            var settings = Settings(("chat", "Model", "gpt-4o"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o", json.GetProperty("model").GetString());
        }

        [Fact]
        public async Task AValueWrittenWithEscapesIsLeftAlone()
        {
            // The source has "gpt\u002d4o" where the value is gpt-4o: replacing it would need to rewrite the escape.
            var source = Class("""
                    string Body() => {|#0:"{\"model\":\"gpt\u002d4o\"}"|};
                """);
            var expected = new DiagnosticResult("MP0001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("gpt-4o", "OpenAI, US, closed weights");
            var test = new AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider> { TestCode = source, FixedCode = source };
            test.DisabledDiagnostics.Add("MP0010");
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
            await test.RunAsync();
        }

        [Fact]
        public async Task RawInterpolatedStringHolesUseItsBraceCount()
        {
            // '$$' is a caret position in test markup: this source has none, and the finding's place is computed.
            var source = Class(""""
                    string Body(int n) => $$"""{"model": "gpt-4.1", "n": {{n}}}""";
                """");
            var part = "{\"model\": \"gpt-4.1\", \"n\": ";
            var fixedSource = Class(""""
                    string Body(int n) => $$"""{"model": "{{routes.GetModel("chat")}}", "n": {{n}}}""";
                """");
            var settings = Settings(("chat", "Model", "gpt-4.1"));
            await RunAsync(source, fixedSource, settings, test =>
            {
                test.TestState.MarkupHandling = MarkupMode.None;
                test.ExpectedDiagnostics.Add(At(new DiagnosticResult("MP0001", DiagnosticSeverity.Warning).WithArguments("gpt-4.1", "OpenAI, US, closed weights"), source, part));
            });

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4.1", json.GetProperty("model").GetString());
        }

        [Fact]
        public async Task ConstBodyBecomesStaticReadonlyReadingTheStaticRoutes()
        {
            var source = """
                using System.Net.Http;

                static class Requests
                {
                    private const string Body = {|MP0001:"{\"model\":\"gpt-4o\",\"temperature\":0}"|};

                    public static StringContent Create() => new StringContent(Body);
                }
                """;
            var fixedSource = """
                using System.Net.Http;
                using ModelPolicy.Routing;

                static class Requests
                {
                    private static readonly string Body = $"{{\"model\":\"{ModelRoutes.Default.GetModel("chat")}\",\"temperature\":0}}";

                    public static StringContent Create() => new StringContent(Body);
                }
                """;
            var settings = Settings(("chat", "Model", "gpt-4o"));
            await RunAsync(source, fixedSource, settings);

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o", json.GetProperty("model").GetString());
        }

        [Fact]
        public async Task ModelAndEndpointOfOneBodyShareARoute()
        {
            var source = Class("""
                    string Body() => {|#0:"{\"model\":\"gpt-4o\",\"base_url\":\"https://api.openai.com/v1\"}"|};
                """);
            var fixedSource = Class("""
                    string Body() => $"{{\"model\":\"{routes.GetModel("chat")}\",\"base_url\":\"{routes.GetEndpoint("chat").AbsoluteUri}\"}}";
                """);
            var settings = Settings(("chat", "Model", "gpt-4o"), ("chat", "Endpoint", "https://api.openai.com/v1"));
            await RunAsync(source, fixedSource, settings, test =>
            {
                test.ExpectedDiagnostics.Add(new DiagnosticResult("MP0001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("gpt-4o", "OpenAI, US, closed weights"));
                test.ExpectedDiagnostics.Add(new DiagnosticResult("MP0003", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("api.openai.com", "OpenAI, US, region unknown"));
            });

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o", json.GetProperty("model").GetString());
            Assert.Equal("https://api.openai.com/v1", json.GetProperty("base_url").GetString());
        }

        [Fact]
        public async Task TheSameIdTwiceInOneBodyBecomesTwoHolesOfOneRoute()
        {
            var source = Class("""
                    string Body() => {|#0:"{\"model\":\"gpt-4o\",\"fallback_model\":\"gpt-4o\"}"|};
                """);
            var fixedSource = Class("""
                    string Body() => $"{{\"model\":\"{routes.GetModel("chat")}\",\"fallback_model\":\"{routes.GetModel("chat")}\"}}";
                """);
            var settings = Settings(("chat", "Model", "gpt-4o"));
            // One finding for the id in that string; the fix finds both values itself.
            await RunAsync(source, fixedSource, settings, test =>
                test.ExpectedDiagnostics.Add(new DiagnosticResult("MP0001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("gpt-4o", "OpenAI, US, closed weights")));

            var json = Assert.Single(RuntimeJson(fixedSource, settings)).RootElement;
            Assert.Equal("gpt-4o", json.GetProperty("fallback_model").GetString());
        }

        [Fact]
        public async Task Utf8LiteralIsNotOffered()
        {
            // A UTF-8 literal cannot become an interpolated string: the finding stays, with no fix.
            var source = Class("""
                    System.ReadOnlySpan<byte> Body() => {|#0:"{\"model\":\"gpt-4o\"}"u8|};
                """);
            var expected = new DiagnosticResult("MP0001", DiagnosticSeverity.Warning).WithLocation(0).WithArguments("gpt-4o", "OpenAI, US, closed weights");
            var test = new AnalyzerTest<ModelPolicyAnalyzer, MoveToRouteCodeFixProvider> { TestCode = source, FixedCode = source };
            test.DisabledDiagnostics.Add("MP0010");
            test.ExpectedDiagnostics.Add(expected);
            test.FixedState.ExpectedDiagnostics.Add(expected);
            await test.RunAsync();
        }

        /// <summary>
        /// With <see cref="DiagnosticProperties.ValueSpanStart"/>/<see cref="DiagnosticProperties.ValueSpanLength"/> (the
        /// analyzer's hook for this fix) only the value the finding names becomes a hole.
        /// </summary>
        [Fact]
        public async Task ValueSpanPropertiesPickOneOfTwoEqualValues()
        {
            const string Source = """
                using ModelPolicy.Routing;

                class C
                {
                    private readonly IModelRoutes routes;

                    C(IModelRoutes routes) { this.routes = routes; }

                    string Body() => "{\"model\":\"gpt-4o\",\"fallback_model\":\"gpt-4o\"}";
                }
                """;
            var (document, literal) = await DocumentWithLiteralAsync(Source);
            var value = literal.Token.ValueText;
            var second = value.LastIndexOf("gpt-4o", StringComparison.Ordinal);
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(DiagnosticProperties.Kind, ValueKinds.Model)
                .Add(DiagnosticProperties.Value, "gpt-4o")
                .Add(DiagnosticProperties.ModelKind, "chat")
                .Add(DiagnosticProperties.ValueSpanStart, second.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Add(DiagnosticProperties.ValueSpanLength, "6");
            var diagnostic = Diagnostic.Create(ModelPolicy.Analyzers.Rules.MP0001HardCodedModel.Descriptor, literal.GetLocation(), properties, "gpt-4o", "OpenAI, US, closed weights");

            var solution = await RouteRewriter.ApplyAsync(document.Project.Solution, new[] { (document, diagnostic) }, CancellationToken.None);
            var text = (await solution.GetDocument(document.Id)!.GetTextAsync()).ToString();
            Assert.Contains("$\"{{\\\"model\\\":\\\"gpt-4o\\\",\\\"fallback_model\\\":\\\"{routes.GetModel(\"chat\")}\\\"}}\"", text, StringComparison.Ordinal);

            // A span that does not hold the value is no fix at all, rather than a guess.
            var wrong = Diagnostic.Create(ModelPolicy.Analyzers.Rules.MP0001HardCodedModel.Descriptor, literal.GetLocation(), properties.SetItem(DiagnosticProperties.ValueSpanStart, "1"), "gpt-4o", "OpenAI, US, closed weights");
            Assert.Empty(await RouteRewriter.PlanAsync(document.Project.Solution, new[] { (document, wrong) }, CancellationToken.None));
        }

        internal static async Task<(Document Document, LiteralExpressionSyntax Literal)> DocumentWithLiteralAsync(string source)
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "P",
                "P",
                LanguageNames.CSharp,
                filePath: "/p/P.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                metadataReferences: SdkReferences.All));
            var document = workspace.AddDocument(DocumentInfo.Create(DocumentId.CreateNewId(project.Id), "C.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(source), VersionStamp.Default)), filePath: "/p/C.cs"));
            var root = await document.GetSyntaxRootAsync();
            var literal = root!.DescendantNodes().OfType<LiteralExpressionSyntax>().First(l => l.Token.ValueText.Contains("\"model\"", StringComparison.Ordinal));
            return (document, literal);
        }
    }
}
