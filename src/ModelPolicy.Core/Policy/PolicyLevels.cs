using System;
using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;

namespace ModelPolicy.Policy
{
    /// <summary>A repository policy key that tries to relax the organisation's floor: the key, its value, and what it relaxes.</summary>
    public sealed class Relaxation
    {
        public Relaxation(string key, string value, string message)
        {
            Key = key;
            Value = value;
            Message = message;
        }

        public string Key { get; }

        public string Value { get; }

        public string Message { get; }

        public override string ToString() => "'" + Key + " = " + Value + "' " + Message;
    }

    /// <summary>
    /// Two levels of policy, the organisation's floor and the repository's, combined as cloud policy engines do:
    /// a deny at either level wins, so the repository can tighten the floor and never relax it.
    /// </summary>
    public static class PolicyLevels
    {
        /// <summary>The floor's verdict when it denies, else the repository's.</summary>
        public static Verdict EvaluateModel(ModelPolicySettings floor, ModelPolicySettings repository, string id, ModelMatch? match)
        {
            var verdict = PolicyEvaluator.EvaluateModel(floor, id, match);
            return verdict.IsDenied ? OrganisationVerdict(verdict) : PolicyEvaluator.EvaluateModel(repository, id, match);
        }

        /// <summary>The floor's verdict when it denies, else the repository's.</summary>
        public static Verdict EvaluateEndpoint(ModelPolicySettings floor, ModelPolicySettings repository, string host, HostEntry? entry)
        {
            var verdict = PolicyEvaluator.EvaluateEndpoint(floor, host, entry);
            return verdict.IsDenied ? OrganisationVerdict(verdict) : PolicyEvaluator.EvaluateEndpoint(repository, host, entry);
        }

        /// <summary>
        /// The repository's keys (those in force for one file) that would relax the floor if the floor did not win:
        /// a denied list that leaves out what the floor denies, an allow-list entry the floor denies, a weaker
        /// <c>unknown_models</c> or <c>require_open_weights</c>, a <c>profile = standard</c> under a regulated floor.
        /// Keys the repository does not set relax nothing (the floor applies to them as it is).
        /// </summary>
        /// <param name="repositoryOptions">The repository's <c>model_policy.*</c> options for the file.</param>
        /// <param name="projectProfile">The MSBuild <c>ModelPolicyProfile</c>, or null.</param>
        public static IReadOnlyList<Relaxation> FindRelaxations(
            IEnumerable<KeyValuePair<string, string>> repositoryOptions,
            string? projectProfile,
            ModelPolicySettings floor,
            string floorName,
            ModelCatalog catalog)
        {
            var found = new List<Relaxation>();
            var by = "relaxes the organisation policy (" + floorName + "): ";
            void Add(string key, string value, string what) => found.Add(new Relaxation(key, value, by + what));

            if (floor.IsRegulated && projectProfile != null && string.Equals(projectProfile.Trim(), "standard", StringComparison.OrdinalIgnoreCase))
            {
                Add("ModelPolicyProfile (MSBuild property)", projectProfile.Trim(), "the organisation's profile is regulated");
            }

            foreach (var option in repositoryOptions.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase))
            {
                var key = option.Key.ToLowerInvariant();
                if (!key.StartsWith(PolicyKeys.Prefix, StringComparison.Ordinal))
                {
                    continue;
                }

                var value = option.Value?.Trim() ?? string.Empty;
                var own = PolicyReader.Read(new[] { new KeyValuePair<string, string>(key, value) }, null, catalog).Settings;
                switch (key)
                {
                    case PolicyKeys.DeniedOrigins:
                        Missing(floor.DeniedOrigins, own.DeniedOrigins, "origins", key, value, Add);
                        break;
                    case PolicyKeys.DeniedEndpointOrigins:
                        Missing(new HashSet<string>(floor.EffectiveDeniedEndpointOrigins, StringComparer.OrdinalIgnoreCase), own.DeniedEndpointOrigins ?? new HashSet<string>(), "endpoint origins", key, value, Add);
                        break;
                    case PolicyKeys.DeniedVendors:
                        Missing(floor.DeniedVendors, own.DeniedVendors, "vendors", key, value, Add);
                        break;
                    case PolicyKeys.DeniedModels:
                        MissingGlobs(floor.DeniedModels, own.DeniedModels, "models", key, value, Add);
                        break;
                    case PolicyKeys.DeniedEndpoints:
                        MissingGlobs(floor.DeniedEndpoints, own.DeniedEndpoints, "endpoints", key, value, Add);
                        break;
                    case PolicyKeys.AllowedOrigins:
                        foreach (var country in own.AllowedOrigins.OrderBy(c => c, StringComparer.Ordinal))
                        {
                            if (floor.DeniedOrigins.Contains(country) || (floor.AllowedOrigins.Count > 0 && !floor.AllowedOrigins.Contains(country)))
                            {
                                Add(key, value, "it allows origin " + country + ", which the organisation policy denies");
                            }
                        }

                        break;
                    case PolicyKeys.AllowedVendors:
                        foreach (var vendor in own.AllowedVendors.OrderBy(v => v, StringComparer.Ordinal))
                        {
                            if (VendorDenied(floor, vendor, catalog) is { } why)
                            {
                                Add(key, value, "it allows vendor " + vendor + " (allowed vendors skip the origin check), which the organisation policy denies: " + why);
                            }
                        }

                        break;
                    case PolicyKeys.AllowedModels:
                        foreach (var glob in own.AllowedModels)
                        {
                            var probe = Probe(glob);
                            var verdict = probe == null ? null : PolicyEvaluator.EvaluateModel(floor, probe, catalog.MatchModel(probe));
                            if (verdict is { IsDenied: true })
                            {
                                Add(key, value, "it allows '" + glob + "' (an allowed model skips every other check), which the organisation policy denies: " + verdict.Reason);
                            }
                        }

                        break;
                    case PolicyKeys.AllowedEndpoints:
                        foreach (var glob in own.AllowedEndpoints)
                        {
                            var host = glob.Replace("*", "x").Replace("?", "x");
                            var verdict = PolicyEvaluator.EvaluateEndpoint(floor, host, catalog.MatchHost(host));
                            if (verdict.IsDenied)
                            {
                                Add(key, value, "it allows '" + glob + "', which the organisation policy denies: " + verdict.Reason);
                            }
                        }

                        break;
                    case PolicyKeys.UnknownModels:
                        if (own.UnknownModels < floor.UnknownModels)
                        {
                            Add(key, value, "the organisation's is " + floor.UnknownModels.ToString().ToLowerInvariant());
                        }

                        break;
                    case PolicyKeys.RequireOpenWeights:
                        if (floor.RequireOpenWeights && !own.RequireOpenWeights)
                        {
                            Add(key, value, "the organisation requires open weights");
                        }

                        break;
                    case PolicyKeys.Profile:
                        if (floor.IsRegulated && string.Equals(value, "standard", StringComparison.OrdinalIgnoreCase))
                        {
                            Add(key, value, "the organisation's profile is regulated");
                        }

                        break;
                }
            }

            return found;
        }

        private static Verdict OrganisationVerdict(Verdict floor) =>
            Verdict.Deny(floor.Rule ?? PolicyKeys.Prefix, floor.Reason + " (organisation policy)");

        private static void Missing(HashSet<string> floor, HashSet<string> own, string what, string key, string value, Action<string, string, string> add)
        {
            var missing = floor.Where(f => !own.Contains(f)).OrderBy(f => f, StringComparer.Ordinal).ToList();
            if (missing.Count > 0)
            {
                add(key, value, "it leaves out denied " + what + " " + string.Join(", ", missing));
            }
        }

        private static void MissingGlobs(List<string> floor, List<string> own, string what, string key, string value, Action<string, string, string> add)
        {
            var missing = floor.Where(f => !own.Contains(f, StringComparer.OrdinalIgnoreCase)).ToList();
            if (missing.Count > 0)
            {
                add(key, value, "it leaves out denied " + what + " " + string.Join(", ", missing));
            }
        }

        private static string? VendorDenied(ModelPolicySettings floor, string vendor, ModelCatalog catalog)
        {
            if (floor.DeniedVendors.Contains(vendor))
            {
                return "vendor " + vendor + " is in " + PolicyKeys.DeniedVendors;
            }

            if (floor.AllowedVendors.Count > 0)
            {
                return floor.AllowedVendors.Contains(vendor) ? null : "vendor " + vendor + " is not in " + PolicyKeys.AllowedVendors;
            }

            if (catalog.TryGetVendor(vendor, out var known))
            {
                var country = known!.Country;
                if (floor.DeniedOrigins.Contains(country))
                {
                    return "origin " + country + " is in " + PolicyKeys.DeniedOrigins;
                }

                if (floor.AllowedOrigins.Count > 0 && !floor.AllowedOrigins.Contains(country))
                {
                    return "origin " + country + " is not in " + PolicyKeys.AllowedOrigins;
                }
            }

            return null;
        }

        private static string? Probe(string glob)
        {
            var wildcard = glob.IndexOfAny(new[] { '*', '?' });
            var text = wildcard < 0 ? glob : glob.Substring(0, wildcard).TrimEnd('-', '.', ':', '/', '_');
            return ModelIdShape.IsPlausible(text) ? text : null;
        }
    }
}
