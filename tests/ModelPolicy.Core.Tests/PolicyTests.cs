using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>The policy keys and their precedence, on a small catalog of our own.</summary>
    [Trait("Rule", "MP0002")]
    [Trait("Rule", "MP0004")]
    public class PolicyTests
    {
        private static readonly ModelCatalog Catalog = ModelCatalog.FromText("test", """
            vendor OpenAI | country=US | source=s
            vendor Alibaba | country=CN | source=s
            vendor Mistral AI | country=FR | source=s
            vendor Meta | country=US | source=s
            model gpt-4o | vendor=OpenAI | match=gpt-4o* | weights=closed | kind=chat | source=s
            model qwen | vendor=Alibaba | match=qwen* | weights=open | kind=chat | source=s
            model qwen-api | vendor=Alibaba | match=qwen-max* | weights=closed | kind=chat | source=s
            model mistral | vendor=Mistral AI | match=mistral-* | weights=open | kind=chat | source=s
            model llama | vendor=Meta | match=llama* | weights=open | kind=chat | source=s
            host api.openai.com | operator=OpenAI | serves=own | source=s
            host dashscope.aliyuncs.com | operator=Alibaba | serves=own | source=s
            host api.together.xyz | operator=Meta | serves=many | country=US | source=s
            """);

        private static PolicyResult Read(params (string Key, string Value)[] options) =>
            PolicyReader.Read(options.Select(o => new KeyValuePair<string, string>(o.Key, o.Value)), null, Catalog);

        private static Verdict Model(string id, params (string Key, string Value)[] options)
        {
            var result = Read(options);
            Assert.Empty(result.Errors);
            return PolicyEvaluator.EvaluateModel(result.Settings, id, Catalog.MatchModel(id));
        }

        private static Verdict Endpoint(string host, params (string Key, string Value)[] options)
        {
            var result = Read(options);
            Assert.Empty(result.Errors);
            return PolicyEvaluator.EvaluateEndpoint(result.Settings, host, Catalog.MatchHost(host));
        }

        [Fact]
        public void NoPolicyAllowsEverythingKnown()
        {
            Assert.Equal(VerdictKind.Allowed, Model("qwen-max").Kind);
            Assert.False(Read().Settings.HasRules);
        }

        [Fact]
        public void DeniedOrigins() =>
            Assert.Equal("origin CN is denied by model_policy.denied_origins", Model("qwen-max", ("model_policy.denied_origins", "cn, RU")).Reason);

        [Fact]
        public void AllowedOriginsExpandsEu()
        {
            var options = ("model_policy.allowed_origins", "US, EU");
            Assert.Equal(VerdictKind.Allowed, Model("mistral-large", options).Kind);
            Assert.Equal(VerdictKind.Allowed, Model("gpt-4o", options).Kind);
            Assert.Equal("origin CN is not in model_policy.allowed_origins", Model("qwen2.5", options).Reason);
        }

        [Fact]
        public void DeniedAndAllowedVendors()
        {
            Assert.Equal(PolicyKeys.DeniedVendors, Model("qwen2.5", ("model_policy.denied_vendors", "alibaba")).Rule);
            Assert.Equal(PolicyKeys.AllowedVendors, Model("llama3", ("model_policy.allowed_vendors", "OpenAI")).Rule);
            Assert.True(Model("llama3", ("model_policy.allowed_vendors", "OpenAI")).IsDenied);
        }

        [Fact]
        public void ModelGlobs()
        {
            Assert.Equal("it matches 'qwen-max*' in model_policy.denied_models", Model("qwen-max-latest", ("model_policy.denied_models", "qwen-max*")).Reason);
            Assert.Equal("it is not in model_policy.allowed_models", Model("gpt-4o", ("model_policy.allowed_models", "llama*, mistral-*")).Reason);
        }

        [Fact]
        public void RequireOpenWeights()
        {
            Assert.Equal(PolicyKeys.RequireOpenWeights, Model("gpt-4o", ("model_policy.require_open_weights", "true")).Rule);
            Assert.Equal(VerdictKind.Allowed, Model("llama3", ("model_policy.require_open_weights", "TRUE")).Kind);
        }

        [Theory]
        [InlineData("allow", VerdictKind.Allowed)]
        [InlineData("warn", VerdictKind.Unknown)]
        [InlineData("deny", VerdictKind.Denied)]
        public void UnknownModels(string value, VerdictKind expected) =>
            Assert.Equal(expected, Model("my-finetune", ("model_policy.unknown_models", value)).Kind);

        [Fact]
        public void UnknownModelsDefaultsToWarn() => Assert.Equal(VerdictKind.Unknown, Model("my-finetune").Kind);

        // ---- precedence: explicit model allow/deny, then vendor, then origin; deny wins at a level ----

        [Fact]
        public void ExplicitModelAllowBeatsVendorAndOriginDenies() =>
            Assert.Equal(PolicyKeys.AllowedModels, Model("qwen2.5", ("model_policy.allowed_models", "qwen2.5"), ("model_policy.denied_vendors", "Alibaba"), ("model_policy.denied_origins", "CN")).Rule);

        [Fact]
        public void ExplicitModelAllowBeatsRequireOpenWeights() =>
            Assert.Equal(VerdictKind.Allowed, Model("gpt-4o", ("model_policy.allowed_models", "gpt-4o"), ("model_policy.require_open_weights", "true")).Kind);

        [Fact]
        public void DenyWinsOverAllowAtTheModelLevel() =>
            Assert.Equal(PolicyKeys.DeniedModels, Model("qwen-max", ("model_policy.allowed_models", "qwen*"), ("model_policy.denied_models", "qwen-max")).Rule);

        [Fact]
        public void VendorAllowBeatsOriginDeny() =>
            Assert.Equal(VerdictKind.Allowed, Model("qwen2.5", ("model_policy.allowed_vendors", "Alibaba"), ("model_policy.denied_origins", "CN")).Kind);

        [Fact]
        public void VendorDenyBeatsOriginAllow() =>
            Assert.Equal(PolicyKeys.DeniedVendors, Model("gpt-4o", ("model_policy.denied_vendors", "OpenAI"), ("model_policy.allowed_origins", "US")).Rule);

        [Fact]
        public void DenyWinsOverAllowAtTheOriginLevel() =>
            Assert.Equal(PolicyKeys.DeniedOrigins, Model("gpt-4o", ("model_policy.allowed_origins", "US"), ("model_policy.denied_origins", "US")).Rule);

        [Fact]
        public void ModelDenyBeatsVendorAllow() =>
            Assert.Equal(PolicyKeys.DeniedModels, Model("gpt-4o", ("model_policy.denied_models", "gpt-4o"), ("model_policy.allowed_vendors", "OpenAI")).Rule);

        // ---- endpoints: judged by who runs the host, apart from the model ----

        [Fact]
        public void EndpointOriginFollowsDeniedOriginsWhenUnset() =>
            Assert.Equal(PolicyKeys.DeniedOrigins, Endpoint("dashscope.aliyuncs.com", ("model_policy.denied_origins", "CN")).Rule);

        [Fact]
        public void DeniedEndpointOriginsOverridesDeniedOrigins()
        {
            Assert.Equal(PolicyKeys.DeniedEndpointOrigins, Endpoint("dashscope.aliyuncs.com", ("model_policy.denied_endpoint_origins", "CN")).Rule);
            Assert.Equal(VerdictKind.Allowed, Endpoint("dashscope.aliyuncs.com", ("model_policy.denied_origins", "CN"), ("model_policy.denied_endpoint_origins", "RU")).Kind);
        }

        [Fact]
        public void AModelOfOneOriginOnAHostOfAnotherIsJudgedTwice()
        {
            var options = new[] { ("model_policy.denied_origins", "CN") };
            Assert.True(Model("qwen2.5", options).IsDenied);
            Assert.Equal(VerdictKind.Allowed, Endpoint("api.together.xyz", options).Kind);
        }

        [Fact]
        public void EndpointGlobs()
        {
            Assert.Equal(PolicyKeys.DeniedEndpoints, Endpoint("api.openai.com", ("model_policy.denied_endpoints", "*.openai.com")).Rule);
            Assert.Equal(PolicyKeys.AllowedEndpoints, Endpoint("api.openai.com", ("model_policy.allowed_endpoints", "llm.internal.example")).Rule);
            Assert.Equal(VerdictKind.Allowed, Endpoint("llm.internal.example", ("model_policy.allowed_endpoints", "*.internal.example")).Kind);
            Assert.Equal(PolicyKeys.DeniedEndpoints, Endpoint("api.openai.com", ("model_policy.allowed_endpoints", "api.openai.com"), ("model_policy.denied_endpoints", "api.openai.com")).Rule);
        }

        [Fact]
        public void AnUnknownHostIsNotJudgedByOrigin() =>
            Assert.Equal(VerdictKind.Allowed, Endpoint("llm.internal.example", ("model_policy.allowed_origins", "US")).Kind);

        // ---- profile ----

        [Fact]
        public void TheStrictestProfileWins()
        {
            var regulatedProject = PolicyReader.Read(new[] { new KeyValuePair<string, string>("model_policy.profile", "standard") }, "Regulated", Catalog);
            Assert.True(regulatedProject.Settings.IsRegulated);
            var regulatedFolder = PolicyReader.Read(new[] { new KeyValuePair<string, string>("model_policy.profile", "regulated") }, "standard", Catalog);
            Assert.True(regulatedFolder.Settings.IsRegulated);
            Assert.False(Read(("model_policy.profile", "standard")).Settings.IsRegulated);
        }

        // ---- bad values: each named with its key, the rest of the policy still applies ----

        [Theory]
        [InlineData("model_policy.denied_origins", "CN, XX", "'XX' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.allowed_origins", "USA", "'USA' is not an ISO 3166-1 alpha-2 country code or a country group (EU, EEA, foreign-adversaries, covered-nations)")]
        [InlineData("model_policy.denied_endpoint_origins", "C N", "'C N' is not an ISO 3166-1 alpha-2 country code")]
        [InlineData("model_policy.denied_vendors", "Alibabba", "'Alibabba' is not a vendor in the catalog")]
        [InlineData("model_policy.allowed_vendors", "Mistral", "(did you mean 'Mistral AI'?)")]
        [InlineData("model_policy.denied_models", "qwen[0-9]", "'qwen[0-9]' is not a valid pattern")]
        [InlineData("model_policy.allowed_endpoints", "**.example", "'**' is not a pattern")]
        [InlineData("model_policy.denied_endpoints", "a b", "not a valid pattern")]
        [InlineData("model_policy.unknown_models", "block", "expected allow, warn or deny")]
        [InlineData("model_policy.unknown_models", "1", "expected allow, warn or deny")]
        [InlineData("model_policy.require_open_weights", "yes", "expected true or false")]
        [InlineData("model_policy.profile", "strict", "expected standard or regulated")]
        [InlineData("model_policy.diversification", "country", "expected off, vendor or origin")]
        [InlineData("model_policy.denied_orgins", "CN", "unknown key")]
        public void ABadValueIsAnErrorNamingTheKeyAndValue(string key, string value, string message)
        {
            var result = Read((key, value), ("model_policy.denied_models", "gpt-4o"));

            var error = Assert.Single(result.Errors);
            Assert.Equal(key, error.Key);
            Assert.Contains(message, error.Message);
            Assert.Contains("gpt-4o", result.Settings.DeniedModels);
        }

        [Fact]
        public void ABadProjectProfileIsAnError()
        {
            var result = PolicyReader.Read(new KeyValuePair<string, string>[0], "strict", Catalog);
            Assert.Equal("ModelPolicyProfile (MSBuild property)", Assert.Single(result.Errors).Key);
        }

        [Theory]
        [InlineData("")]
        [InlineData("none")]
        [InlineData(" , ")]
        public void AnEmptyListClearsIt(string value) =>
            Assert.Empty(Read(("model_policy.denied_origins", value)).Settings.DeniedOrigins);
    }
}
