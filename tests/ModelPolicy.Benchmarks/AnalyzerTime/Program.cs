using System;
using System.Collections.Immutable;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelPolicy.Benchmarks.AnalyzerTime
{
    /// <summary>
    /// Analyzer execution time (Roslyn's telemetry, as ReportAnalyzer shows it) of ModelPolicy and of BannedApiAnalyzers
    /// (with the generator's 50-entry BannedSymbols.txt) on the same compilation, and the compile's binding time;
    /// each round on a fresh compilation, medians of the rounds after the first (JIT) printed as ratios.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            if (args.Length < 1 || !Directory.Exists(Path.Combine(args[0], "src")))
            {
                Console.Error.WriteLine("usage: AnalyzerTime GENERATED_DIR [rounds]   (GENERATED_DIR from tests/ModelPolicy.Benchmarks/Generator)");
                return 2;
            }

            var root = args[0];
            var rounds = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5;
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
            var sdk = CSharpCompilation.Create(
                "OpenAI",
                Directory.GetFiles(Path.Combine(root, "sdk"), "*.cs", SearchOption.AllDirectories).Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, f)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using (var image = new MemoryStream())
            {
                sdk.Emit(image);
                references.Add(MetadataReference.CreateFromImage(image.ToArray()));
            }

            var files = Directory.GetFiles(Path.Combine(root, "src"), "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/", StringComparison.Ordinal)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            var texts = files.Select(f => (Path: f, Text: File.ReadAllText(f))).ToList();
            var additional = ImmutableArray.Create<AdditionalText>(new FileText(Path.Combine(root, "BannedSymbols.txt")));
            var banned = LoadBannedApi();
            var ours = new ModelPolicy.Analyzers.ModelPolicyAnalyzer();
            Console.WriteLine($"{files.Count} files, {texts.Sum(t => t.Text.Count(c => c == '\n'))} lines; analyzer time in seconds (Roslyn telemetry), {rounds} rounds");

            CSharpCompilation Make() => CSharpCompilation.Create(
                "Bench",
                texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, parse, t.Path)),
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

            double Analyze(DiagnosticAnalyzer analyzer)
            {
                var compilation = Make();
                compilation.GetDiagnostics();
                var withAnalyzers = compilation.WithAnalyzers(
                    ImmutableArray.Create(analyzer),
                    new CompilationWithAnalyzersOptions(new AnalyzerOptions(additional), null, concurrentAnalysis: false, logAnalyzerExecutionTime: true));
                withAnalyzers.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
                return withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, CancellationToken.None).GetAwaiter().GetResult().ExecutionTime.TotalSeconds;
            }

            var compile = new double[rounds];
            var mine = new double[rounds];
            var theirs = new double[rounds];
            for (var round = 0; round < rounds; round++)
            {
                var watch = Stopwatch.StartNew();
                Make().GetDiagnostics();
                compile[round] = watch.Elapsed.TotalSeconds;
                mine[round] = Analyze(ours);
                theirs[round] = Analyze(banned);
                Console.WriteLine($"round {round}: binding {compile[round]:F2}  ModelPolicy {mine[round]:F3}  BannedApiAnalyzers {theirs[round]:F3}");
            }

            double Median(double[] values) => values.Skip(rounds > 1 ? 1 : 0).OrderBy(v => v).ElementAt((values.Length - (rounds > 1 ? 1 : 0)) / 2);
            Console.WriteLine($"ratio analyzer_time ours/bannedapi={Median(mine) / Median(theirs):F3} ours/binding={Median(mine) / Median(compile):F3} (medians: ours {Median(mine):F3} s, bannedapi {Median(theirs):F3} s, binding {Median(compile):F2} s)");
            return 0;
        }

        private static DiagnosticAnalyzer LoadBannedApi()
        {
            var folder = typeof(Program).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == "BannedApiAnalyzersPath").Value!;
            foreach (var dll in Directory.GetFiles(folder, "*.dll"))
            {
                Assembly.LoadFrom(dll);
            }

            var assembly = AppDomain.CurrentDomain.GetAssemblies().First(a => a.GetName().Name == "Microsoft.CodeAnalysis.CSharp.BannedApiAnalyzers");
            return (DiagnosticAnalyzer)Activator.CreateInstance(assembly.GetTypes().First(t => t.Name == "CSharpSymbolIsBannedAnalyzer"))!;
        }

        private sealed class FileText : AdditionalText
        {
            public FileText(string path) => Path = path;

            public override string Path { get; }

            public override SourceText? GetText(CancellationToken cancellationToken = default) => SourceText.From(File.ReadAllText(Path));
        }
    }
}
