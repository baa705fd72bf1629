using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Enforcement;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Runs <see cref="EnforcementAnalysis"/> straight on a compilation whose .editorconfig and global config files are
    /// applied by Roslyn's own <see cref="AnalyzerConfigSet"/> (as the compiler does), so hidden MP0010 entries and the
    /// properties of every diagnostic can be read.
    /// </summary>
    public static class EnforcementRun
    {
        public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string source, string editorconfig, params (string Path, string Text)[] files) =>
            AnalyzeAsync(new[] { ("/0/Test0.cs", source) }, new[] { ("/.editorconfig", editorconfig), ("/.globalconfig", "is_global = true\nbuild_property.ModelPolicyInventory = true\n") }, files);

        /// <param name="configs">.editorconfig and global config files (path, text).</param>
        /// <param name="files">Additional files (path, text).</param>
        public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync((string Path, string Text)[] sources, (string Path, string Text)[] configs, (string Path, string Text)[] files)
        {
            var set = AnalyzerConfigSet.Create(configs.Select(c => AnalyzerConfig.Parse(c.Text, c.Path)).ToImmutableArray());
            var trees = sources.Select(s => CSharpSyntaxTree.ParseText(s.Text, DirectRun.ParseOptions, s.Path)).ToArray();
            var compilation = DirectRun.Compile(trees);
            compilation = compilation.WithOptions(compilation.Options.WithSyntaxTreeOptionsProvider(new TreeOptions(set)));
            var options = new AnalyzerOptions(
                files.Select(f => (AdditionalText)new Text(f.Path, f.Text)).ToImmutableArray(),
                new Provider(set));
            return Task.FromResult(EnforcementAnalysis.Analyze(compilation, options, null, CancellationToken.None));
        }

        private sealed class Text : AdditionalText
        {
            private readonly SourceText text;

            public Text(string path, string text)
            {
                Path = path;
                this.text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }

        private sealed class TreeOptions : SyntaxTreeOptionsProvider
        {
            private readonly AnalyzerConfigSet set;

            public TreeOptions(AnalyzerConfigSet set) => this.set = set;

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => GeneratedKind.Unknown;

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                set.GetOptionsForSourcePath(tree.FilePath).TreeOptions.TryGetValue(diagnosticId, out severity);

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity) =>
                set.GlobalConfigOptions.TreeOptions.TryGetValue(diagnosticId, out severity);
        }

        private sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigSet set;

            public Provider(AnalyzerConfigSet set)
            {
                this.set = set;
                GlobalOptions = new Options(set.GlobalConfigOptions.AnalyzerOptions);
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(set.GetOptionsForSourcePath(tree.FilePath).AnalyzerOptions);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(set.GetOptionsForSourcePath(textFile.Path).AnalyzerOptions);
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly ImmutableDictionary<string, string> values;

            public Options(ImmutableDictionary<string, string> values) => this.values = values;

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value!);
        }
    }
}
