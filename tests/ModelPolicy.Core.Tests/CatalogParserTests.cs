using System.Linq;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    public class CatalogParserTests
    {
        private const string Vendors = "vendor Acme AI | country=DE | source=https://acme.example\n";

        [Fact]
        public void ReadsEveryKindOfEntry()
        {
            var file = CatalogParser.Parse("x.txt", Vendors + """
                # a comment

                model acme-chat | vendor=Acme AI | match=acme-*, Acme/* | weights=open | kind=chat | source=https://acme.example/models | note=fine-tuned | examples=acme-chat-2, acme-chat-1
                host api.acme.example | operator=Acme AI | serves=own | source=https://acme.example/api
                host *.acme-cloud.example | operator=Acme AI | serves=many | country=FR | source=https://acme.example/cloud
                alias prod-chat | model=acme-chat-1
                """);

            Assert.Empty(file.Errors);
            var vendor = Assert.Single(file.Vendors);
            Assert.Equal(("Acme AI", "DE"), (vendor.Name, vendor.Country));
            var family = Assert.Single(file.Families);
            Assert.Equal(new[] { "acme-*", "acme/*" }, family.Patterns);
            Assert.True(family.OpenWeights);
            Assert.Equal(ModelKind.Chat, family.Kind);
            Assert.Equal("DE", family.Country);
            Assert.Equal("fine-tuned", family.Note);
            Assert.Equal(new[] { "acme-chat-2", "acme-chat-1" }, family.Examples);
            Assert.Equal(4, family.Origin.Line);
            Assert.Equal(new[] { "DE", "FR" }, file.Hosts.Select(h => h.Country));
            Assert.Equal(new[] { false, true }, file.Hosts.Select(h => h.MultiVendor));
            var alias = Assert.Single(file.Aliases);
            Assert.Equal(("prod-chat", "acme-chat-1"), (alias.Pattern, alias.Target));
        }

        [Theory]
        [InlineData("model m | vendor=Nobody | match=m-* | weights=open | kind=chat | source=s", "unknown vendor 'Nobody'", 17)]
        [InlineData("model m | vendor=Acme AI | match=m-* | weights=maybe | kind=chat | source=s", "weights must be 'open' or 'closed'", 47)]
        [InlineData("model m | vendor=Acme AI | match=m-* | weights=open | kind=poetry | source=s", "kind must be one of", 59)]
        [InlineData("model m | vendor=Acme AI | match=m-*, m%x | weights=open | kind=chat | source=s", "pattern 'm%x'", 38)]
        [InlineData("model m | vendor=Acme AI | match=* | weights=open | kind=chat | source=s", "would match every id", 33)]
        [InlineData("model m | vendor=Acme AI | match=m-* | weights=open | kind=chat", "missing 'source=' field", 0)]
        [InlineData("model m | vendor=Acme AI | match=m-* | colour=red | weights=open | kind=chat | source=s", "unknown key 'colour'", 39)]
        [InlineData("model m | vendor=Acme AI | vendor=Acme AI | match=m-* | weights=open | kind=chat | source=s", "key 'vendor' is given twice", 27)]
        [InlineData("model m | vendor=Acme AI | match= | weights=open | kind=chat | source=s", "key 'match' has no value", 27)]
        [InlineData("model m | vendor=Acme AI, match=m-*", "unknown vendor 'Acme AI, match=m-*'", 17)]
        [InlineData("model m | just words", "expected 'key=value'", 10)]
        [InlineData("model m | vendor=Acme AI | match=m-* | weights=open | kind=chat | source=s | examples=m-1, m 2", "example 'm 2' is not a model id", 91)]
        [InlineData("vendor V | country=XX | source=s", "'XX' is not an ISO 3166-1 alpha-2 country code", 19)]
        [InlineData("vendor Acme AI | country=DE | source=s", "vendor 'Acme AI' is declared twice", 7)]
        [InlineData("host api.x.example | operator=Acme AI | serves=some | source=s", "serves must be 'own' or 'many'", 47)]
        [InlineData("host api x | operator=Acme AI | serves=own | source=s", "host pattern 'api x'", 5)]
        [InlineData("alias prod | note=x", "missing 'model=' field", 0)]
        [InlineData("modle m | vendor=Acme AI", "unknown entry kind 'modle'", 0)]
        [InlineData("model", "'model' needs a name after it", 0)]
        public void ReportsABadLineAtTheOffendingText(string line, string message, int column)
        {
            var file = CatalogParser.Parse("ModelCatalog.txt", Vendors + line + "\nvendor Later | country=US | source=s\n");

            var error = Assert.Single(file.Errors);
            Assert.Equal("ModelCatalog.txt", error.Path);
            Assert.Equal(2, error.Line);
            Assert.Contains(message, error.Message);
            Assert.Equal(column, error.Column);
            Assert.True(error.Length > 0);
            Assert.Contains(file.Vendors, v => v.Name == "Later");
        }

        [Fact]
        public void AnExtensionMayUseTheVendorsOfTheBuiltInCatalog()
        {
            var baseCatalog = ModelCatalog.FromText("base", Vendors);
            var file = CatalogParser.Parse("ext.txt", "model acme-ft | vendor=acme ai | match=acme-ft-* | weights=closed | kind=chat | source=internal", baseCatalog);

            Assert.Empty(file.Errors);
            Assert.Equal("Acme AI", file.Families.Single().Vendor.Name);
        }

        [Fact]
        public void HandlesCarriageReturnsAndATrailingLineWithoutNewline()
        {
            var file = CatalogParser.Parse("x", "vendor A | country=US | source=s\r\nvendor B | country=CN | source=s");

            Assert.Empty(file.Errors);
            Assert.Equal(new[] { "A", "B" }, file.Vendors.Select(v => v.Name));
        }
    }
}
