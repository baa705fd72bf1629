using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>The organisation's policy floor: sections, deny-wins combination, and relaxation attempts (MP0013).</summary>
    [Trait("Rule", "MP0013")]
    public class PolicyFloorTests
    {
        private const string OrgFile = """
            # Contoso model policy
            model_policy.denied_origins = CN, RU

            [*.cs]
            model_policy.unknown_models = warn

            [Payments/**.cs]
            model_policy.profile = regulated
            model_policy.allowed_origins = US, EU
            """;

        private static readonly ModelCatalog Catalog = ModelCatalog.Builtin;

        private static KeyValuePair<string, string>[] Options(params (string Key, string Value)[] pairs) =>
            pairs.Select(p => new KeyValuePair<string, string>(p.Key, p.Value)).ToArray();

        [Theory]
        [InlineData("src/Api/Chat.cs", false, 0)]
        [InlineData("src/ChatService/Payments/Refunds.cs", true, 28)]
        [InlineData("/abs/repo/Payments/Sub/Deep.cs", true, 28)]
        [InlineData("src/PaymentsX/Refunds.cs", false, 0)]
        public void SectionsApplyByTheEndOfThePath(string path, bool regulated, int allowed)
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", OrgFile);

            var settings = floor.SettingsFor(path, Catalog);

            Assert.Empty(floor.Errors);
            Assert.Equal(new[] { "CN", "RU" }, settings.DeniedOrigins.OrderBy(c => c));
            Assert.Equal(regulated, settings.IsRegulated);
            Assert.Equal(allowed, settings.AllowedOrigins.Count); // US and the 27 EU members
        }

        [Fact]
        public void AConfigurationFileTakesThePolicyOfTheCSharpFilesOfItsFolder()
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", OrgFile);

            Assert.True(floor.SettingsFor("ChatService/Payments/appsettings.json", Catalog).IsRegulated);
            Assert.False(floor.SettingsFor("ChatService/appsettings.json", Catalog).IsRegulated);
        }

        [Fact]
        public void ABadLineIsAnErrorAndTheRestStillCounts()
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", "model_policy.denied_origins = CN\nthis is not a key\n[\n");

            Assert.Equal(2, floor.Errors.Count);
            Assert.Contains("CN", floor.SettingsFor("a.cs", Catalog).DeniedOrigins);
        }

        [Fact]
        public void TheFloorsDenyWinsOverTheRepositorysAllow()
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", OrgFile).SettingsFor("a.cs", Catalog);
            var repository = PolicyReader.Read(Options(("model_policy.denied_origins", "none"), ("model_policy.allowed_vendors", "DeepSeek")), null, Catalog).Settings;

            var verdict = PolicyLevels.EvaluateModel(floor, repository, "deepseek-chat", Catalog.MatchModel("deepseek-chat"));
            var endpoint = PolicyLevels.EvaluateEndpoint(floor, repository, "api.deepseek.com", Catalog.MatchHost("api.deepseek.com"));

            Assert.True(verdict.IsDenied);
            Assert.Equal("origin CN is denied by model_policy.denied_origins (organisation policy)", verdict.Reason);
            Assert.True(endpoint.IsDenied);
            Assert.False(PolicyEvaluator.EvaluateModel(repository, "deepseek-chat", Catalog.MatchModel("deepseek-chat")).IsDenied);
        }

        [Fact]
        public void TheRepositoryMayTighten()
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", OrgFile).SettingsFor("a.cs", Catalog);
            var repository = PolicyReader.Read(Options(("model_policy.denied_vendors", "OpenAI")), null, Catalog).Settings;

            Assert.True(PolicyLevels.EvaluateModel(floor, repository, "gpt-4o", Catalog.MatchModel("gpt-4o")).IsDenied);
            Assert.False(PolicyLevels.EvaluateModel(floor, ModelPolicySettings.Empty, "gpt-4o", Catalog.MatchModel("gpt-4o")).IsDenied);
            Assert.Empty(PolicyLevels.FindRelaxations(Options(("model_policy.denied_vendors", "OpenAI"), ("model_policy.denied_origins", "CN, RU, IR")), null, floor, "org.modelpolicy", Catalog));
        }

        [Fact]
        public void EveryRelaxationAttemptIsNamedAtItsKey()
        {
            var floor = PolicyFloor.Parse("org.modelpolicy", OrgFile + "\n[*.cs]\nmodel_policy.require_open_weights = true\nmodel_policy.unknown_models = deny\n").SettingsFor("Payments/Refunds.cs", Catalog);

            var found = PolicyLevels.FindRelaxations(
                Options(
                    ("model_policy.denied_origins", "none"),
                    ("model_policy.allowed_vendors", "DeepSeek, OpenAI"),
                    ("model_policy.allowed_models", "qwen-max, gpt-4o"),
                    ("model_policy.allowed_origins", "US, CN"),
                    ("model_policy.unknown_models", "allow"),
                    ("model_policy.require_open_weights", "false"),
                    ("model_policy.profile", "standard")),
                "standard",
                floor,
                "org.modelpolicy",
                Catalog);

            Assert.Equal(
                new[]
                {
                    "'ModelPolicyProfile (MSBuild property) = standard' relaxes the organisation policy (org.modelpolicy): the organisation's profile is regulated",
                    "'model_policy.allowed_models = qwen-max, gpt-4o' relaxes the organisation policy (org.modelpolicy): it allows 'qwen-max' (an allowed model skips every other check), which the organisation policy denies: origin CN is denied by model_policy.denied_origins",
                    "'model_policy.allowed_models = qwen-max, gpt-4o' relaxes the organisation policy (org.modelpolicy): it allows 'gpt-4o' (an allowed model skips every other check), which the organisation policy denies: its weights are not open and model_policy.require_open_weights is true",
                    "'model_policy.allowed_origins = US, CN' relaxes the organisation policy (org.modelpolicy): it allows origin CN, which the organisation policy denies",
                    "'model_policy.allowed_vendors = DeepSeek, OpenAI' relaxes the organisation policy (org.modelpolicy): it allows vendor DeepSeek (allowed vendors skip the origin check), which the organisation policy denies: origin CN is in model_policy.denied_origins",
                    "'model_policy.denied_origins = none' relaxes the organisation policy (org.modelpolicy): it leaves out denied origins CN, RU",
                    "'model_policy.profile = standard' relaxes the organisation policy (org.modelpolicy): the organisation's profile is regulated",
                    "'model_policy.require_open_weights = false' relaxes the organisation policy (org.modelpolicy): the organisation requires open weights",
                    "'model_policy.unknown_models = allow' relaxes the organisation policy (org.modelpolicy): the organisation's is deny",
                },
                found.Select(r => r.ToString()));
        }
    }
}
