using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Policy;

namespace ModelPolicy.Cli.Analysis
{
    /// <summary>
    /// The project's own options as the CLI hands them to the analyzer: <c>build_property.ModelPolicyInventory = true</c>
    /// (the CLI always wants the MP0010 inventory entries), and <c>build_property.ModelPolicyProfile</c> in the global
    /// options when the project sets the MSBuild property but does not make it compiler-visible (it does not reference
    /// the ModelPolicy.Analyzers package, whose props do that).
    /// </summary>
    internal sealed class ProfileOptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptionsProvider inner;

        public ProfileOptionsProvider(AnalyzerConfigOptionsProvider inner, string? profile)
        {
            this.inner = inner;
            GlobalOptions = new WithProfile(inner.GlobalOptions, profile);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => inner.GetOptions(tree);

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => inner.GetOptions(textFile);

        /// <summary>The profile the analyzer sees for a project, if any.</summary>
        public static string? VisibleProfile(AnalyzerConfigOptionsProvider options) =>
            options.GlobalOptions.TryGetValue(PolicyKeys.ProfileBuildProperty, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

        private sealed class WithProfile : AnalyzerConfigOptions
        {
            private readonly AnalyzerConfigOptions inner;
            private readonly string? profile;

            public WithProfile(AnalyzerConfigOptions inner, string? profile)
            {
                this.inner = inner;
                this.profile = profile;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                if (key == ModelPolicy.Analyzers.Diagnostics.BuildProperties.Inventory)
                {
                    value = "true";
                    return true;
                }

                if (key == PolicyKeys.ProfileBuildProperty && profile != null)
                {
                    value = profile;
                    return true;
                }

                return inner.TryGetValue(key, out value);
            }
        }
    }
}
