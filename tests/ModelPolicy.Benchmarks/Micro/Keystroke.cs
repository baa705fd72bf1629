using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelPolicy.Benchmarks.Micro
{
    /// <summary>
    /// What a keystroke costs: the analyzer on one edited file of a generated solution (all its projects in one
    /// compilation, 2,000 files by default), as an IDE re-analyzes the file it is typed in.
    /// <c>dotnet run -c Release --project tests/ModelPolicy.Benchmarks/Micro -- keystroke --solution DIR [--iterations 21] [--inventory]</c>
    /// Each iteration edits the file (a new comment line at its end: a new tree, a new compilation, a new
    /// <see cref="CompilationWithAnalyzers"/>, nothing cached from the last one), then asks for that file's syntax
    /// and semantic analyzer diagnostics (<c>GetAnalyzerSyntaxDiagnosticsAsync</c> + <c>GetAnalyzerSemanticDiagnosticsAsync</c>),
    /// once with ModelPolicy's analyzers and once with <see cref="EmptyAnalyzer"/>, alternately. Reported: medians of
    /// the wall time of each, their difference, and Roslyn's own execution time of ModelPolicy's analyzers
    /// (<c>GetAnalyzerTelemetryInfoAsync</c>, the figure ReportAnalyzer sums in a build).
    /// One machine-readable line per file: <c>keystroke typical=PATH lines=... ours_ms=... empty_ms=... delta_ms=... analyzer_ms=... diagnostics=MP0001:1,...</c>
    /// (diagnostics: what ModelPolicy reported in the file, hidden ones included, by id).
    /// </summary>
    public static class Keystroke
    {
        public static int Run(string[] args)
        {
            string? solution = null;
            var iterations = 21;
            var inventory = false;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--solution": solution = args[++i]; break;
                    case "--iterations": iterations = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
                    case "--inventory": inventory = true; break;
                    default:
                        Console.Error.WriteLine("usage: keystroke --solution DIR [--iterations 21] [--inventory]");
                        return 2;
                }
            }

            if (solution == null || !Directory.Exists(Path.Combine(solution, "src")))
            {
                Console.Error.WriteLine("keystroke: --solution must be a generated benchmark solution (with src/ and sdk/)");
                return 2;
            }

            solution = Path.GetFullPath(solution);
            var load = Stopwatch.StartNew();
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
            var sdk = CSharpCompilation.Create(
                "OpenAI",
                Sources(Path.Combine(solution, "sdk")).Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), parse, p)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            references.Add(sdk.ToMetadataReference());

            var paths = Sources(Path.Combine(solution, "src")).ToList();
            var trees = paths.Select(p => CSharpSyntaxTree.ParseText(SourceText.From(File.ReadAllText(p)), parse, p)).ToList();
            var options = new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable)
                .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS0168"] = ReportDiagnostic.Suppress, ["CS0219"] = ReportDiagnostic.Suppress });
            var compilation = CSharpCompilation.Create("Contoso", trees, references, options);
            var editorConfigs = Directory.EnumerateFiles(solution, ".editorconfig", SearchOption.AllDirectories)
                .Where(p => !IsBuildOutput(p))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => AnalyzerConfig.Parse(File.ReadAllText(p), p))
                .ToList();
            var configSet = AnalyzerConfigSet.Create(editorConfigs);
            var global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            if (inventory)
            {
                global["build_property.ModelPolicyInventory"] = "true";
            }

            var provider = new ConfigProvider(configSet, global);
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider);

            // ModelPolicy's analyzers, found in their assembly (whatever the classes are called).
            var assembly = Assembly.Load("ModelPolicy.Analyzers.CSharp");
            var ours = assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            var empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());

            // The typical edited file: a domain file of Contoso.Services with no SDK call, of median length;
            // and, for comparison, the first file of that project that calls the SDK.
            var services = trees.Where(t => t.FilePath.Contains(Path.DirectorySeparatorChar + "Contoso.Services" + Path.DirectorySeparatorChar, StringComparison.Ordinal)).ToList();
            bool IsAi(SyntaxTree t) => t.GetText().ToString().Contains("ChatClient(", StringComparison.Ordinal);
            bool IsDomain(SyntaxTree t) => !t.FilePath.Contains("Infrastructure", StringComparison.Ordinal) && !t.FilePath.Contains("Payments", StringComparison.Ordinal) && !t.FilePath.Contains("Lab", StringComparison.Ordinal);
            var plain = services.Where(t => !IsAi(t) && IsDomain(t)).OrderBy(t => t.GetText().Lines.Count).ThenBy(t => t.FilePath, StringComparer.Ordinal).ToList();
            var typical = plain[plain.Count / 2];
            var ai = services.Where(IsAi).OrderBy(t => t.FilePath, StringComparer.Ordinal).FirstOrDefault();
            // Only the measured files are checked for errors: binding all 2,000 would cost a minute of CPU.
            var errors = new[] { typical, ai }.Where(t => t != null)
                .SelectMany(t => compilation.GetSemanticModel(t!).GetDiagnostics())
                .Where(d => d.Severity == DiagnosticSeverity.Error).Take(5).ToList();
            if (errors.Count > 0)
            {
                Console.Error.WriteLine("keystroke: the measured files do not compile in one compilation:\n  " + string.Join("\n  ", errors));
                return 1;
            }

            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "keystroke: {0} files in one compilation, loaded in {1:F1} s; ModelPolicy analyzers: {2}; inventory: {3}",
                trees.Count, load.Elapsed.TotalSeconds, string.Join(", ", ours.Select(a => a.GetType().Name)), inventory ? "asked for" : "not asked for"));

            foreach (var (label, tree) in new[] { ("typical", typical), ("sdk", ai) })
            {
                if (tree == null)
                {
                    Console.WriteLine("keystroke " + label + ": no such file in this solution");
                    continue;
                }

                var oursMs = new List<double>();
                var emptyMs = new List<double>();
                var analyzerMs = new List<double>();
                var found = ImmutableArray<Diagnostic>.Empty;
                for (var i = -2; i < iterations; i++)
                {
                    var (e, _, _) = Analyze(compilation, tree, i, empty, analyzerOptions);
                    var (o, a, d) = Analyze(compilation, tree, i, ours, analyzerOptions);
                    found = d;
                    if (i >= 0)
                    {
                        emptyMs.Add(e);
                        oursMs.Add(o);
                        analyzerMs.Add(a);
                    }
                }

                var relative = Path.GetRelativePath(solution, tree.FilePath);
                var line = string.Format(
                    CultureInfo.InvariantCulture,
                    "keystroke {0}={1} lines={2} iterations={3} ours_ms={4:F1} empty_ms={5:F1} delta_ms={6:F1} analyzer_ms={7:F2} diagnostics={8}",
                    label, relative, tree.GetText().Lines.Count, iterations, Median(oursMs), Median(emptyMs), Median(oursMs) - Median(emptyMs), Median(analyzerMs),
                    found.Length == 0 ? "none" : string.Join(",", found.GroupBy(x => x.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + ":" + g.Count().ToString(CultureInfo.InvariantCulture))));
                Console.WriteLine(line);
            }

            return 0;
        }

        private static (double WallMs, double AnalyzerMs, ImmutableArray<Diagnostic> Diagnostics) Analyze(
            Compilation compilation, SyntaxTree tree, int iteration, ImmutableArray<DiagnosticAnalyzer> analyzers, AnalyzerOptions options)
        {
            // The keystroke: one more comment line at the end of the file.
            var text = tree.GetText();
            var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(text.Length, 0), "// edit " + iteration.ToString(CultureInfo.InvariantCulture) + "\n")));
            var snapshot = compilation.ReplaceSyntaxTree(tree, edited);
            var watch = Stopwatch.StartNew();
            var withAnalyzers = snapshot.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
            var syntax = withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(edited, CancellationToken.None).GetAwaiter().GetResult();
            var model = withAnalyzers.Compilation.GetSemanticModel(edited);
            var semantic = withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None).GetAwaiter().GetResult();
            watch.Stop();
            var analyzerTime = TimeSpan.Zero;
            foreach (var analyzer in analyzers)
            {
                analyzerTime += withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime;
            }

            return (watch.Elapsed.TotalMilliseconds, analyzerTime.TotalMilliseconds, syntax.AddRange(semantic));
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        }

        private static IEnumerable<string> Sources(string directory) =>
            Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories).Where(p => !IsBuildOutput(p)).OrderBy(p => p, StringComparer.Ordinal);

        private static bool IsBuildOutput(string path) =>
            path.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
            || path.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal);

        /// <summary>.editorconfig options per file, as the compiler computes them, plus global build properties.</summary>
        private sealed class ConfigProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigSet set;
            private readonly Dictionary<string, AnalyzerConfigOptions> byPath = new Dictionary<string, AnalyzerConfigOptions>(StringComparer.Ordinal);

            public ConfigProvider(AnalyzerConfigSet set, Dictionary<string, string> global)
            {
                this.set = set;
                var merged = new Dictionary<string, string>(set.GlobalConfigOptions.AnalyzerOptions, StringComparer.OrdinalIgnoreCase);
                foreach (var pair in global)
                {
                    merged[pair.Key] = pair.Value;
                }

                GlobalOptions = new DictionaryOptions(merged);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => For(tree.FilePath);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => For(textFile.Path);

            private AnalyzerConfigOptions For(string path)
            {
                lock (byPath)
                {
                    if (!byPath.TryGetValue(path, out var options))
                    {
                        options = new DictionaryOptions(set.GetOptionsForSourcePath(path).AnalyzerOptions);
                        byPath[path] = options;
                    }

                    return options;
                }
            }
        }

        private sealed class DictionaryOptions : AnalyzerConfigOptions
        {
            private readonly IReadOnlyDictionary<string, string> values;

            public DictionaryOptions(IReadOnlyDictionary<string, string> values) =>
                this.values = values.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value!);
        }
    }
}
