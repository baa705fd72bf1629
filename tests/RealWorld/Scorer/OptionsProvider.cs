namespace ModelPolicy.RealWorld
{
    internal sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions perTree;

        public OptionsProvider(IReadOnlyDictionary<string, string> policy, IReadOnlyDictionary<string, string> global)
        {
            perTree = new Options(policy);
            GlobalOptions = new Options(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => perTree;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => perTree;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) => this.values = values.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
