using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>ModelCatalog.Extend: which repository lines change what the built-in catalog says (MP0011).</summary>
    [Trait("Rule", "MP0011")]
    public class CatalogOverrideTests
    {
        private static ModelCatalog Extend(string text) =>
            ModelCatalog.Extend(ModelCatalog.Builtin, new[] { new KeyValuePair<string, string>("/repo/ModelCatalog.txt", text) });

        [Fact]
        public void AModelLineThatReattributesABuiltInIdIsAnOverrideAtItsLine()
        {
            var catalog = Extend("""
                # laundering
                model laundered | vendor=OpenAI | match=deepseek-chat | weights=closed | kind=chat | source=https://example.com
                """);

            var item = Assert.Single(catalog.Overrides);
            Assert.Equal(CatalogOverrideKind.Model, item.Kind);
            Assert.Equal("deepseek-chat", item.Value);
            Assert.Equal(("/repo/ModelCatalog.txt", 2), (item.Origin.Path, item.Origin.Line));
            Assert.Equal(("DeepSeek", "CN", (bool?)true), (item.BuiltinVendor, item.BuiltinCountry, item.BuiltinOpenWeights));
            Assert.Equal(("OpenAI", "US", (bool?)false), (item.Vendor, item.Country, item.OpenWeights));
            Assert.Equal(ModelCatalog.BuiltinPath, item.BuiltinOrigin.Path);
            Assert.Null(item.Reason);
            Assert.StartsWith("ModelCatalog.txt line 2 re-attributes model 'deepseek-chat' from DeepSeek, CN, open weights (builtin.catalog line ", item.ToString());
            Assert.EndsWith(") to OpenAI, US, closed weights", item.ToString());

            // and the match that a use of the id gets points back at the line
            var match = catalog.MatchModel("deepseek-chat")!;
            Assert.Equal("OpenAI", match.Vendor.Name);
            Assert.Same(item, catalog.OverrideOf(match));
            Assert.Same(item, match.Override);
            Assert.Equal("attribution from ModelCatalog.txt line 2 (built-in: DeepSeek, CN, open weights)", match.Override!.AttributionNote);
            Assert.Null(catalog.MatchModel("gpt-4o")!.Override);
        }

        [Fact]
        public void AGlobIsAnOverrideOnlyWhereItWinsOverTheBuiltInPattern()
        {
            // deepseek-reasoner* is as specific as the built-in pattern, so the repository line wins for deepseek-reasoner
            // and the ids of the built-in examples it covers; *-chat is less specific than deepseek-chat*, so it changes nothing there.
            var catalog = Extend("""
                model mine | vendor=Mistral AI | match=deepseek-reasoner* | weights=open | kind=chat | source=https://example.com
                model broad | vendor=Mistral AI | match=*-chat | weights=open | kind=chat | source=https://example.com
                """);

            Assert.Contains(catalog.Overrides, o => o.Value == "deepseek-reasoner" && o.Origin.Line == 1 && o.Vendor == "Mistral AI" && o.BuiltinVendor == "DeepSeek");
            Assert.DoesNotContain(catalog.Overrides, o => o.Value == "deepseek-chat");
            Assert.Equal("DeepSeek", catalog.MatchModel("deepseek-chat")!.Vendor.Name);
        }

        [Fact]
        public void AnAliasWhoseNameIsABuiltInIdIsAnOverride()
        {
            var catalog = Extend("alias deepseek-chat | model=gpt-4o\n");

            var item = Assert.Single(catalog.Overrides);
            Assert.Equal((CatalogOverrideKind.Alias, "deepseek-chat", 1), (item.Kind, item.Value, item.Origin.Line));
            Assert.Equal(("DeepSeek", "OpenAI"), (item.BuiltinVendor, item.Vendor));
            Assert.Same(item, catalog.OverrideOf(catalog.MatchModel("deepseek-chat")!));
        }

        [Fact]
        public void AHostLineWithAnotherOperatorAndAVendorRedeclaredWithAnotherCountryAreOverrides()
        {
            var catalog = Extend("""
                host api.deepseek.com | operator=OpenAI | serves=own | source=https://example.com
                vendor DeepSeek | country=US | source=https://example.com | reason=RISK-7: reviewed by legal
                """);

            Assert.Equal(2, catalog.Overrides.Count);
            var host = catalog.Overrides[0];
            Assert.Equal((CatalogOverrideKind.Host, "api.deepseek.com", "DeepSeek", "CN", "OpenAI", "US"), (host.Kind, host.Value, host.BuiltinVendor, host.BuiltinCountry, host.Vendor, host.Country));
            Assert.Same(host, catalog.OverrideOf(catalog.MatchHost("api.deepseek.com")!));
            Assert.Same(host, catalog.MatchHost("api.deepseek.com")!.Override);
            var vendor = catalog.Overrides[1];
            Assert.Equal((CatalogOverrideKind.Vendor, "DeepSeek", "US", "RISK-7: reviewed by legal"), (vendor.Kind, vendor.Value, vendor.Country, vendor.Reason));
        }

        [Fact]
        public void AReasonOnTheLineIsKept()
        {
            var catalog = Extend("model hosted | vendor=OpenAI | match=deepseek-chat | weights=closed | kind=chat | source=https://example.com | reason=RISK-142 approved\n");

            Assert.Equal("RISK-142 approved", Assert.Single(catalog.Overrides).Reason);
        }

        [Fact]
        public void LinesThatAddNewIdsOrRepeatTheBuiltInAttributionAreNoOverrides()
        {
            var catalog = Extend("""
                vendor Example Labs | country=CN | source=https://example.com
                model example-chat | vendor=Example Labs | match=example-chat* | weights=closed | kind=chat | source=https://example.com
                model deepseek-again | vendor=DeepSeek | match=deepseek-chat | weights=open | kind=chat | source=https://example.com
                alias prod-chat | model=gpt-4o
                host llm.internal.example | operator=OpenAI | serves=own | source=https://example.com
                """);

            Assert.Empty(catalog.Errors);
            Assert.Empty(catalog.Overrides);
            Assert.Null(catalog.OverrideOf(catalog.MatchModel("prod-chat")!));
            Assert.Empty(ModelCatalog.Builtin.Overrides);
        }
    }
}
