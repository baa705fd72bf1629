using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Benchmarks.Micro
{
    public static class Program
    {
        /// <summary>
        /// Short runs (3 iterations of 100 ms), in process (no generated benchmark project to restore and build), allocations measured.
        /// <c>dotnet run -c Release --project tests/ModelPolicy.Benchmarks/Micro -- --filter '*'</c>;
        /// <c>-- keystroke --solution DIR</c> runs <see cref="Keystroke"/> instead (a Stopwatch-median harness, no BenchmarkDotNet).
        /// </summary>
        public static int Main(string[] args)
        {
            if (args.Length > 0 && args[0] == "keystroke")
            {
                return Keystroke.Run(args.Skip(1).ToArray());
            }

            var config = DefaultConfig.Instance
                .AddJob(Job.ShortRun.WithIterationTime(Perfolizer.Horology.TimeInterval.FromMilliseconds(100)).WithToolchain(InProcessEmitToolchain.Instance))
                .WithOptions(ConfigOptions.DisableOptimizationsValidator);
            BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
            return 0;
        }
    }

    /// <summary>The literals the classifier meets, by name (the name is what the report shows).</summary>
    public static class Literals
    {
        public static readonly Dictionary<string, string> ByName = new Dictionary<string, string>
        {
            // Non-candidates: what almost every literal in a code base is.
            ["prose"] = "Thanks for shopping with Contoso. We will email you when your order ships.",
            ["Index"] = "Index",
            ["Content-Type"] = "Content-Type",
            ["application/json"] = "application/json",
            ["sql"] = "SELECT t.Id, t.CustomerId, t.Total FROM dbo.Orders t WHERE t.Id = @id ORDER BY t.CreatedAt DESC",
            ["config-key"] = "ConnectionStrings:Default",
            ["env-var"] = "CONTOSO_ORDERS_DB",
            ["long-text-2k"] = string.Concat(Enumerable.Repeat("Your order has been received and is being processed by our warehouse team. ", 27)),
            ["url-non-ai"] = "https://api.contoso-shop.com/v2/orders/",
            // Near misses: plausible shapes, words that share a family name.
            ["llama-index"] = "llama-index",
            ["gpt-4-turbo-pricing.md"] = "gpt-4-turbo-pricing.md",
            ["qwen"] = "qwen",
            ["Claude"] = "Claude",
            // Real ids and an AI endpoint.
            ["gpt-4o-2024-08-06"] = "gpt-4o-2024-08-06",
            ["Qwen/Qwen2.5-7B-Instruct"] = "Qwen/Qwen2.5-7B-Instruct",
            ["qwen2.5:7b"] = "qwen2.5:7b",
            ["url-deepseek"] = "https://api.deepseek.com/v1",
        };
    }

    /// <summary>Each entry point of the classifier, per literal. A non-candidate must allocate nothing.</summary>
    [MemoryDiagnoser]
    public class LiteralClassifierBenchmarks
    {
        private readonly ModelCatalog catalog = ModelCatalog.Builtin;
        private string text = "";

        [ParamsSource(nameof(Names))]
        public string Literal { get; set; } = "";

        public static IEnumerable<string> Names => Literals.ByName.Keys;

        [GlobalSetup]
        public void Setup() => text = Literals.ByName[Literal];

        [Benchmark]
        public bool IsPlausible() => ModelIdShape.IsPlausible(text);

        [Benchmark]
        public bool IsKnownModel() => catalog.IsKnownModel(text);

        [Benchmark]
        public ModelMatch? MatchModel() => catalog.MatchModel(text);

        [Benchmark]
        public HostEntry? UrlHost() =>
            UrlText.TryGetHost(text, 0, text.Length, out var start, out var length, out _) ? catalog.MatchHost(text, start, length) : null;

        [Benchmark]
        public bool MayContainJson() => JsonKeyScanner.MayContainJson(text);

        /// <summary>What the analyzer does with a literal outside any model position (LiteralSite.ScanLiteral's tests, in order).</summary>
        [Benchmark]
        public int ScanLiteralPath()
        {
            if (text.Length < 2)
            {
                return 0;
            }

            if (UrlText.SchemeLength(text, 0, text.Length) > 0)
            {
                return UrlText.TryGetHost(text, 0, text.Length, out var start, out var length, out _) && catalog.MatchHost(text, start, length) != null ? 1 : 2;
            }

            if (JsonKeyScanner.MayContainJson(text))
            {
                return 3;
            }

            return ModelIdShape.IsPlausible(text) && catalog.IsKnownModel(text) ? 4 : 5;
        }
    }

    /// <summary>
    /// The analyzer on one file through Roslyn (CompilationWithAnalyzers), against an analyzer that registers
    /// the same semantic-model action and does nothing: the difference is ModelPolicy's own cost.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerOnFileBenchmarks
    {
        private Compilation compilation = null!;
        private AnalyzerOptions options = null!;
        private ImmutableArray<DiagnosticAnalyzer> modelPolicy;
        private ImmutableArray<DiagnosticAnalyzer> empty;

        [Params("TypicalFile", "AiFile")]
        public string File { get; set; } = "";

        [GlobalSetup]
        public void Setup()
        {
            var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
            var parse = new CSharpParseOptions(LanguageVersion.Latest);
            var stubs = CSharpCompilation.Create(
                "OpenAI",
                new[] { CSharpSyntaxTree.ParseText(Read("OpenAIStubs"), parse) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            references.Add(stubs.ToMetadataReference());
            compilation = CSharpCompilation.Create(
                "Contoso.Services",
                new[]
                {
                    CSharpSyntaxTree.ParseText(Read(File), parse, path: "/src/Contoso.Services/Billing/" + File + ".cs"),
                    CSharpSyntaxTree.ParseText(Read("Infrastructure"), parse, path: "/src/Contoso.Services/Infrastructure/Infrastructure.cs"),
                },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
            if (errors.Count > 0)
            {
                throw new InvalidOperationException(string.Join("\n", errors));
            }

            options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            modelPolicy = ImmutableArray.Create<DiagnosticAnalyzer>(new ModelPolicyAnalyzer());
            empty = ImmutableArray.Create<DiagnosticAnalyzer>(new EmptyAnalyzer());
            _ = ModelCatalog.Builtin; // built once per process, as in a build
        }

        [Benchmark(Baseline = true)]
        public int EmptyAnalyzer() => Run(empty);

        [Benchmark]
        public int ModelPolicyAnalyzer() => Run(modelPolicy);

        private int Run(ImmutableArray<DiagnosticAnalyzer> analyzers) =>
            compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult().Length;

        private static string Read(string name)
        {
            var assembly = typeof(AnalyzerOnFileBenchmarks).Assembly;
            var resource = assembly.GetManifestResourceNames().FirstOrDefault(n => n.EndsWith(name + ".cs.txt", StringComparison.Ordinal))
                ?? throw new FileNotFoundException(name + ".cs.txt among " + string.Join(", ", assembly.GetManifestResourceNames()));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>Registers what ModelPolicyAnalyzer registers, and does nothing.</summary>
#pragma warning disable RS1001, RS1036, RS1041, RS2008 // a benchmark baseline, not a shipped analyzer
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EmptyAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor("EMPTY01", "Empty", "Empty", "Benchmark", DiagnosticSeverity.Hidden, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start => start.RegisterSemanticModelAction(_ => { }));
        }
    }
#pragma warning restore RS1001, RS1036, RS1041, RS2008
}
