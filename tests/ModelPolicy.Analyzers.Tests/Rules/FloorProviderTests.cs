using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Enforcement;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.Rules
{
    /// <summary>FloorProvider: the floors of a compilation, for judging each use in the build (the hook after the restructure).</summary>
    [Trait("Rule", "MP0013")]
    public class FloorProviderTests
    {
        [Fact]
        public void AFloorDeniesWhatTheRepositoryAllowsAndMakesItsFoldersRegulated()
        {
            var floor = new Text("/org/contoso.modelpolicy", "[*.cs]\nmodel_policy.denied_origins = CN\n[Payments/**.cs]\nmodel_policy.profile = regulated\n");
            var options = new AnalyzerOptions(ImmutableArray.Create<AdditionalText>(floor), new Provider(floor));
            var provider = FloorProvider.Create(options, ModelCatalog.Builtin, CancellationToken.None);
            var repository = PolicyReader.Read(new[] { new KeyValuePair<string, string>("model_policy.denied_origins", "none") }, null, ModelCatalog.Builtin).Settings;

            var verdict = provider.EvaluateModel("/src/Chat.cs", repository, "deepseek-chat", ModelCatalog.Builtin.MatchModel("deepseek-chat"));

            Assert.True(provider.HasFloor);
            Assert.True(verdict.IsDenied);
            Assert.EndsWith("(organisation policy)", verdict.Reason);
            Assert.False(provider.EvaluateModel("/src/Chat.cs", repository, "gpt-4o", ModelCatalog.Builtin.MatchModel("gpt-4o")).IsDenied);
            Assert.True(provider.EvaluateEndpoint("/src/Chat.cs", repository, "api.deepseek.com", ModelCatalog.Builtin.MatchHost("api.deepseek.com")).IsDenied);
            Assert.True(provider.IsRegulated("/src/Payments/Refunds.cs"));
            Assert.False(provider.IsRegulated("/src/Chat.cs"));
        }

        [Fact]
        public void WithoutAFloorTheRepositoryDecides()
        {
            var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new Provider(null));
            var provider = FloorProvider.Create(options, ModelCatalog.Builtin, CancellationToken.None);

            Assert.Same(FloorProvider.None, provider);
            Assert.False(provider.EvaluateModel("/a.cs", ModelPolicySettings.Empty, "deepseek-chat", ModelCatalog.Builtin.MatchModel("deepseek-chat")).IsDenied);
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

        private sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly AdditionalText? floor;

            public Provider(AdditionalText? floor) => this.floor = floor;

            public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(false);

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(false);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => new Options(ReferenceEquals(textFile, floor));
        }

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly bool isFloor;

            public Options(bool isFloor) => this.isFloor = isFloor;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
            {
                value = isFloor && key == EnforcementAnalysis.FloorMetadataKey ? "true" : null;
                return value != null;
            }
        }
    }
}
