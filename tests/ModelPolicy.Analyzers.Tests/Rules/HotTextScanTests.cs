using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using ModelPolicy.Analyzers.Sites;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>
    /// Sites/HotText.cs passes over plain strings that cannot matter without asking the tree. What it passes over must be
    /// exactly such a string token, whatever comes before it in the file: comments with quotes, character literals,
    /// verbatim, raw and interpolated strings, directives with disabled text. Checked against the parser on tricky text
    /// and on every file of the corpus; and the strings it must not pass over are still reported.
    /// </summary>
    [Trait("Rule", "MP0001")]
    public class HotTextScanTests
    {
        private const string Tricky = """"
            using System;
            // a comment with "an odd quote
            /* a block "comment" with ' and " inside
               over lines " */
            #if NEVER
            var broken = "unterminated
            #else
            class C
            {
            #endif
                const char Quote = '"', Escaped = '\"', Backslash = '\\', Unicode = '\u0022', Apostrophe = '\'';
                string Verbatim = @"a ""quoted"" word, then "" and done";
                string Raw = """
                    a "raw" string with "" and ""
                    """;
                string Interpolated = $"x {Foo("inner one")} and {(true ? "a" : "b")} then \" end";
                string VerbatimInterpolated = $@"{Foo("inner two")} "" {Bar}";
                string RawInterpolated = $$"""{"a": "{{Foo("inner three")}}"}""";
                string Escapes = "tab\t and \"quote\" here";
                string Utf8 = "bytes"u8.Length.ToString();
                string Concat = "first" + "second";
                string Commented = "before" /* between */ + "after";
                string Plain = "just words";
                static string Foo(string s) => s;
                static string Bar => "bar";
            #region a region with "a quote
                string Last = "last one";
            #endregion
            }
            """";

        [Fact]
        public void WhatTheScanPassesOverIsAPlainStringTokenOnTrickyText() => AssertSkipsAreStringTokens(Tricky, "tricky");

        [Fact]
        public void WhatTheScanPassesOverIsAPlainStringTokenInEveryCorpusFile()
        {
            var files = Directory.GetFiles(Corpus.CorpusTests.CasesDirectory, "*.cs.txt");
            Assert.NotEmpty(files);
            var skipped = 0;
            foreach (var file in files)
            {
                skipped += AssertSkipsAreStringTokens(File.ReadAllText(file), Path.GetFileName(file));
                AssertSkipsAreStringTokens(File.ReadAllText(file), Path.GetFileName(file), ModelPolicy.Catalog.ModelCatalog.Builtin);
            }

            Assert.True(skipped > 50, $"only {skipped} strings passed over in the corpus: the scan no longer passes over plain strings");
        }

        [Fact]
        public void PlainStringsAreInFactPassedOver()
        {
            var skipped = Skips("class C { string A = \"just words\"; string B = \"Content-Type: text\"; string C = \"x\"; string D = \" (leading space)\"; }");
            Assert.Equal(4, skipped.Count);
        }

        [Theory]
        [InlineData("class C { string A = \"gpt-4o\"; }")] // a model id's shape
        [InlineData("class C { string A = \"https://example.org/x\"; }")] // a URL
        [InlineData("class C { string A = \"  https://example.org/x\"; }")] // a padded URL
        [InlineData("class C { string A = \"the engine here\"; }")] // a name word ({ \"engine\", value })
        [InlineData("class C { string A = \"a b\" + B; string B = \"c\"; }")] // leads a concatenation
        [InlineData("class C { string A = B + \"c d\"; string B = \"c\"; }")] // in a concatenation
        [InlineData("class C { string A = \"with \\u0041 escape\"; }")] // a letter as an escape: the value is not the characters
        public void StringsThatMayMatterAreNotPassedOver(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var literal = tree.GetRoot().DescendantTokens().First(t => t.IsKind(SyntaxKind.StringLiteralToken));
            Assert.DoesNotContain(Skips(source), s => s.Start == literal.SpanStart);
        }

        [Fact]
        public void AnUnknownIdWithNoNameWordBeforeItInItsStatementIsPassedOver()
        {
            const string Source = "class C { void M(System.Text.StringBuilder sb) { sb.Append(\"haiku-notes\"); var x = \"my-own-thing\"; } }";
            Assert.Equal(2, Skips(Source, ModelPolicy.Catalog.ModelCatalog.Builtin).Count);
            Assert.Empty(Skips(Source)); // without a catalog every id-shaped string is a place
        }

        [Theory]
        [InlineData("class C { void M(OpenAI.OpenAIClient c) { c.GetChatClient(\"my-own-thing\"); } }")]
        [InlineData("class C { void M(object o) { Use(model: \"my-own-thing\"); } void Use(object model) { } }")]
        [InlineData("class C { void M(Options o) { o.Model = \"my-own-thing\"; } class Options { public string Model; } }")]
        [InlineData("class C { object M() => new System.Collections.Generic.Dictionary<string, string> { { \"model\", \"my-own-thing\" } }; }")]
        [InlineData("class C { void M(OpenAI.OpenAIClient c) { c.GetChatClient(\n    \"my-own-thing\"); } }")] // the word on the line before
        [InlineData("class C { void M(System.Text.StringBuilder sb) { sb.Append(\"gpt-4o-mini\"); } }")] // a known id counts anywhere
        public void AnIdWithANameWordBeforeItOrAKnownIdIsAPlace(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source);
            var literal = tree.GetRoot().DescendantTokens().Last(t => t.IsKind(SyntaxKind.StringLiteralToken));
            Assert.DoesNotContain(Skips(source, ModelPolicy.Catalog.ModelCatalog.Builtin), s => s.Start == literal.SpanStart);
        }

        [Theory]
        [InlineData("<div class=\\\"alert\\\">Your basket has been updated.</div>")] // escaped quotes
        [InlineData("name\\tvalue\\r\\n")] // control characters
        [InlineData("(?<year>\\\\d{4})-(?<month>\\\\d{2})")] // a pattern with backslashes
        [InlineData("\\\\t")] // a backslash and a letter: an unknown id's shape
        public void AStringWithEscapesOfNoLetterIsPassedOver(string escaped)
        {
            var source = "class C { string A = \"" + escaped + "\"; }";
            Assert.Single(Skips(source, ModelPolicy.Catalog.ModelCatalog.Builtin));
        }

        [Theory]
        [InlineData("class C { string A = @\"^[A-Z]{2,3}-\\d{4,6}$\"; }")] // a pattern
        [InlineData("class C { string A = @\"C:\\data\\export.txt\"; }")] // a path to a file
        [InlineData("class C { string A = @\"over\nlines, \"\"quoted\"\"\"; }")] // over lines, with a quote
        public void AVerbatimStringThatCannotMatterIsPassedOver(string source) => Assert.Single(Skips(source, ModelPolicy.Catalog.ModelCatalog.Builtin));

        [Theory]
        [InlineData("class C { string M(int id, string name) => $\"Retry {id} of 5 for {name}\"; }")]
        [InlineData("class C { void M(int id) { throw new System.InvalidOperationException($\"Order {id} was not found; check {id:N2}\"); } }")]
        [InlineData("class C { string M(int id) => $\"tab\\t{id}\\n\"; }")]
        [InlineData("class C { string M(int id) => $\"/status/{id}?expand=items\"; }")] // an id's shape counts only at a use
        public void AnInterpolatedStringThatCannotMatterIsPassedOver(string source) => Assert.Single(Skips(source, ModelPolicy.Catalog.ModelCatalog.Builtin));

        [Theory]
        [InlineData("class C { string A = \"\\thttps://api.example.org/v1\"; }")] // a URL after an escaped tab
        [InlineData("class C { string A = \"{\\\"model\\\": \\\"gpt-4o\\\"}\"; }")] // JSON with escapes
        [InlineData("class C { string A = \"\\u0068ttps://api.openai.com/v1\"; }")] // a letter as an escape
        [InlineData("class C { string A = \"C:\\\\models\\\\qwen2.5-7b-instruct-q4_k_m.gguf\"; }")] // backslashes in a path to a known weights file
        [InlineData("class C { string M() => Use(model: \"C:\\\\models\\\\mine\"); string Use(string model) => model; }")] // an unknown id's shape after a name word
        [InlineData("class C { string A = @\"https://api.openai.com/v1\"; }")] // a verbatim URL
        [InlineData("class C { string A = @\"gpt-4o\"; }")] // a verbatim known id
        [InlineData("class C { string A = @\"{\"\"model\"\": \"\"gpt-4o\"\"}\"; }")] // verbatim JSON
        [InlineData("class C { string M(string h) => $\"https://{h}/v1\"; }")] // a URL template
        [InlineData("class C { string M(string v) => $\"{v} {{ x }}\"; }")] // a brace in the text
        [InlineData("class C { string M(string v) => $\"{v} \\\"quoted\\\"\"; }")] // a quote in the text
        [InlineData("class C { string M(string v) => $\"a {F(\"x\")} b\"; string F(string s) => s; }")] // a string in a hole
        [InlineData("class C { string M(C c) => $\"{c.Model} x\"; string Model => \"m\"; }")] // a name word in a hole
        [InlineData("class C { void M(OpenAI.OpenAIClient c, string a) { c.GetChatClient($\"{a}-{a}\"); } }")] // a name word before it
        [InlineData("class C { void M(Options o, string a) { o = new($\"{a}-{a}\"); } class Options { public Options(string model) { } } }")] // new(…)
        [InlineData("class C { C(string model) { } C(int a) : this($\"{a}-{a}\") { } }")] // this(…)
        [InlineData("class C { void M(string a) { Complete(() => { a = a; }, $\"{a}-{a}\"); } void Complete(System.Action x, string model) { } }")] // a lambda's body ends no statement
        [InlineData("class C { string M(string a) => $\"{a} x\" + a; }")] // leads a concatenation
        public void StringsAfterANameWordOrThatMayMatterAreNotPassedOver(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
            var strings = tree.GetRoot().DescendantNodes().Where(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax
                || (n is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax && n.IsKind(SyntaxKind.StringLiteralExpression))).ToList();
            var first = strings.First(n => !(n.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.ArrowExpressionClauseSyntax { Parent: Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax }));
            Assert.DoesNotContain(Skips(source, ModelPolicy.Catalog.ModelCatalog.Builtin), s => s.Start == first.SpanStart);
        }

        /// <summary>
        /// What the scan passes over changes no diagnostic: the analyzer run with every string a place
        /// (<see cref="ModelPolicyAnalyzer.ScanEveryString"/>) reports the same, inventory entries included, on every corpus
        /// file, the samples and the tricky text.
        /// </summary>
        [Fact]
        public async Task PassingOverStringsChangesNoDiagnostic()
        {
            var sources = Directory.GetFiles(Corpus.CorpusTests.CasesDirectory, "*.cs.txt").OrderBy(f => f, System.StringComparer.Ordinal)
                .Select(Corpus.CorpusTests.CaseFile.Load).Select(c => (c.Name, c.Source, c.Policy)).ToList();
            sources.Add(("tricky", Tricky, new Dictionary<string, string>()));
            var compared = 0;
            foreach (var (name, source, policy) in sources)
            {
                var compilation = DirectRun.Compile(DirectRun.Parse(source, "/src/" + name + ".cs"));
                var passing = await new DirectRun { Inventory = true }.AnalyzeAsync(compilation, policy);
                var every = await new DirectRun { Inventory = true, ScanEveryString = true }.AnalyzeAsync(compilation, policy);
                Assert.Equal(Lines(every), Lines(passing));
                compared += every.Length;
            }

            Assert.True(compared > 500, $"only {compared} diagnostics compared: the corpus no longer reaches the analyzer");

            static IEnumerable<string> Lines(IEnumerable<Diagnostic> diagnostics) =>
                diagnostics.Select(d => d.Id + " " + d.Location.SourceSpan + " " + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(l => l, System.StringComparer.Ordinal);
        }

        [Fact]
        public Task StringsAfterTrickyTextAreStillReported() => Verify.AnalyzerAsync("""
            using OpenAI.Chat;

            // an odd "quote in a comment
            class C
            {
                const char Quote = '"';
                string Verbatim = @"say ""hi"" ";
            #if NEVER
                string Broken = "unterminated
            #endif
                string Interpolated = $"a {Quote} b";
                ChatClient A(string key) => new ChatClient({|MP0001:"gpt-4o"|}, key);
                string B = "words" + {|MP0001:"gpt-4o-mini"|};
            }
            """);

        private static int AssertSkipsAreStringTokens(string source, string name, ModelPolicy.Catalog.ModelCatalog? catalog = null)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
            var root = tree.GetRoot();
            var tokens = root.DescendantTokens(descendIntoTrivia: true)
                .Where(t => t.IsKind(SyntaxKind.StringLiteralToken) || t.IsKind(SyntaxKind.Utf8StringLiteralToken))
                .ToDictionary(t => t.SpanStart);
            var interpolated = root.DescendantNodes(descendIntoTrivia: true).OfType<Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax>()
                .ToDictionary(n => n.SpanStart);
            var skips = Skips(source, catalog);
            foreach (var (start, end) in skips)
            {
                if (interpolated.TryGetValue(start, out var whole))
                {
                    // a regular interpolated string on one line, whole, its end included, in no concatenation
                    Assert.Equal(whole.Span.End, end);
                    Assert.True(whole.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken) && !whole.StringEndToken.IsMissing, $"{name}: passed over {whole}, no complete regular interpolated string");
                    Assert.False(whole.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax joined && joined.IsKind(SyntaxKind.AddExpression), $"{name}: passed over {whole}, part of a concatenation");
                    Assert.False(whole.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error && whole.Span.Contains(d.Location.SourceSpan)), $"{name}: passed over a broken interpolated string {whole}");
                    continue;
                }

                Assert.True(tokens.TryGetValue(start, out var token), $"{name}: the scan passed over [{start}, {end}) «{source.Substring(start, end - start)}», which is no string token");
                Assert.Equal(token.Span.End, end);
                Assert.False(token.Parent?.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax add && add.IsKind(SyntaxKind.AddExpression), $"{name}: passed over {token.Text}, part of a concatenation");
                Assert.False(token.IsMissing || !(token.Text.Length >= 2 && (token.Text.EndsWith("\"", System.StringComparison.Ordinal) || token.Text.EndsWith("u8", System.StringComparison.OrdinalIgnoreCase))), $"{name}: passed over a broken string {token.Text}");
            }

            return skips.Count;
        }

        private static List<(int Start, int End)> Skips(string source, ModelPolicy.Catalog.ModelCatalog? catalog = null)
        {
            var skips = new List<(int Start, int End)>();
            var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot();
            var scan = new HotText(source, catalog) { OnSkippedString = (start, end) => skips.Add((start, end)) };
            while (scan.MoveNext())
            {
                scan.Enter(root.FindToken(scan.Position), scan.Position); // as the file scan does: the tree says where code goes on
            }

            return skips;
        }
    }
}
