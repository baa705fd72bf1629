using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;
using Xunit.Abstractions;

namespace ModelPolicy.Analyzers.Tests.Corpus
{
    /// <summary>
    /// Precision and recall of MP0001–MP0005 over a labeled corpus of realistic files (Corpus/Cases/*.cs.txt).
    /// Labels follow the rule specification, not the analyzer's current behaviour.
    /// <para>File conventions:</para>
    /// <list type="bullet">
    /// <item><c>// policy: model_policy.key = value; model_policy.key2 = value</c> on line 1: the .editorconfig for that file.</item>
    /// <item><c>// group: name</c> on line 1 or 2: files of one group are compiled together (cross-file cases), each under its own policy.</item>
    /// <item><c>{|MP0001:…|}</c> marks an expected diagnostic: its ID and its span.</item>
    /// </list>
    /// </summary>
    [Trait("Category", "Corpus")]
    [Trait("Rule", "MP0001")]
    [Trait("Rule", "MP0002")]
    [Trait("Rule", "MP0003")]
    [Trait("Rule", "MP0004")]
    [Trait("Rule", "MP0005")]
    public class CorpusTests
    {
        private const double Bar = 0.95;

        private static readonly string[] Ids = { "MP0001", "MP0002", "MP0003", "MP0004", "MP0005" };

        private static readonly Regex OpenMarkup = new Regex(@"\{\|(MP\d{4}):", RegexOptions.Compiled);

        private readonly ITestOutputHelper output;

        public CorpusTests(ITestOutputHelper output) => this.output = output;

        public static string CasesDirectory => Path.Combine(AppContext.BaseDirectory, "Corpus", "Cases");

        [Fact]
        public async Task CorpusPrecisionAndRecall()
        {
            var stopwatch = Stopwatch.StartNew();
            var files = Directory.GetFiles(CasesDirectory, "*.cs.txt").OrderBy(f => f, StringComparer.Ordinal).Select(CaseFile.Load).ToList();
            Assert.NotEmpty(files);

            var groups = files.GroupBy(f => f.Group ?? f.Name, StringComparer.Ordinal).ToList();
            var results = await Task.WhenAll(groups.Select(g => Task.Run(() => AnalyzeAsync(g.ToList()))));
            var compileErrors = results.SelectMany(r => r.CompileErrors).ToList();
            var allActual = results.SelectMany(r => r.Diagnostics).ToList();
            var actual = allActual.Where(a => Array.IndexOf(Ids, a.Id) >= 0).ToList();

            var report = new StringBuilder();
            var expected = files.SelectMany(f => f.Expected.Select(e => (File: f, Span: e))).ToList();
            var expectedKeys = new HashSet<(string, string, int)>(expected.Select(e => (e.File.Name, e.Span.Id, e.Span.Span.Start)));
            var actualKeys = new HashSet<(string, string, int)>(actual.Select(a => (a.File.Name, a.Id, a.Span.Start)));

            var falsePositives = actual.Where(a => !expectedKeys.Contains((a.File.Name, a.Id, a.Span.Start))).ToList();
            var falseNegatives = expected.Where(e => !actualKeys.Contains((e.File.Name, e.Span.Id, e.Span.Span.Start))).ToList();

            // Literals that must not be flagged: string literals / interpolated strings outside every expected span.
            var quietLiterals = files.Sum(f => f.QuietLiteralCount);

            report.AppendLine("ModelPolicy corpus report");
            report.AppendLine("=========================");
            report.AppendLine(string.Format(CultureInfo.InvariantCulture, "files: {0}, groups: {1}, expected diagnostics: {2}, string literals not to flag: {3}, analysis time: {4:0.0}s",
                files.Count, groups.Count, expected.Count, quietLiterals, stopwatch.Elapsed.TotalSeconds));
            report.AppendLine(string.Format(CultureInfo.InvariantCulture, "files with a policy: {0}, without: {1}", files.Count(f => f.Policy.Count > 0), files.Count(f => f.Policy.Count == 0)));
            report.AppendLine();
            report.AppendLine("ID       expected  actual   TP   FP   FN   precision  recall");

            var failures = new List<string>();
            int allTp = 0, allFp = 0, allFn = 0;
            foreach (var id in Ids)
            {
                var e = expected.Count(x => x.Span.Id == id);
                var a = actual.Count(x => x.Id == id);
                var fp = falsePositives.Count(x => x.Id == id);
                var fn = falseNegatives.Count(x => x.Span.Id == id);
                var tp = a - fp;
                allTp += tp;
                allFp += fp;
                allFn += fn;
                var precision = a == 0 ? (e == 0 ? 1.0 : 0.0) : (double)tp / a;
                var recall = e == 0 ? 1.0 : (double)tp / e;
                report.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0}  {1,8} {2,7} {3,4} {4,4} {5,4}   {6,8:0.000} {7,7:0.000}", id, e, a, tp, fp, fn, precision, recall));
                if (precision < Bar)
                {
                    failures.Add(string.Format(CultureInfo.InvariantCulture, "{0} precision {1:0.000} < {2}", id, precision, Bar));
                }

                if (recall < Bar)
                {
                    failures.Add(string.Format(CultureInfo.InvariantCulture, "{0} recall {1:0.000} < {2}", id, recall, Bar));
                }
            }

            var other = allActual.Where(a => Array.IndexOf(Ids, a.Id) < 0).ToList();
            report.AppendLine(string.Format(CultureInfo.InvariantCulture, "overall   {0,8} {1,7} {2,4} {3,4} {4,4}   {5,8:0.000} {6,7:0.000}",
                expected.Count, allTp + allFp, allTp, allFp, allFn,
                allTp + allFp == 0 ? 0 : (double)allTp / (allTp + allFp), expected.Count == 0 ? 1 : (double)allTp / expected.Count));
            report.AppendLine(string.Format(CultureInfo.InvariantCulture, "quiet literals flagged (FP on a literal that must not be flagged): {0} of {1}",
                falsePositives.Count(fp => fp.File.IsQuietLiteralAt(fp.Span.Start)), quietLiterals));
            if (other.Count > 0)
            {
                report.AppendLine("other diagnostics (not scored): " + string.Join(", ", other.GroupBy(o => o.Id).Select(g => g.Key + " x" + g.Count())));
            }

            report.AppendLine();
            report.AppendLine("Wrong ID (same span start, different ID)");
            report.AppendLine("----------------------------------------");
            var wrongId = new HashSet<(string, int)>();
            foreach (var fp in falsePositives.OrderBy(f => f.File.Name, StringComparer.Ordinal).ThenBy(f => f.Span.Start))
            {
                var exp = expected.FirstOrDefault(e => e.File == fp.File && e.Span.Span.Start == fp.Span.Start);
                if (exp.File != null)
                {
                    wrongId.Add((fp.File.Name, fp.Span.Start));
                    report.AppendLine($"{fp.File.Location(fp.Span.Start)}: expected {exp.Span.Id}, got {fp.Id}: {Clip(fp.File.Text(fp.Span))} | {fp.Message}");
                }
            }

            report.AppendLine();
            report.AppendLine("False positives (reported, not expected)");
            report.AppendLine("----------------------------------------");
            foreach (var fp in falsePositives.Where(f => !wrongId.Contains((f.File.Name, f.Span.Start))).OrderBy(f => f.File.Name, StringComparer.Ordinal).ThenBy(f => f.Span.Start))
            {
                report.AppendLine($"{fp.File.Location(fp.Span.Start)}: {fp.Id} at {Clip(fp.File.Text(fp.Span))} | line: {Clip(fp.File.LineText(fp.Span.Start))} | {fp.Message}");
            }

            report.AppendLine();
            report.AppendLine("False negatives (expected, not reported)");
            report.AppendLine("----------------------------------------");
            foreach (var fn in falseNegatives.Where(f => !wrongId.Contains((f.File.Name, f.Span.Span.Start))).OrderBy(f => f.File.Name, StringComparer.Ordinal).ThenBy(f => f.Span.Span.Start))
            {
                var near = actual.Where(a => a.File == fn.File && a.Span.IntersectsWith(fn.Span.Span)).Select(a => a.Id + "@" + fn.File.Location(a.Span.Start)).ToList();
                report.AppendLine($"{fn.File.Location(fn.Span.Span.Start)}: {fn.Span.Id} at {Clip(fn.File.Text(fn.Span.Span))} | line: {Clip(fn.File.LineText(fn.Span.Span.Start))}"
                    + (near.Count > 0 ? " | overlapping actual: " + string.Join(", ", near) : string.Empty));
            }

            if (compileErrors.Count > 0)
            {
                report.AppendLine();
                report.AppendLine("Compiler errors");
                report.AppendLine("---------------");
                foreach (var error in compileErrors)
                {
                    report.AppendLine(error);
                }
            }

            var text = report.ToString();
            output.WriteLine(text);
            var reportPath = Path.Combine(AppContext.BaseDirectory, "Corpus", "last-report.txt");
            File.WriteAllText(reportPath, text);

            Assert.True(compileErrors.Count == 0, "Corpus files do not compile:\n" + string.Join("\n", compileErrors.Take(40)));
            Assert.True(failures.Count == 0, "Below the bar of the private set (report: " + reportPath + "):\n" + string.Join("\n", failures));
        }

        private static string Clip(string s)
        {
            s = Regex.Replace(s, @"\s+", " ").Trim();
            return s.Length > 140 ? s.Substring(0, 137) + "..." : s;
        }

        private static async Task<GroupResult> AnalyzeAsync(List<CaseFile> group)
        {
            var parseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);
            var trees = group.ToDictionary(f => f, f => CSharpSyntaxTree.ParseText(f.Source, parseOptions, path: "/Corpus/" + f.Name + ".cs", encoding: Encoding.UTF8));
            var compilationOptions = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                {
                    ["CS1591"] = ReportDiagnostic.Suppress,
                    ["CS8019"] = ReportDiagnostic.Suppress,
                });
            var compilation = CSharpCompilation.Create("Corpus_" + (group[0].Group ?? group[0].Name).Replace('-', '_'), trees.Values, References.Value, compilationOptions);

            var errors = compilation.GetDiagnostics()
                .Where(d => d.Severity == DiagnosticSeverity.Error)
                .Select(d => Path.GetFileName(d.Location.SourceTree?.FilePath ?? "?") + ":" + (d.Location.GetLineSpan().StartLinePosition.Line + 1) + ": " + d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture))
                .ToList();

            var provider = DirectRun.OptionsProvider.PerTree(trees.Select(p => new KeyValuePair<SyntaxTree, Dictionary<string, string>>(p.Value, p.Key.Policy)));
            var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelPolicyAnalyzer());
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);

            var byTree = trees.ToDictionary(p => p.Value, p => p.Key);
            var found = new List<ActualDiagnostic>();
            foreach (var d in diagnostics)
            {
                if (d.Location.SourceTree is { } tree && byTree.TryGetValue(tree, out var file))
                {
                    found.Add(new ActualDiagnostic(file, d.Id, d.Location.SourceSpan, d.GetMessage(CultureInfo.InvariantCulture)));
                }
                else if (d.Id != "MP0007")
                {
                    // MP0007's project-level check has no location and is not scored here.
                    errors.Add((group[0].Group ?? group[0].Name) + ": diagnostic without a source location: " + d.Id + " " + d.GetMessage(CultureInfo.InvariantCulture));
                }
            }

            return new GroupResult(found, errors);
        }

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(() =>
        {
            // The SDKs plus what company code around them uses: hosting, options, caching, xunit (test code in the corpus).
            var extra = new[]
            {
                "Microsoft.Extensions.Hosting.Abstractions.dll", "Microsoft.Extensions.Options.dll", "Microsoft.Extensions.Caching.Abstractions.dll",
                "Microsoft.Extensions.Primitives.dll", "Microsoft.Extensions.Diagnostics.Abstractions.dll", "Microsoft.Extensions.FileProviders.Abstractions.dll",
                "xunit.core.dll", "xunit.abstractions.dll", "xunit.assert.dll",
            };
            var all = SdkReferences.All;
            var present = new HashSet<string>(all.OfType<PortableExecutableReference>().Select(r => Path.GetFileName(r.FilePath ?? string.Empty)), StringComparer.OrdinalIgnoreCase);
            var added = extra.Where(e => !present.Contains(e)).Select(e => Path.Combine(AppContext.BaseDirectory, e)).Where(File.Exists)
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            return all.AddRange(added);
        });

        private sealed class GroupResult
        {
            public GroupResult(List<ActualDiagnostic> diagnostics, List<string> compileErrors)
            {
                Diagnostics = diagnostics;
                CompileErrors = compileErrors;
            }

            public List<ActualDiagnostic> Diagnostics { get; }

            public List<string> CompileErrors { get; }
        }

        private sealed class ActualDiagnostic
        {
            public ActualDiagnostic(CaseFile file, string id, TextSpan span, string message)
            {
                File = file;
                Id = id;
                Span = span;
                Message = message;
            }

            public CaseFile File { get; }

            public string Id { get; }

            public TextSpan Span { get; }

            public string Message { get; }
        }

        internal readonly struct ExpectedSpan
        {
            public ExpectedSpan(string id, TextSpan span)
            {
                Id = id;
                Span = span;
            }

            public string Id { get; }

            public TextSpan Span { get; }
        }

        /// <summary>One corpus file: the source without markup, the expected spans, the policy and the group.</summary>
        internal sealed class CaseFile
        {
            private readonly SourceText text;
            private readonly HashSet<int> quietLiteralStarts;

            private CaseFile(string name, string source, List<ExpectedSpan> expected, Dictionary<string, string> policy, string? group)
            {
                Name = name;
                Source = source;
                Expected = expected;
                Policy = policy;
                Group = group;
                text = SourceText.From(source);
                var root = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12)).GetRoot();
                var literals = root.DescendantNodes().Where(n =>
                    (n is LiteralExpressionSyntax l && l.IsKind(SyntaxKind.StringLiteralExpression)) ||
                    (n is InterpolatedStringExpressionSyntax && n.Parent is not InterpolatedStringExpressionSyntax));
                quietLiteralStarts = new HashSet<int>(literals.Where(l => !expected.Any(e => e.Span.IntersectsWith(l.Span))).Select(l => l.SpanStart));
            }

            public string Name { get; }

            public string Source { get; }

            public List<ExpectedSpan> Expected { get; }

            public Dictionary<string, string> Policy { get; }

            public string? Group { get; }

            public int QuietLiteralCount => quietLiteralStarts.Count;

            public bool IsQuietLiteralAt(int start) => quietLiteralStarts.Contains(start);

            public string Location(int position) => Name + ".cs.txt:" + (text.Lines.GetLineFromPosition(position).LineNumber + 1);

            public string Text(TextSpan span) => text.ToString(span);

            public string LineText(int position) => text.Lines.GetLineFromPosition(position).ToString();

            public static CaseFile Load(string path)
            {
                var name = Path.GetFileName(path);
                name = name.Substring(0, name.Length - ".cs.txt".Length);
                var raw = File.ReadAllText(path).Replace("\r\n", "\n");
                var (source, expected) = ParseMarkup(raw, name);

                var policy = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                string? group = null;
                foreach (var line in source.Split('\n').Take(2))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith("// policy:", StringComparison.Ordinal))
                    {
                        foreach (var part in trimmed.Substring("// policy:".Length).Split(';'))
                        {
                            var eq = part.IndexOf('=');
                            if (eq > 0)
                            {
                                policy[part.Substring(0, eq).Trim()] = part.Substring(eq + 1).Trim();
                            }
                        }
                    }
                    else if (trimmed.StartsWith("// group:", StringComparison.Ordinal))
                    {
                        group = trimmed.Substring("// group:".Length).Trim();
                    }
                }

                return new CaseFile(name, source, expected, policy, group);
            }

            /// <summary>Strips <c>{|MPxxxx:</c> … <c>|}</c> (nestable) and returns the spans in the stripped text.</summary>
            internal static (string Source, List<ExpectedSpan> Expected) ParseMarkup(string raw, string name)
            {
                var result = new StringBuilder(raw.Length);
                var expected = new List<ExpectedSpan>();
                var open = new Stack<(string Id, int Start)>();
                var i = 0;
                while (i < raw.Length)
                {
                    if (raw[i] == '{' && i + 1 < raw.Length && raw[i + 1] == '|')
                    {
                        var m = OpenMarkup.Match(raw, i);
                        if (m.Success && m.Index == i)
                        {
                            open.Push((m.Groups[1].Value, result.Length));
                            i += m.Length;
                            continue;
                        }
                    }

                    if (raw[i] == '|' && i + 1 < raw.Length && raw[i + 1] == '}' && open.Count > 0)
                    {
                        var (id, start) = open.Pop();
                        expected.Add(new ExpectedSpan(id, TextSpan.FromBounds(start, result.Length)));
                        i += 2;
                        continue;
                    }

                    result.Append(raw[i]);
                    i++;
                }

                if (open.Count > 0)
                {
                    throw new InvalidOperationException(name + ": unclosed markup " + open.Peek().Id);
                }

                return (result.ToString(), expected.OrderBy(e => e.Span.Start).ToList());
            }
        }
    }
}
