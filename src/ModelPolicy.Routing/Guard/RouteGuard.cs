using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Routing.Guard
{
    /// <summary>
    /// The runtime guard: the analyzer's catalog and policy evaluation (ModelPolicy.Core), configured from
    /// the <c>ModelPolicy</c> section, applied to each backend of each route.
    /// </summary>
    internal sealed class RouteGuard
    {
        private readonly Dictionary<string, string> configKeyByPolicyKey;

        private readonly ModelCatalog? describeCatalog;

        private RouteGuard(ModelCatalog? catalog, ModelPolicySettings settings, Dictionary<string, string> configKeyByPolicyKey, ModelCatalog? describeCatalog)
        {
            Catalog = catalog;
            this.describeCatalog = describeCatalog;
            Settings = settings;
            this.configKeyByPolicyKey = configKeyByPolicyKey;
        }

        /// <summary>Null when there is no policy (the built-in catalog is then never loaded).</summary>
        public ModelCatalog? Catalog { get; }

        public ModelPolicySettings Settings { get; }

        /// <summary>Reads the policy; each bad value adds an error naming its configuration key.</summary>
        public static RouteGuard Read(ModelRoutingOptions options, List<string> errors)
        {
            if (options.Policy.Count == 0)
            {
                return new RouteGuard(options.Catalog, ModelPolicySettings.Empty, new Dictionary<string, string>(), options.Catalog ?? ModelCatalog.Builtin);
            }

            var catalog = options.Catalog ?? ModelCatalog.Builtin;
            var pairs = new List<KeyValuePair<string, string>>();
            var configKeys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var entry in options.Policy)
            {
                var policyKey = PolicyKeys.Prefix + ToSnakeCase(entry.Key);
                var configKey = options.PolicySectionName + ":" + entry.Key;
                configKeys[policyKey] = configKey;
                pairs.Add(new KeyValuePair<string, string>(policyKey, entry.Value ?? string.Empty));
            }

            var result = PolicyReader.Read(pairs, null, catalog);
            foreach (var error in result.Errors)
            {
                var key = configKeys.TryGetValue(error.Key, out var configKey) ? configKey : error.Key;
                var message = error.Message;
                if (message.StartsWith("unknown key", StringComparison.Ordinal))
                {
                    message = "unknown key; the keys are " + string.Join(", ", ConfigKeyNames());
                }

                errors.Add("Model policy " + key + " = '" + error.Value + "': " + message + ".");
            }

            return new RouteGuard(catalog, result.Settings, configKeys, catalog);
        }

        /// <summary>The catalog's entry for the model (vendor and country, named in the failover log), with or without a policy.</summary>
        public ModelMatch? Describe(string model) => describeCatalog?.MatchModel(model);

        /// <summary>Null when the policy allows the backend, else why not (naming the subject, the model, its origin and the rule).</summary>
        public string? Judge(string subject, string model, Uri? endpoint)
        {
            if (!Settings.HasRules || Catalog == null)
            {
                return null;
            }

            var match = Catalog.MatchModel(model);
            var verdict = PolicyEvaluator.EvaluateModel(Settings, model, match);
            if (verdict.IsDenied)
            {
                var origin = match == null
                    ? "origin unknown: not in the catalog"
                    : "vendor " + match.Vendor.Name + ", origin " + match.Country;
                return subject + " resolves to model '" + model + "' (" + origin + "), which the model policy denies: "
                    + verdict.Reason + RuleSuffix(verdict) + ".";
            }

            if (endpoint != null)
            {
                var host = endpoint.Host.ToLowerInvariant();
                var entry = Catalog.MatchHost(host);
                var endpointVerdict = PolicyEvaluator.EvaluateEndpoint(Settings, host, entry);
                if (endpointVerdict.IsDenied)
                {
                    var origin = entry == null
                        ? "operator unknown: not in the catalog"
                        : "operator " + entry.Operator.Name + ", origin " + entry.Country;
                    return subject + " (model '" + model + "') sends requests to host '" + host + "' (" + origin
                        + "), which the model policy denies: " + endpointVerdict.Reason + RuleSuffix(endpointVerdict) + ".";
                }
            }

            return null;
        }

        private string RuleSuffix(Verdict verdict) =>
            verdict.Rule != null && configKeyByPolicyKey.TryGetValue(verdict.Rule, out var configKey)
                ? " [rule " + configKey + "]"
                : string.Empty;

        private static IEnumerable<string> ConfigKeyNames()
        {
            foreach (var key in PolicyKeys.All)
            {
                yield return ToPascalCase(key.Substring(PolicyKeys.Prefix.Length));
            }
        }

        /// <summary><c>DeniedEndpointOrigins</c> to <c>denied_endpoint_origins</c>; snake case stays as it is.</summary>
        internal static string ToSnakeCase(string key)
        {
            var builder = new StringBuilder(key.Length + 4);
            for (var i = 0; i < key.Length; i++)
            {
                var c = key[i];
                if (char.IsUpper(c))
                {
                    if (i > 0 && key[i - 1] != '_')
                    {
                        builder.Append('_');
                    }

                    builder.Append(char.ToLowerInvariant(c));
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private static string ToPascalCase(string snake)
        {
            var builder = new StringBuilder(snake.Length);
            var upper = true;
            foreach (var c in snake)
            {
                if (c == '_')
                {
                    upper = true;
                    continue;
                }

                builder.Append(upper ? char.ToUpper(c, CultureInfo.InvariantCulture) : c);
                upper = false;
            }

            return builder.ToString();
        }
    }
}
