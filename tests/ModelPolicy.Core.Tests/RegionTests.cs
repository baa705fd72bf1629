using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using ModelPolicy.Text;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>
    /// The third axis: where a host processes prompts. Region data in the built-in catalog, the country groups,
    /// the region keys and their precedence, and the description every surface shows.
    /// </summary>
    public class RegionTests
    {
        private static readonly ModelCatalog Builtin = ModelCatalog.Builtin;

        /// <summary>The policy of issue 11.</summary>
        private static readonly (string Key, string Value)[] IssuePolicy =
        {
            ("model_policy.denied_origins", "foreign-adversaries"),
            ("model_policy.denied_endpoint_origins", "none"),
            ("model_policy.allowed_endpoint_regions", "EU"),
            ("model_policy.unknown_endpoint_regions", "deny"),
        };

        private static PolicyResult Read(ModelCatalog catalog, params (string Key, string Value)[] options) =>
            PolicyReader.Read(options.Select(o => new KeyValuePair<string, string>(o.Key, o.Value)), null, catalog);

        private static Verdict Endpoint(string host, params (string Key, string Value)[] options) => Endpoint(Builtin, host, options);

        private static Verdict Endpoint(ModelCatalog catalog, string host, params (string Key, string Value)[] options)
        {
            var result = Read(catalog, options);
            Assert.Empty(result.Errors);
            return PolicyEvaluator.EvaluateEndpoint(result.Settings, host, catalog.MatchHost(host));
        }

        private static Verdict Model(string id, params (string Key, string Value)[] options)
        {
            var result = Read(Builtin, options);
            Assert.Empty(result.Errors);
            return PolicyEvaluator.EvaluateModel(result.Settings, id, Builtin.MatchModel(id));
        }

        // ---- catalog data ----

        [Fact]
        public void TheBuiltinRegionDataHasNoBadLinesAndEveryFactASource()
        {
            Assert.Empty(Builtin.Errors);
            Assert.True(Builtin.CloudRegions.Count >= 60, Builtin.CloudRegions.Count + " cloud regions");
            Assert.All(Builtin.CloudRegions, r => Assert.StartsWith("https://", r.Source));
            Assert.All(Builtin.Groups, g => Assert.StartsWith("https://", g.Source));
            Assert.All(Builtin.Groups, g => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", g.Read));
            Assert.All(Builtin.Hosts.Where(h => h.Region != RegionSpec.Unrecorded), h => Assert.StartsWith("https://", h.Region.Source));
            Assert.True(Builtin.Hosts.Count(h => h.Region != RegionSpec.Unrecorded) >= 25);
        }

        [Theory]
        [Trait("Rule", "MP0004")]
        [InlineData("bedrock-runtime.eu-central-1.amazonaws.com", "Amazon", "US", "DE", "eu-central-1")]
        [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "Amazon", "US", "US", "us-east-1")]
        [InlineData("bedrock-runtime.ap-northeast-1.amazonaws.com", "Amazon", "US", "JP", "ap-northeast-1")]
        [InlineData("bedrock-runtime-fips.us-gov-west-1.amazonaws.com", "Amazon", "US", "US", "us-gov-west-1")]
        [InlineData("runtime.sagemaker.ap-east-1.amazonaws.com", "Amazon", "US", "HK", "ap-east-1")]
        [InlineData("europe-west4-aiplatform.googleapis.com", "Google", "US", "NL", "europe-west4")]
        [InlineData("us-central1-aiplatform.googleapis.com", "Google", "US", "US", "us-central1")]
        [InlineData("asia-east2-aiplatform.googleapis.com", "Google", "US", "HK", "asia-east2")]
        [InlineData("eu.api.openai.com", "OpenAI", "US", "EEA+CH", null)]
        [InlineData("us.api.openai.com", "OpenAI", "US", "US", null)]
        [InlineData("au.api.openai.com", "OpenAI", "US", "AU", null)]
        [InlineData("in.api.openai.com", "OpenAI", "US", "IN", null)]
        [InlineData("jp.api.openai.com", "OpenAI", "US", "JP", null)]
        [InlineData("ae.api.openai.com", "OpenAI", "US", "AE", null)]
        [InlineData("dashscope-intl.aliyuncs.com", "Alibaba", "CN", "SG", null)]
        [InlineData("dashscope.aliyuncs.com", "Alibaba", "CN", "CN", null)]
        [InlineData("dashscope-us.aliyuncs.com", "Alibaba", "CN", "US", null)]
        [InlineData("api.deepseek.com", "DeepSeek", "CN", "CN", null)]
        [InlineData("ark.cn-beijing.volces.com", "ByteDance", "CN", "CN", null)]
        [InlineData("eu-de.ml.cloud.ibm.com", "IBM", "US", "DE", "eu-de")]
        [InlineData("us-east-1.api.x.ai", "xAI", "US", "US", null)]
        public void HostsCarryTheRegionTheirNameFixes(string host, string @operator, string operatorCountry, string region, string? cloudRegion)
        {
            var entry = Builtin.MatchHost(host);

            Assert.NotNull(entry);
            var resolved = entry!.RegionOf(host);
            Assert.Equal((@operator, operatorCountry, region, cloudRegion), (entry.Operator.Name, entry.Country, resolved.Display, resolved.CloudRegion));
            Assert.True(resolved.IsKnown);
            Assert.NotNull(resolved.Source);
        }

        [Theory]
        [Trait("Rule", "MP0004")]
        [InlineData("api.openai.com", "global infrastructure")]
        [InlineData("contoso.openai.azure.com", "resource name does not fix the Azure region")]
        [InlineData("my-hub.services.ai.azure.com", "resource name does not fix the Azure region")]
        [InlineData("my-hub.cognitiveservices.azure.com", "resource name does not fix the Azure region")]
        [InlineData("aiplatform.googleapis.com", "any Google region")]
        [InlineData("bedrock-runtime.xx-moon-9.amazonaws.com", "does not know aws region 'xx-moon-9'")]
        [InlineData("api.mistral.ai", "records no processing region")]
        [InlineData("api.x.ai", "other regions")]
        [InlineData("private.us-south.ml.cloud.ibm.com", "does not know ibm region 'private.us-south'")]
        public void HostsWhoseNameDoesNotFixARegionAreUnknownAndSayWhy(string host, string why)
        {
            var region = Builtin.MatchHost(host)!.RegionOf(host);

            Assert.False(region.IsKnown);
            Assert.Equal("unknown", region.Display);
            Assert.Empty(region.Countries);
            Assert.Contains(why, region.Note);
        }

        [Fact]
        public void EuropeanOpenAiIsTheEeaAndSwitzerlandAsOpenAiStatesIt()
        {
            var region = Builtin.MatchHost("eu.api.openai.com")!.RegionOf("eu.api.openai.com");

            Assert.Equal(Countries.EuropeanUnion.Concat(new[] { "IS", "LI", "NO", "CH" }).OrderBy(c => c), region.Countries.OrderBy(c => c));
            Assert.Contains("not EU only", region.Note);
        }

        // ---- groups ----

        [Fact]
        [Trait("Rule", "MP0002")]
        public void GroupsHoldTheCountriesOfTheirCitedText()
        {
            Assert.True(Builtin.TryGetGroup("EU", out var eu));
            Assert.Equal(Countries.EuropeanUnion, eu!.Countries);
            Assert.True(Builtin.TryGetGroup("eea", out var eea));
            Assert.Equal(Countries.EuropeanUnion.Concat(new[] { "IS", "LI", "NO" }), eea!.Countries);
            Assert.True(Builtin.TryGetGroup("foreign-adversaries", out var adversaries));
            Assert.Equal(new[] { "CN", "HK", "MO", "CU", "IR", "KP", "RU", "VE" }, adversaries!.Countries);
            Assert.Contains("791.4", adversaries.Source);
            Assert.Contains("Maduro", adversaries.Note);
            Assert.True(Builtin.TryGetGroup("Covered-Nations", out var covered));
            Assert.Equal(new[] { "KP", "CN", "RU", "IR" }, covered!.Countries);
            Assert.Contains("4872", covered.Source);
            Assert.Contains("Hong Kong", covered.Note);
        }

        [Fact]
        [Trait("Rule", "MP0002")]
        public void ACountryCodeMeansThatCodeOnly()
        {
            var set = new HashSet<string>();
            Assert.True(Builtin.TryExpandCountries("cn", set));
            Assert.Equal(new[] { "CN" }, set);
        }

        [Theory]
        [Trait("Rule", "MP0002")]
        [InlineData("qwen-max", "origin CN is denied by model_policy.denied_origins")]
        [InlineData("GigaChat-Pro", "origin RU is denied by model_policy.denied_origins")]
        public void TheIssuePolicyDeniesModelsThroughTheGroup(string id, string reason)
        {
            var verdict = Model(id, IssuePolicy);

            Assert.True(verdict.IsDenied);
            Assert.Equal(reason, verdict.Reason);
            Assert.Null(verdict.Region);
        }

        [Fact]
        [Trait("Rule", "MP0001")]
        public void TheIssuePolicyAllowsGpt4o() => Assert.Equal(VerdictKind.Allowed, Model("gpt-4o", IssuePolicy).Kind);

        [Theory]
        [Trait("Rule", "MP0002")]
        [InlineData("model_policy.denied_origins", "covered-nations", "qwen-max", true)]
        [InlineData("model_policy.denied_origins", "covered-nations", "mistral-large-latest", false)]
        [InlineData("model_policy.allowed_origins", "EEA", "mistral-large-latest", false)]
        [InlineData("model_policy.allowed_origins", "EEA", "gpt-4o", true)]
        [InlineData("model_policy.allowed_origins", "EEA, US", "gpt-4o", false)]
        public void GroupsWorkInTheModelKeys(string key, string value, string id, bool denied) =>
            Assert.Equal(denied, Model(id, (key, value)).IsDenied);

        [Fact]
        [Trait("Rule", "MP0004")]
        public void GroupsWorkInTheEndpointOriginKey()
        {
            var verdict = Endpoint("api.deepseek.com", ("model_policy.denied_endpoint_origins", "foreign-adversaries"));

            Assert.Equal("origin CN is denied by model_policy.denied_endpoint_origins", verdict.Reason);
            Assert.Equal("CN", verdict.Region!.Display);
        }

        // ---- the issue's policy, endpoint by endpoint ----

        [Theory]
        [Trait("Rule", "MP0003")]
        [InlineData("bedrock-runtime.eu-central-1.amazonaws.com", "DE")]
        [InlineData("europe-west4-aiplatform.googleapis.com", "NL")]
        [InlineData("europe-west9-aiplatform.googleapis.com", "FR")]
        public void TheIssuePolicyAllowsHostsInTheEu(string host, string region)
        {
            var verdict = Endpoint(host, IssuePolicy);

            Assert.Equal(VerdictKind.Allowed, verdict.Kind);
            Assert.Equal(region, verdict.Region!.Display);
        }

        [Theory]
        [Trait("Rule", "MP0004")]
        [InlineData("bedrock-runtime.us-east-1.amazonaws.com", "region US is not in model_policy.allowed_endpoint_regions", "Amazon, US, region US")]
        [InlineData("dashscope-intl.aliyuncs.com", "region SG is not in model_policy.allowed_endpoint_regions", "Alibaba, CN, region SG")]
        [InlineData("dashscope.aliyuncs.com", "region CN is not in model_policy.allowed_endpoint_regions", "Alibaba, CN, region CN")]
        [InlineData("api.openai.com", "its processing region is unknown and model_policy.unknown_endpoint_regions is deny", "OpenAI, US, region unknown")]
        [InlineData("contoso.openai.azure.com", "its processing region is unknown and model_policy.unknown_endpoint_regions is deny", "Microsoft, US, region unknown")]
        [InlineData("eu.api.openai.com", "region EEA+CH includes IS, LI, NO, CH, not in model_policy.allowed_endpoint_regions", "OpenAI, US, region EEA+CH")]
        public void TheIssuePolicyDeniesHostsOutsideTheEuOrOfUnknownRegion(string host, string reason, string description)
        {
            var verdict = Endpoint(host, IssuePolicy);

            Assert.True(verdict.IsDenied);
            Assert.Equal(reason, verdict.Reason);
            Assert.Equal(description, EndpointDescription.Describe(Builtin.MatchHost(host), verdict, local: false));
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void TheIssueExampleMessageIsWhatTheAnalyzerFormatGives()
        {
            const string host = "bedrock-runtime.us-east-1.amazonaws.com";
            var verdict = Endpoint(host, IssuePolicy);

            // The analyzer's MP0004 format: Endpoint '{host}' ({description}) is not allowed here: {reason}
            var message = "Endpoint '" + host + "' (" + EndpointDescription.Describe(Builtin.MatchHost(host), verdict, false) + ") is not allowed here: " + verdict.Reason;

            Assert.Equal("Endpoint 'bedrock-runtime.us-east-1.amazonaws.com' (Amazon, US, region US) is not allowed here: region US is not in model_policy.allowed_endpoint_regions", message);
        }

        [Fact]
        [Trait("Rule", "MP0003")]
        public void EuropeanOpenAiIsAllowedWhereTheEeaAndSwitzerlandAre()
        {
            var verdict = Endpoint("eu.api.openai.com", ("model_policy.allowed_endpoint_regions", "EEA, CH"));

            Assert.Equal(VerdictKind.Allowed, verdict.Kind);
        }

        // ---- each region key ----

        [Theory]
        [Trait("Rule", "MP0004")]
        [InlineData("runtime.sagemaker.ap-east-1.amazonaws.com", "region HK is denied by model_policy.denied_endpoint_regions")]
        [InlineData("asia-east2-aiplatform.googleapis.com", "region HK is denied by model_policy.denied_endpoint_regions")]
        [InlineData("dashscope.aliyuncs.com", "region CN is denied by model_policy.denied_endpoint_regions")]
        [InlineData("api.deepseek.com", "region CN is denied by model_policy.denied_endpoint_regions")]
        public void DeniedEndpointRegionsDeniesHostsInThoseCountries(string host, string reason) =>
            Assert.Equal(reason, Endpoint(host, ("model_policy.denied_endpoint_regions", "foreign-adversaries")).Reason);

        [Theory]
        [Trait("Rule", "MP0003")]
        [InlineData("dashscope-intl.aliyuncs.com")]
        [InlineData("bedrock-runtime.us-east-1.amazonaws.com")]
        [InlineData("api.openai.com")]
        public void DeniedEndpointRegionsLeavesOtherHosts(string host) =>
            Assert.Equal(VerdictKind.Allowed, Endpoint(host, ("model_policy.denied_endpoint_regions", "foreign-adversaries")).Kind);

        [Fact]
        [Trait("Rule", "MP0004")]
        public void AZoneHitsADenyListWhenAnyOfItsCountriesIsInIt() =>
            Assert.Equal(
                "region EEA+CH includes DE, denied by model_policy.denied_endpoint_regions",
                Endpoint("eu.api.openai.com", ("model_policy.denied_endpoint_regions", "DE")).Reason);

        [Fact]
        [Trait("Rule", "MP0004")]
        public void AllowedEndpointRegionsTakesCountryCodes()
        {
            Assert.Equal(VerdictKind.Allowed, Endpoint("bedrock-runtime.us-east-1.amazonaws.com", ("model_policy.allowed_endpoint_regions", "us, CA")).Kind);
            Assert.Equal(
                "region DE is not in model_policy.allowed_endpoint_regions",
                Endpoint("bedrock-runtime.eu-central-1.amazonaws.com", ("model_policy.allowed_endpoint_regions", "US, CA")).Reason);
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void AnAllowListSaysNothingOfAHostOfUnknownRegionUnlessUnknownEndpointRegionsSaysSo()
        {
            Assert.Equal(VerdictKind.Allowed, Endpoint("api.openai.com", ("model_policy.allowed_endpoint_regions", "EU")).Kind);
            Assert.True(Endpoint("api.openai.com", ("model_policy.allowed_endpoint_regions", "EU"), ("model_policy.unknown_endpoint_regions", "deny")).IsDenied);
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void UnknownEndpointRegionsAllowWarnDeny()
        {
            var allow = Endpoint("api.openai.com", ("model_policy.unknown_endpoint_regions", "allow"));
            Assert.Equal(VerdictKind.Allowed, allow.Kind);
            Assert.Equal(VerdictKind.Allowed, Endpoint("api.openai.com").Kind);

            var warn = Endpoint("api.openai.com", ("model_policy.unknown_endpoint_regions", "warn"));
            Assert.Equal(VerdictKind.Unknown, warn.Kind);
            Assert.Equal(PolicyKeys.UnknownEndpointRegions, warn.Rule);
            Assert.Equal("its processing region is unknown", warn.Reason);

            var deny = Endpoint("api.openai.com", ("model_policy.unknown_endpoint_regions", "DENY"));
            Assert.True(deny.IsDenied);
            Assert.Equal(PolicyKeys.UnknownEndpointRegions, deny.Rule);

            Assert.Equal(VerdictKind.Allowed, Endpoint("bedrock-runtime.us-east-1.amazonaws.com", ("model_policy.unknown_endpoint_regions", "deny")).Kind);
        }

        [Theory]
        [Trait("Rule", "MP0003")]
        [InlineData("llm.internal.example.com")]
        [InlineData("localhost")]
        public void RegionKeysJudgeCatalogHostsOnly(string host)
        {
            var verdict = Endpoint(host, IssuePolicy);

            Assert.Equal(VerdictKind.Allowed, verdict.Kind);
            Assert.Null(verdict.Region);
        }

        // ---- precedence: three axes judged apart ----

        [Fact]
        [Trait("Rule", "MP0004")]
        public void TheOperatorsCountryIsJudgedBeforeTheRegionAndApartFromIt()
        {
            var byOperator = Endpoint("bedrock-runtime.eu-central-1.amazonaws.com", ("model_policy.denied_endpoint_origins", "US"), ("model_policy.allowed_endpoint_regions", "EU"));
            Assert.Equal("origin US is denied by model_policy.denied_endpoint_origins", byOperator.Reason);
            Assert.Equal("DE", byOperator.Region!.Display);

            // Without denied_endpoint_origins, endpoints follow denied_origins: the Singapore host is run from CN.
            var followsModels = Endpoint("dashscope-intl.aliyuncs.com", ("model_policy.denied_origins", "CN"));
            Assert.Equal("origin CN is denied by model_policy.denied_origins", followsModels.Reason);

            // With it set to none, only the region speaks.
            Assert.Equal(VerdictKind.Allowed, Endpoint("dashscope-intl.aliyuncs.com", ("model_policy.denied_origins", "CN"), ("model_policy.denied_endpoint_origins", "none")).Kind);
        }

        [Fact]
        [Trait("Rule", "MP0003")]
        public void AnExplicitHostAllowWinsOverTheRegion()
        {
            var verdict = Endpoint("api.openai.com", ("model_policy.allowed_endpoints", "api.openai.com"), ("model_policy.unknown_endpoint_regions", "deny"));

            Assert.Equal(VerdictKind.Allowed, verdict.Kind);
            Assert.Equal(PolicyKeys.AllowedEndpoints, verdict.Rule);
            Assert.Equal("unknown", verdict.Region!.Display);
        }

        [Fact]
        [Trait("Rule", "MP0004")]
        public void AHostDenyCarriesTheRegionToo() =>
            Assert.Equal("US", Endpoint("bedrock-runtime.us-east-1.amazonaws.com", ("model_policy.denied_endpoints", "bedrock-runtime.*")).Region!.Display);

        [Fact]
        public void RegionKeysCountAsRules()
        {
            Assert.True(Read(Builtin, ("model_policy.allowed_endpoint_regions", "EU")).Settings.HasRules);
            Assert.True(Read(Builtin, ("model_policy.denied_endpoint_regions", "CN")).Settings.HasRules);
            Assert.True(Read(Builtin, ("model_policy.unknown_endpoint_regions", "deny")).Settings.HasRules);
            Assert.False(Read(Builtin, ("model_policy.unknown_endpoint_regions", "allow")).Settings.HasRules);
        }

        [Fact]
        public void TheRuntimeGuardGetsTheRegionKeysThroughTheKeyList()
        {
            // ModelPolicy.Routing's guard reads its ModelPolicy section through PolicyReader and names keys from PolicyKeys.All.
            Assert.Contains(PolicyKeys.AllowedEndpointRegions, PolicyKeys.All);
            Assert.Contains(PolicyKeys.DeniedEndpointRegions, PolicyKeys.All);
            Assert.Contains(PolicyKeys.UnknownEndpointRegions, PolicyKeys.All);
        }

        // ---- bad values: MP0008 ----

        [Theory]
        [Trait("Rule", "MP0008")]
        [InlineData("model_policy.allowed_endpoint_regions", "EU, XX", "XX", "'XX' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.denied_endpoint_regions", "foreign-adversary", "foreign-adversary", "is not an ISO 3166-1 alpha-2 country code or a country group")]
        [InlineData("model_policy.denied_origins", "eu-central-1", "eu-central-1", "is not an ISO 3166-1 alpha-2 country code or a country group")]
        [InlineData("model_policy.unknown_endpoint_regions", "block", "block", "expected allow, warn or deny")]
        public void ABadRegionValueIsAnErrorNamingTheKey(string key, string value, string item, string message)
        {
            var result = Read(Builtin, (key, value), ("model_policy.denied_models", "gpt-4o"));

            var error = Assert.Single(result.Errors);
            Assert.Equal((key, item), (error.Key, error.Value));
            Assert.Contains(message, error.Message);
            Assert.Contains("gpt-4o", result.Settings.DeniedModels);
        }

        // ---- the description every surface shows ----

        [Fact]
        [Trait("Rule", "MP0004")]
        public void TheDescriptionNamesOperatorCountryAndRegion()
        {
            var bedrock = Builtin.MatchHost("bedrock-runtime.eu-central-1.amazonaws.com");
            var region = bedrock!.RegionOf("bedrock-runtime.eu-central-1.amazonaws.com");

            Assert.Equal("Amazon, US, region DE", EndpointDescription.Describe(bedrock, region, local: false));
            Assert.Equal("region DE (eu-central-1, Europe (Frankfurt))", EndpointDescription.DescribeRegion(region));
            Assert.Equal("OpenAI, US, region unknown", EndpointDescription.Describe(Builtin.MatchHost("api.openai.com"), (EndpointRegion?)null, local: false));
            Assert.Equal("self-hosted", EndpointDescription.Describe(null, (EndpointRegion?)null, local: true));
            Assert.Equal("host not in the catalog", EndpointDescription.Describe(null, (EndpointRegion?)null, local: false));
        }

        // ---- a repository's own catalog file ----

        [Fact]
        [Trait("Rule", "MP0004")]
        public void ARepositoryCatalogDeclaresItsOwnGroupsAndRegions()
        {
            var catalog = ModelCatalog.Extend(Builtin, new[]
            {
                new KeyValuePair<string, string>("ModelCatalog.txt", """
                    vendor Nordic AI | country=SE | source=https://nordic.example
                    group nordics | countries=DK, FI, IS, NO, SE | source=https://www.norden.org/en/information/facts-about-nordic-region | read=2026-12-01
                    region acme:north-1 | country=NO | name=Oslo | source=https://acme.example/regions
                    host llm.nordic.example | operator=Nordic AI | serves=own | source=https://nordic.example/api | region=SE | region_source=https://nordic.example/dpa
                    host *.acme.example | operator=Nordic AI | serves=many | source=https://acme.example/api | region=acme:* | region_source=https://acme.example/regions
                    host gw.nordic.example | operator=Nordic AI | serves=many | source=https://nordic.example/gw | region=nordics+EU | region_source=https://nordic.example/dpa
                    """),
            });

            Assert.Empty(catalog.Errors);
            Assert.Equal(VerdictKind.Allowed, Endpoint(catalog, "llm.nordic.example", ("model_policy.allowed_endpoint_regions", "nordics")).Kind);
            Assert.Equal(VerdictKind.Allowed, Endpoint(catalog, "north-1.acme.example", ("model_policy.allowed_endpoint_regions", "nordics")).Kind);
            Assert.Equal("NO", catalog.MatchHost("north-1.acme.example")!.RegionOf("north-1.acme.example").Display);
            Assert.Equal("nordics+EU", catalog.MatchHost("gw.nordic.example")!.RegionOf("gw.nordic.example").Display);
            Assert.Equal(
                // EU less DK, FI and SE (in nordics): 24 countries outside the allow-list
                "region nordics+EU includes AT, BE, BG and 21 more, not in model_policy.allowed_endpoint_regions",
                Endpoint(catalog, "gw.nordic.example", ("model_policy.allowed_endpoint_regions", "nordics")).Reason);
            Assert.Equal(VerdictKind.Allowed, Endpoint(catalog, "bedrock-runtime.eu-central-1.amazonaws.com", ("model_policy.allowed_endpoint_regions", "EU")).Kind);
        }

        [Theory]
        [Trait("Rule", "MP0008")]
        [InlineData("host a.example | operator=Acme | serves=own | source=s | region=XX | region_source=s", "'XX' is not an ISO 3166-1 alpha-2 country code, a country group, 'unknown' or '<cloud>:*'")]
        [InlineData("host a.example | operator=Acme | serves=own | source=s | region=US", "missing 'region_source=' field")]
        [InlineData("host a.example | operator=Acme | serves=own | source=s | region=unknown | region_source=s", "region=unknown needs a region_note=")]
        [InlineData("host a.example | operator=Acme | serves=own | source=s | region_note=x", "region_source= and region_note= need a 'region=' field")]
        [InlineData("host a.example | operator=Acme | serves=own | source=s | region=aws:* | region_source=s", "needs a host pattern with exactly one '*'")]
        [InlineData("host *.a.example | operator=Acme | serves=own | source=s | region=aws:eu-central-1 | region_source=s", "a cloud's region is written 'aws:*'")]
        [InlineData("host *.a.example | operator=Acme | serves=own | source=s | region=moon:* | region_source=s", "unknown cloud 'moon'")]
        [InlineData("group EU | countries=FR | source=s | read=2026-12-01", "group 'EU' is already defined")]
        [InlineData("group FR | countries=FR | source=s | read=2026-12-01", "must be letters, digits, '-' or '_', and not a country code")]
        [InlineData("group g1 | countries=FR, Gaul | source=s | read=2026-12-01", "'Gaul' is not an ISO 3166-1 alpha-2 country code or a group declared before this line")]
        [InlineData("group g1 | countries=FR | source=s", "missing 'read=' field")]
        [InlineData("group g1 | countries=FR | source=s | read=1 Dec 2026", "read= is the date the source was read, as yyyy-MM-dd")]
        [InlineData("group g1 | countries=FR | source=s | read=2026-02-29", "read= is the date the source was read, as yyyy-MM-dd")]
        [InlineData("group g1 | countries=FR | source=s | read=2026-13-01", "read= is the date the source was read, as yyyy-MM-dd")]
        [InlineData("group g1 | countries=FR | source=s | read=2026-1-01", "read= is the date the source was read, as yyyy-MM-dd")]
        [InlineData("region aws:eu-central-1 | country=DE | source=s", "region 'aws:eu-central-1' is declared twice")]
        [InlineData("region frankfurt | country=DE | source=s", "expected <cloud>:<code>")]
        [InlineData("region acme:x-1 | country=Germany | source=s", "'Germany' is not an ISO 3166-1 alpha-2 country code")]
        public void ABadRegionOrGroupLineIsAnErrorAtItsLine(string line, string message)
        {
            var catalog = ModelCatalog.Extend(Builtin, new[] { new KeyValuePair<string, string>("ModelCatalog.txt", "vendor Acme | country=US | source=s\n" + line) });

            var error = Assert.Single(catalog.Errors);
            Assert.Equal(("ModelCatalog.txt", 2), (error.Path, error.Line));
            Assert.Contains(message, error.Message);
        }
    }
}
