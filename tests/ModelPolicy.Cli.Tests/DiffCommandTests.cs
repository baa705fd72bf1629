using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelPolicy.Cli.Diff;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Cli.Output;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// <c>modelpolicy diff</c> on inventories the tool's own CycloneDX writer makes from inventory entries, as the
    /// analyzer reports them (without a Region property: the writer takes the region from the catalog then).
    /// </summary>
    public sealed class DiffCommandTests : IDisposable
    {
        private readonly string folder = Directory.CreateTempSubdirectory("modelpolicy-diff-").FullName;

        public void Dispose() => Directory.Delete(folder, recursive: true);

        private static Finding Entry(string kind, string value, string? vendor, string? country, int line, string? region = null)
        {
            var properties = new Dictionary<string, string?>
            {
                ["Kind"] = kind,
                ["Value"] = value,
                ["Status"] = "allowed",
                ["Reason"] = "no rule of the policy applies",
                ["Diagnostic"] = kind == "model" ? "MP0001" : "MP0003",
            };
            if (vendor != null)
            {
                properties["Vendor"] = vendor;
                properties["Country"] = country;
            }

            if (kind == "model" && vendor != null)
            {
                properties["OpenWeights"] = "false";
            }

            if (region != null)
            {
                properties["Region"] = region;
            }

            return new Finding("MP0010", FindingLevel.None, value, "Service", "Service/Chat.cs", line, 9, line, 20, false, properties);
        }

        /// <summary>Writes an inventory of a small service with these entries, as 'modelpolicy inventory --format cyclonedx' does.</summary>
        private string Inventory(string name, params Finding[] entries)
        {
            var result = new InventoryResult("Service", folder, null, new[] { "Service" }, entries, Array.Empty<RuleInfo>(), Array.Empty<string>());
            var path = Path.Combine(folder, name);
            using (var writer = new StreamWriter(path))
            {
                CycloneDxWriter.Write(new InventoryReport(result), writer, DateTimeOffset.UnixEpoch, Guid.Empty);
            }

            return path;
        }

        private static readonly Finding Gpt4o = Entry("model", "gpt-4o", "OpenAI", "US", 5);
        private static readonly Finding Frankfurt = Entry("endpoint", "bedrock-runtime.eu-central-1.amazonaws.com", "Amazon", "US", 6);
        private static readonly Finding QwenMax = Entry("model", "qwen-max", "Alibaba", "CN", 7);

        private static (int Code, string Out, string Err) Run(string basePath, string headPath, DiffFailOn failOn = DiffFailOn.Any, bool markdown = false)
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = DiffCommand.Run(basePath, headPath, failOn, markdown, stdout, stderr);
            return (code, stdout.ToString(), stderr.ToString());
        }

        [Fact]
        public void A_head_that_adds_qwen_max_exits_1_naming_it_and_CN()
        {
            var before = Inventory("base.cdx.json", Gpt4o, Frankfurt);
            var after = Inventory("head.cdx.json", Gpt4o, Frankfurt, QwenMax);

            var (code, output, _) = Run(before, after);

            Assert.Equal(1, code);
            Assert.Contains("  + qwen-max (Alibaba, CN)", output, StringComparison.Ordinal);
            Assert.Contains("Vendors: 1 added, 0 removed\n  + Alibaba", output.Replace("\r", string.Empty), StringComparison.Ordinal);
            Assert.Contains("Model origins: 1 added, 0 removed\n  + CN", output.Replace("\r", string.Empty), StringComparison.Ordinal);
            Assert.Contains("Result: fails --fail-on any: new vendor Alibaba; new model origin CN.", output, StringComparison.Ordinal);
            Assert.DoesNotContain("Endpoint", output, StringComparison.Ordinal);
        }

        [Fact]
        public void The_same_file_twice_exits_0()
        {
            var inventory = Inventory("base.cdx.json", Gpt4o, Frankfurt, QwenMax);

            var (code, output, _) = Run(inventory, inventory);

            Assert.Equal(0, code);
            Assert.Contains("No change in models, vendors, origins, endpoints, endpoint operators or regions.", output, StringComparison.Ordinal);
            Assert.Contains("Result: passes --fail-on any.", output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_new_model_of_a_known_vendor_and_origin_is_listed_but_does_not_fail()
        {
            var before = Inventory("base.cdx.json", Gpt4o);
            var after = Inventory("head.cdx.json", Gpt4o, Entry("model", "gpt-4o-mini", "OpenAI", "US", 8));

            var (code, output, _) = Run(before, after);

            Assert.Equal(0, code);
            Assert.Contains("  + gpt-4o-mini (OpenAI, US)", output, StringComparison.Ordinal);
        }

        [Fact]
        public void A_new_region_fails_new_endpoint_and_any_but_not_new_vendor()
        {
            var before = Inventory("base.cdx.json", Gpt4o, Frankfurt);
            var after = Inventory("head.cdx.json", Gpt4o, Frankfurt, Entry("endpoint", "bedrock-runtime.us-east-1.amazonaws.com", "Amazon", "US", 9));

            var (code, output, _) = Run(before, after, DiffFailOn.NewEndpoint);

            Assert.Equal(1, code);
            Assert.Contains("  + bedrock-runtime.us-east-1.amazonaws.com (Amazon, US, region US)", output, StringComparison.Ordinal);
            Assert.Contains("Result: fails --fail-on new-endpoint: new endpoint region US.", output, StringComparison.Ordinal);
            Assert.Equal(1, Run(before, after, DiffFailOn.Any).Code);
            Assert.Equal(0, Run(before, after, DiffFailOn.NewVendor).Code);
            Assert.Equal(0, Run(before, after, DiffFailOn.NewOrigin).Code);
        }

        [Fact]
        public void A_new_operator_and_its_country_fail_new_endpoint()
        {
            var before = Inventory("base.cdx.json", Frankfurt);
            var after = Inventory("head.cdx.json", Frankfurt, Entry("endpoint", "dashscope-intl.aliyuncs.com", "Alibaba", "CN", 9));

            var (code, output, _) = Run(before, after, DiffFailOn.NewEndpoint);

            Assert.Equal(1, code);
            Assert.Contains("Result: fails --fail-on new-endpoint: new endpoint operator Alibaba; new endpoint operator country CN; new endpoint region SG.", output, StringComparison.Ordinal);
        }

        [Fact]
        public void The_regions_property_the_analyzer_gives_wins_over_the_catalog()
        {
            var before = Inventory("base.cdx.json", Frankfurt);
            var after = Inventory("head.cdx.json", Entry("endpoint", "bedrock-runtime.eu-central-1.amazonaws.com", "Amazon", "US", 6, region: "EU"));

            var (code, output, _) = Run(before, after);

            Assert.Equal(1, code);
            Assert.Contains("new endpoint region EU", output, StringComparison.Ordinal);
        }

        [Fact]
        public void Removed_models_and_regions_are_listed_and_never_fail()
        {
            var before = Inventory("base.cdx.json", Gpt4o, Frankfurt, QwenMax);
            var after = Inventory("head.cdx.json", Gpt4o);

            var (code, output, _) = Run(before, after);

            Assert.Equal(0, code);
            Assert.Contains("  - qwen-max (Alibaba, CN)", output, StringComparison.Ordinal);
            Assert.Contains("  - bedrock-runtime.eu-central-1.amazonaws.com (Amazon, US, region DE)", output, StringComparison.Ordinal);
            Assert.Contains("Endpoint regions: 0 added, 1 removed\n  - DE", output.Replace("\r", string.Empty), StringComparison.Ordinal);
        }

        [Fact]
        public void Fail_on_none_always_exits_0()
        {
            var before = Inventory("base.cdx.json", Gpt4o);
            var after = Inventory("head.cdx.json", Gpt4o, QwenMax);

            Assert.Equal(0, Run(before, after, DiffFailOn.None).Code);
            Assert.Equal(1, Run(before, after, DiffFailOn.NewOrigin).Code);
            Assert.Equal(1, Run(before, after, DiffFailOn.NewVendor).Code);
            Assert.Equal(0, Run(before, after, DiffFailOn.NewEndpoint).Code);
        }

        [Fact]
        public void Markdown_is_a_table_for_a_pull_request_comment()
        {
            var before = Inventory("base.cdx.json", Gpt4o);
            var after = Inventory("head.cdx.json", Gpt4o, QwenMax, Frankfurt);

            var (code, output, _) = Run(before, after, markdown: true);

            Assert.Equal(1, code);
            var lines = output.Replace("\r", string.Empty).Split('\n');
            Assert.Equal("### Model inventory changes", lines[0]);
            Assert.Contains("| Models | qwen-max (Alibaba, CN) |  |", lines);
            Assert.Contains("| Model origins | CN |  |", lines);
            Assert.Contains("| Endpoint regions | DE |  |", lines);
            Assert.Contains(lines, l => l.StartsWith("❌ Result: fails --fail-on any: new vendor Alibaba; new model origin CN; new endpoint operator Amazon;", StringComparison.Ordinal));
        }

        [Fact]
        public void A_file_that_is_not_JSON_exits_2_naming_itself()
        {
            var bad = Path.Combine(folder, "notes.txt");
            File.WriteAllText(bad, "not an inventory");

            var (code, output, error) = Run(bad, Inventory("head.cdx.json", Gpt4o));

            Assert.Equal(2, code);
            Assert.Empty(output);
            Assert.StartsWith("modelpolicy: error: " + bad + ": not an inventory: not JSON", error, StringComparison.Ordinal);
        }

        [Theory]
        [InlineData("{\"runs\": []}", "not a CycloneDX BOM")]
        [InlineData("[1, 2]", "not a CycloneDX BOM")]
        [InlineData("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.6\", \"metadata\": {\"tools\": {\"components\": [{\"name\": \"cdxgen\"}]}}}", "a CycloneDX BOM that modelpolicy did not write")]
        public void A_JSON_file_that_is_not_an_inventory_exits_2_saying_why(string json, string why)
        {
            var bad = Path.Combine(folder, "other.json");
            File.WriteAllText(bad, json);

            var (code, _, error) = Run(Inventory("base.cdx.json", Gpt4o), bad);

            Assert.Equal(2, code);
            Assert.Contains(bad + ": not an inventory: " + why, error, StringComparison.Ordinal);
        }

        [Fact]
        public void A_missing_file_exits_2_naming_it()
        {
            var missing = Path.Combine(folder, "missing.cdx.json");

            var (code, _, error) = Run(missing, missing);

            Assert.Equal(2, code);
            Assert.Contains(missing + ": cannot be read", error, StringComparison.Ordinal);
        }

        [Fact]
        public async Task The_command_line_parses_diff_and_its_options()
        {
            var before = Inventory("base.cdx.json", Gpt4o);
            var after = Inventory("head.cdx.json", Gpt4o, QwenMax);
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            Assert.Equal(1, await Program.RunAsync(new[] { "diff", before, after }, stdout, stderr, CancellationToken.None));
            Assert.Contains("qwen-max", stdout.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await Program.RunAsync(new[] { "diff", before, after, "--fail-on", "none", "--format", "markdown" }, new StringWriter(), new StringWriter(), CancellationToken.None));

            var usage = new StringWriter();
            Assert.Equal(2, await Program.RunAsync(new[] { "diff", before, after, "--fail-on", "new-model" }, new StringWriter(), usage, CancellationToken.None));
            Assert.Contains("new-model", usage.ToString(), StringComparison.Ordinal);
            Assert.Equal(2, await Program.RunAsync(new[] { "diff", before }, new StringWriter(), new StringWriter(), CancellationToken.None));
        }

        [Fact]
        public void The_inventory_carries_the_three_axes_the_diff_reads()
        {
            var path = Inventory("head.cdx.json", QwenMax, Frankfurt);

            var snapshot = InventorySnapshot.Read(path);

            Assert.Equal(new SnapshotModel("qwen-max", "Alibaba", "CN"), Assert.Single(snapshot.Models));
            Assert.Equal(new SnapshotEndpoint("bedrock-runtime.eu-central-1.amazonaws.com", "Amazon", "US", "DE"), Assert.Single(snapshot.Endpoints));
            using var bom = System.Text.Json.JsonDocument.Parse(File.ReadAllText(path));
            var service = bom.RootElement.GetProperty("services")[0];
            var model = bom.RootElement.GetProperty("components").EnumerateArray().Single(c => c.GetProperty("type").GetString() == "machine-learning-model");
            Assert.Equal(("US", "DE", "eu-central-1"), (Property(service, "endpointJurisdiction"), Property(service, "endpointRegion"), Property(service, "cloudRegion")));
            Assert.Equal(("CN", "US", "DE"), (Property(model, "modelOrigin"), Property(model, "endpointJurisdiction"), Property(model, "endpointRegion")));
            Assert.Equal("CN", model.GetProperty("supplier").GetProperty("address").GetProperty("country").GetString());
        }

        private static string? Property(System.Text.Json.JsonElement element, string name) =>
            element.GetProperty("properties").EnumerateArray()
                .Where(p => p.GetProperty("name").GetString() == "modelpolicy:" + name)
                .Select(p => p.GetProperty("value").GetString())
                .FirstOrDefault();
    }
}
