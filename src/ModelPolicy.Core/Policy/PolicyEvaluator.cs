using System.Collections.Generic;
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

        /// <summary>Not in the catalog and <c>unknown_models = warn</c>.</summary>
        Unknown,
    }

    /// <summary>What the policy says of one model id or endpoint, and why.</summary>
    public sealed class Verdict
    {
        private Verdict(VerdictKind kind, string? rule, string reason)
        {
            Kind = kind;
            Rule = rule;
            Reason = reason;
        }

        public VerdictKind Kind { get; }

        /// <summary>The policy key that decided, or null where no rule applied.</summary>
        public string? Rule { get; }

        /// <summary>Why, in words: <c>origin CN is denied by model_policy.denied_origins</c>.</summary>
        public string Reason { get; }

        public bool IsDenied => Kind == VerdictKind.Denied;

        internal static Verdict Allow(string? rule, string reason) => new Verdict(VerdictKind.Allowed, rule, reason);

        internal static Verdict Deny(string rule, string reason) => new Verdict(VerdictKind.Denied, rule, reason);

        internal static Verdict Unknown(string reason) => new Verdict(VerdictKind.Unknown, PolicyKeys.UnknownModels, reason);
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
    /// <c>denied_endpoint_origins</c> (or <c>denied_origins</c> when unset) and <c>allowed_origins</c>.
    /// The model's origin (who made the weights) and the endpoint's (who runs the host) are judged apart.
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
        public static Verdict EvaluateEndpoint(ModelPolicySettings policy, string host, HostEntry? entry)
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
            return CheckOrigin(deniedSet, deniedKey, policy.AllowedOrigins, entry.Country) ?? NoRule;
        }

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
