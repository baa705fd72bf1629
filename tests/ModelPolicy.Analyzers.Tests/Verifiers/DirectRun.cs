using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs the analyzer straight on a compilation, for tests that need many runs (robustness, concurrency)
    /// or hidden diagnostics; analyzer exceptions are collected instead of becoming AD0001 noise.
    /// </summary>
    public sealed class DirectRun
    {
        public static readonly CSharpParseOptions ParseOptions = new CSharpParseOptions(LanguageVersion.CSharp12);

        private static readonly CSharpCompilation Empty = CSharpCompilation.Create(
            "Direct",
            Array.Empty<SyntaxTree>(),
            SdkReferences.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, concurrentBuild: false));

        public ConcurrentBag<Exception> Exceptions { get; } = new ConcurrentBag<Exception>();

        public static SyntaxTree Parse(string source, string path = "/src/Test.cs") => CSharpSyntaxTree.ParseText(source, ParseOptions, path);

        public static CSharpCompilation Compile(params SyntaxTree[] trees) => Empty.AddSyntaxTrees(trees);

        /// <summary>The file scan passes over no string (<see cref="ModelPolicyAnalyzer.ScanEveryString"/>).</summary>
        public bool ScanEveryString { get; set; }

        /// <summary>Ask for the MP0010 inventory entries (build_property.ModelPolicyInventory = true), as a SARIF build or the CLI does.</summary>
        public bool Inventory { get; set; }

        public async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, IReadOnlyDictionary<string, string>? policy = null, IEnumerable<AdditionalText>? additionalFiles = null, bool concurrent = false)
        {
            var options = new AnalyzerOptions(
                (additionalFiles ?? Enumerable.Empty<AdditionalText>()).ToImmutableArray(),
                new OptionsProvider(policy ?? new Dictionary<string, string>(), Inventory));
            var withAnalyzers = compilation.WithAnalyzers(
                ImmutableArray.Create<DiagnosticAnalyzer>(new ModelPolicyAnalyzer { ScanEveryString = ScanEveryString }),
                new CompilationWithAnalyzersOptions(options, (exception, analyzer, diagnostic) => Exceptions.Add(exception), concurrentAnalysis: concurrent, logAnalyzerExecutionTime: false));
            return await withAnalyzers.GetAnalyzerDiagnosticsAsync(CancellationToken.None);
        }

        /// <summary>The same .editorconfig options for every file, or per file where <see cref="PerTree"/> says.</summary>
        public sealed class OptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly Options options;
            private readonly IReadOnlyDictionary<SyntaxTree, Options>? perTree;

            public OptionsProvider(IReadOnlyDictionary<string, string> values, bool inventory = false)
            {
                options = new Options(values);
                GlobalOptions = new Options(inventory
                    ? new Dictionary<string, string> { ["build_property.ModelPolicyInventory"] = "true" }
                    : new Dictionary<string, string>());
            }

            private OptionsProvider(IReadOnlyDictionary<SyntaxTree, Options> perTree)
            {
                options = new Options(new Dictionary<string, string>());
                this.perTree = perTree;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new Dictionary<string, string>());

            public static OptionsProvider PerTree(IEnumerable<KeyValuePair<SyntaxTree, Dictionary<string, string>>> policies) =>
                new OptionsProvider(policies.ToDictionary(p => p.Key, p => new Options(p.Value)));

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) =>
                perTree != null && perTree.TryGetValue(tree, out var own) ? own : options;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => options;
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) =>
                this.values = values.ToDictionary(p => p.Key, p => p.Value, System.StringComparer.OrdinalIgnoreCase);

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) =>
                values.TryGetValue(key, out value!);
        }
    }
}
