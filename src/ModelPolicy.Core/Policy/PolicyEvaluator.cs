using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Policy
{
    public enum VerdictKind
    {
        /// <summary>The policy allows it (or there is no policy).</summary>
        Allowed,

        /// <summary>The policy denies it; <see cref="Verdict.Rule"/> says which key.</summary>
        Denied,

        /// <summary>Not in the catalog and <c>unknown_models = warn</c>; or a host of unknown region and <c>unknown_endpoint_regions = warn</c>.</summary>
        Unknown,
    }

    /// <summary>What the policy says of one model id or endpoint, and why.</summary>
    public sealed class Verdict
    {
        private Verdict(VerdictKind kind, string? rule, string reason, EndpointRegion? region = null)
        {
            Kind = kind;
            Rule = rule;
            Reason = reason;
            Region = region;
        }

        public VerdictKind Kind { get; }

        /// <summary>The policy key that decided, or null where no rule applied.</summary>
        public string? Rule { get; }

        /// <summary>Why, in words: <c>origin CN is denied by model_policy.denied_origins</c>.</summary>
        public string Reason { get; }

        public bool IsDenied => Kind == VerdictKind.Denied;

        /// <summary>
        /// For an endpoint in the catalog: where it processes prompts (<see cref="EndpointRegion.IsKnown"/> false when
        /// the catalog cannot say). Null for a model, a self-hosted host or a host the catalog does not know.
        /// </summary>
        public EndpointRegion? Region { get; }

        internal Verdict WithRegion(EndpointRegion? region) => region == null ? this : new Verdict(Kind, Rule, Reason, region);

        internal static Verdict Allow(string? rule, string reason) => new Verdict(VerdictKind.Allowed, rule, reason);

        internal static Verdict Deny(string rule, string reason) => new Verdict(VerdictKind.Denied, rule, reason);

        internal static Verdict Unknown(string reason) => new Verdict(VerdictKind.Unknown, PolicyKeys.UnknownModels, reason);

        internal static Verdict UnknownRegion(string reason) => new Verdict(VerdictKind.Unknown, PolicyKeys.UnknownEndpointRegions, reason);
    }

    /// <summary>
    /// Judges model ids and endpoints. Precedence for models, first decision wins:
    /// <list type="number">
    /// <item>explicit models: <c>denied_models</c>, then <c>allowed_models</c> (deny wins when both match; a set allow-list denies the rest);</item>
    /// <item>vendors: <c>denied_vendors</c>, then <c>allowed_vendors</c> (an allowed vendor skips the origin level);</item>
    /// <item>origins: <c>denied_origins</c>, then <c>allowed_origins</c>;</item>
    /// <item><c>require_open_weights</c> (skipped only by an explicit <c>allowed_models</c> match);</item>
    /// <item>an id the catalog does not know: <c>unknown_models</c>.</item>
    /// </list>
    /// Endpoints: <c>denied_endpoints</c>, <c>allowed_endpoints</c>, then the host operator's country against
    /// <c>denied_endpoint_origins</c> (or <c>denied_origins</c> when unset) and <c>allowed_origins</c>, then the host's
    /// region against <c>denied_endpoint_regions</c>, <c>allowed_endpoint_regions</c> and <c>unknown_endpoint_regions</c>.
    /// Three facts, judged apart: the model's origin (who made the weights), the endpoint operator's country
    /// (who can compel it) and the endpoint's region (where the prompt is processed).
    /// </summary>
    public static class PolicyEvaluator
    {
        private static readonly Verdict NoRule = Verdict.Allow(null, "no rule of the policy applies");

        public static Verdict EvaluateModel(ModelPolicySettings policy, string id, ModelMatch? match)
        {
            var aliasTarget = match?.AliasTarget;
            var denied = FirstModelMatch(policy.DeniedModels, id, aliasTarget);
            if (denied != null)
            {
                return Verdict.Deny(PolicyKeys.DeniedModels, "it matches '" + denied + "' in " + PolicyKeys.DeniedModels);
            }

            var allowed = FirstModelMatch(policy.AllowedModels, id, aliasTarget);
            if (allowed != null)
            {
                return Verdict.Allow(PolicyKeys.AllowedModels, "it matches '" + allowed + "' in " + PolicyKeys.AllowedModels);
            }

            if (policy.AllowedModels.Count > 0)
            {
                return Verdict.Deny(PolicyKeys.AllowedModels, "it is not in " + PolicyKeys.AllowedModels);
            }

            if (match == null)
            {
                switch (policy.UnknownModels)
                {
                    case UnknownModels.Deny:
                        return Verdict.Deny(PolicyKeys.UnknownModels, "the catalog does not know it and " + PolicyKeys.UnknownModels + " is deny");
                    case UnknownModels.Warn:
                        return Verdict.Unknown("the catalog does not know it");
                    default:
                        return Verdict.Allow(PolicyKeys.UnknownModels, "unknown models are allowed by " + PolicyKeys.UnknownModels);
                }
            }

            var vendor = match.Vendor.Name;
            var vendorAllowed = false;
            if (policy.DeniedVendors.Contains(vendor))
            {
                return Verdict.Deny(PolicyKeys.DeniedVendors, "vendor " + vendor + " is denied by " + PolicyKeys.DeniedVendors);
            }

            if (policy.AllowedVendors.Count > 0)
            {
                if (!policy.AllowedVendors.Contains(vendor))
                {
                    return Verdict.Deny(PolicyKeys.AllowedVendors, "vendor " + vendor + " is not in " + PolicyKeys.AllowedVendors);
                }

                vendorAllowed = true;
            }

            if (!vendorAllowed)
            {
                var origin = CheckOrigin(policy.DeniedOrigins, PolicyKeys.DeniedOrigins, policy.AllowedOrigins, match.Country);
                if (origin != null)
                {
                    return origin;
                }
            }

            if (policy.RequireOpenWeights && !match.Family.OpenWeights)
            {
                return Verdict.Deny(PolicyKeys.RequireOpenWeights, "its weights are not open and " + PolicyKeys.RequireOpenWeights + " is true");
            }

            return vendorAllowed
                ? Verdict.Allow(PolicyKeys.AllowedVendors, "vendor " + vendor + " is in " + PolicyKeys.AllowedVendors)
                : NoRule;
        }

        /// <param name="host">The DNS host, lower case, no port.</param>
        /// <returns>The verdict, carrying the host's <see cref="Verdict.Region"/> when the catalog knows the host.</returns>
        public static Verdict EvaluateEndpoint(ModelPolicySettings policy, string host, HostEntry? entry)
        {
            var region = entry?.RegionOf(host);
            return Endpoint(policy, host, entry, region).WithRegion(region);
        }

        private static Verdict Endpoint(ModelPolicySettings policy, string host, HostEntry? entry, EndpointRegion? region)
        {
            var denied = FirstMatch(policy.DeniedEndpoints, host);
            if (denied != null)
            {
                return Verdict.Deny(PolicyKeys.DeniedEndpoints, "it matches '" + denied + "' in " + PolicyKeys.DeniedEndpoints);
            }

            var allowed = FirstMatch(policy.AllowedEndpoints, host);
            if (allowed != null)
            {
                return Verdict.Allow(PolicyKeys.AllowedEndpoints, "it matches '" + allowed + "' in " + PolicyKeys.AllowedEndpoints);
            }

            if (policy.AllowedEndpoints.Count > 0)
            {
                return Verdict.Deny(PolicyKeys.AllowedEndpoints, "it is not in " + PolicyKeys.AllowedEndpoints);
            }

            if (entry == null)
            {
                return NoRule;
            }

            var deniedKey = policy.DeniedEndpointOrigins != null ? PolicyKeys.DeniedEndpointOrigins : PolicyKeys.DeniedOrigins;
            var deniedSet = policy.DeniedEndpointOrigins ?? policy.DeniedOrigins;
            return CheckOrigin(deniedSet, deniedKey, policy.AllowedOrigins, entry.Country) ?? CheckRegion(policy, region!) ?? NoRule;
        }

        /// <summary>
        /// The region step. A region that is a zone (EU, EEA+CH) is inside an allow-list only when all its countries
        /// are, and hits a deny-list when any of them does: the operator's promise does not say which one serves.
        /// </summary>
        private static Verdict? CheckRegion(ModelPolicySettings policy, EndpointRegion region)
        {
            if (!region.IsKnown)
            {
                switch (policy.UnknownEndpointRegions)
                {
                    case UnknownEndpointRegions.Deny:
                        return Verdict.Deny(PolicyKeys.UnknownEndpointRegions, "its processing region is unknown and " + PolicyKeys.UnknownEndpointRegions + " is deny");
                    case UnknownEndpointRegions.Warn:
                        return Verdict.UnknownRegion("its processing region is unknown");
                    default:
                        return null;
                }
            }

            if (policy.DeniedEndpointRegions.Count > 0)
            {
                var hit = region.Countries.Where(policy.DeniedEndpointRegions.Contains).ToList();
                if (hit.Count == region.Countries.Count)
                {
                    return Verdict.Deny(PolicyKeys.DeniedEndpointRegions, "region " + region.Display + " is denied by " + PolicyKeys.DeniedEndpointRegions);
                }

                if (hit.Count > 0)
                {
                    return Verdict.Deny(PolicyKeys.DeniedEndpointRegions, "region " + region.Display + " includes " + List(hit) + ", denied by " + PolicyKeys.DeniedEndpointRegions);
                }
            }

            if (policy.AllowedEndpointRegions.Count > 0)
            {
                var outside = region.Countries.Where(c => !policy.AllowedEndpointRegions.Contains(c)).ToList();
                if (outside.Count == region.Countries.Count)
                {
                    return Verdict.Deny(PolicyKeys.AllowedEndpointRegions, "region " + region.Display + " is not in " + PolicyKeys.AllowedEndpointRegions);
                }

                if (outside.Count > 0)
                {
                    return Verdict.Deny(PolicyKeys.AllowedEndpointRegions, "region " + region.Display + " includes " + List(outside) + ", not in " + PolicyKeys.AllowedEndpointRegions);
                }
            }

            return null;
        }

        private static string List(List<string> countries) =>
            countries.Count <= 4 ? string.Join(", ", countries) : string.Join(", ", countries.Take(3)) + " and " + (countries.Count - 3) + " more";

        private static Verdict? CheckOrigin(HashSet<string> denied, string deniedKey, HashSet<string> allowed, string country)
        {
            if (denied.Contains(country))
            {
                return Verdict.Deny(deniedKey, "origin " + country + " is denied by " + deniedKey);
            }

            if (allowed.Count > 0 && !allowed.Contains(country))
            {
                return Verdict.Deny(PolicyKeys.AllowedOrigins, "origin " + country + " is not in " + PolicyKeys.AllowedOrigins);
            }

            return null;
        }

        /// <summary>
        /// A model glob matches the id as written, the alias target, or any normalised form of either
        /// (<c>claude-*</c> matches <c>us.anthropic.claude-3-5-sonnet-20241022-v2:0</c>).
        /// </summary>
        private static string? FirstModelMatch(List<string> patterns, string id, string? aliasTarget)
        {
            return patterns.Count == 0 ? null : FirstFormMatch(patterns, id) ?? (aliasTarget == null ? null : FirstFormMatch(patterns, aliasTarget));
        }

        private static string? FirstFormMatch(List<string> patterns, string id)
        {
            foreach (var pattern in patterns)
            {
                if (Glob.IsMatch(pattern, id))
                {
                    return pattern;
                }

                var forms = ModelIdShape.Candidates(id);
                while (forms.MoveNext())
                {
                    if (Glob.IsMatch(pattern, id, forms.Start, forms.Length))
                    {
                        return pattern;
                    }
                }
            }

            return null;
        }

        private static string? FirstMatch(List<string> patterns, string text)
        {
            foreach (var pattern in patterns)
            {
                if (Glob.IsMatch(pattern, text))
                {
                    return pattern;
                }
            }

            return null;
        }
    }
}
