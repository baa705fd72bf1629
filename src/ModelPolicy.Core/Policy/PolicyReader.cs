using System;
using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Policy
{
    /// <summary>A bad policy value: the key, the value as written and what is wrong with it.</summary>
    public sealed class PolicyError : IEquatable<PolicyError>
    {
        public PolicyError(string key, string value, string message)
        {
            Key = key;
            Value = value;
            Message = message;
        }

        public string Key { get; }

        public string Value { get; }

        public string Message { get; }

        public bool Equals(PolicyError? other) => other != null && Key == other.Key && Value == other.Value && Message == other.Message;

        public override bool Equals(object? obj) => Equals(obj as PolicyError);

        public override int GetHashCode() => (Key.GetHashCode() * 31) ^ Value.GetHashCode();

        public override string ToString() => Key + " = " + Value + ": " + Message;
    }

    /// <summary>The policy read from a set of options, and whatever in them was wrong.</summary>
    public sealed class PolicyResult
    {
        public PolicyResult(ModelPolicySettings settings, IReadOnlyList<PolicyError> errors)
        {
            Settings = settings;
            Errors = errors;
        }

        public ModelPolicySettings Settings { get; }

        public IReadOnlyList<PolicyError> Errors { get; }
    }

    /// <summary>
    /// Reads the policy from key/value options (.editorconfig keys <c>model_policy.*</c>). A bad value is
    /// reported and left out; the rest of the policy still applies.
    /// </summary>
    public static class PolicyReader
    {
        /// <param name="options">Every option in force (keys are matched case-insensitively).</param>
        /// <param name="projectProfile">The MSBuild <c>ModelPolicyProfile</c> property, or null.</param>
        /// <param name="catalog">Vendors are checked against it.</param>
        public static PolicyResult Read(IEnumerable<KeyValuePair<string, string>> options, string? projectProfile, ModelCatalog catalog)
        {
            var settings = new ModelPolicySettings();
            var errors = new List<PolicyError>();
            var any = false;

            if (!string.IsNullOrWhiteSpace(projectProfile))
            {
                any = true;
                ReadProfile(settings, "ModelPolicyProfile (MSBuild property)", projectProfile!.Trim(), errors);
            }

            foreach (var option in options.OrderBy(o => o.Key, StringComparer.OrdinalIgnoreCase))
            {
                if (!option.Key.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                any = true;
                var key = option.Key.ToLowerInvariant();
                var value = option.Value?.Trim() ?? string.Empty;
                switch (key)
                {
                    case PolicyKeys.DeniedOrigins:
                        ReadCountries(key, value, settings.DeniedOrigins, catalog, errors);
                        break;
                    case PolicyKeys.AllowedOrigins:
                        ReadCountries(key, value, settings.AllowedOrigins, catalog, errors);
                        break;
                    case PolicyKeys.DeniedEndpointOrigins:
                        settings.DeniedEndpointOrigins = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                        ReadCountries(key, value, settings.DeniedEndpointOrigins, catalog, errors);
                        break;
                    case PolicyKeys.AllowedEndpointRegions:
                        ReadCountries(key, value, settings.AllowedEndpointRegions, catalog, errors);
                        break;
                    case PolicyKeys.DeniedEndpointRegions:
                        ReadCountries(key, value, settings.DeniedEndpointRegions, catalog, errors);
                        break;
                    case PolicyKeys.UnknownEndpointRegions:
                        if (TryEnum<UnknownEndpointRegions>(key, value, "allow, warn or deny", errors, out var unknownRegions))
                        {
                            settings.UnknownEndpointRegions = unknownRegions;
                        }

                        break;
                    case PolicyKeys.DeniedVendors:
                        ReadVendors(key, value, settings.DeniedVendors, catalog, errors);
                        break;
                    case PolicyKeys.AllowedVendors:
                        ReadVendors(key, value, settings.AllowedVendors, catalog, errors);
                        break;
                    case PolicyKeys.DeniedModels:
                        ReadGlobs(key, value, settings.DeniedModels, errors);
                        break;
                    case PolicyKeys.AllowedModels:
                        ReadGlobs(key, value, settings.AllowedModels, errors);
                        break;
                    case PolicyKeys.AllowedEndpoints:
                        ReadGlobs(key, value, settings.AllowedEndpoints, errors);
                        break;
                    case PolicyKeys.DeniedEndpoints:
                        ReadGlobs(key, value, settings.DeniedEndpoints, errors);
                        break;
                    case PolicyKeys.UnknownModels:
                        if (TryEnum<UnknownModels>(key, value, "allow, warn or deny", errors, out var unknown))
                        {
                            settings.UnknownModels = unknown;
                        }

                        break;
                    case PolicyKeys.Diversification:
                        if (TryEnum<Diversification>(key, value, "off, vendor or origin", errors, out var diversification))
                        {
                            settings.Diversification = diversification;
                            settings.DiversificationExplicit = true;
                        }

                        break;
                    case PolicyKeys.RequireOpenWeights:
                        if (string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                        {
                            settings.RequireOpenWeights = true;
                        }
                        else if (!string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
                        {
                            errors.Add(new PolicyError(key, value, "expected true or false"));
                        }

                        break;
                    case PolicyKeys.Profile:
                        ReadProfile(settings, key, value, errors);
                        break;
                    case PolicyKeys.EnforcementException:
                        break; // the enforcement check's (docs/security.md), not the policy's
                    default:
                        errors.Add(new PolicyError(option.Key, value, "unknown key; the policy keys are " + string.Join(", ", PolicyKeys.All)));
                        break;
                }
            }

            return new PolicyResult(any ? settings : ModelPolicySettings.Empty, errors);
        }

        private static void ReadProfile(ModelPolicySettings settings, string key, string value, List<PolicyError> errors)
        {
            // The strictest word wins: a folder cannot make a regulated project standard.
            if (TryEnum<PolicyProfile>(key, value, "standard or regulated", errors, out var profile) && profile == PolicyProfile.Regulated)
            {
                settings.Profile = PolicyProfile.Regulated;
            }
        }

        private static IEnumerable<string> Items(string value)
        {
            if (value.Length == 0 || string.Equals(value, "none", StringComparison.OrdinalIgnoreCase))
            {
                yield break;
            }

            foreach (var part in value.Split(','))
            {
                var item = part.Trim();
                if (item.Length > 0)
                {
                    yield return item;
                }
            }
        }

        private static void ReadCountries(string key, string value, HashSet<string> into, ModelCatalog catalog, List<PolicyError> errors)
        {
            foreach (var item in Items(value))
            {
                if (!catalog.TryExpandCountries(item, into))
                {
                    var groups = string.Join(", ", catalog.Groups.Select(g => g.Name));
                    errors.Add(new PolicyError(key, item, "'" + item + "' is not an ISO 3166-1 alpha-2 country code or a country group (" + groups + ")"));
                }
            }
        }

        private static void ReadVendors(string key, string value, HashSet<string> into, ModelCatalog catalog, List<PolicyError> errors)
        {
            foreach (var item in Items(value))
            {
                if (catalog.TryGetVendor(item, out var vendor))
                {
                    into.Add(vendor!.Name);
                }
                else
                {
                    errors.Add(new PolicyError(key, item, "'" + item + "' is not a vendor in the catalog" + SuggestVendor(item, catalog)));
                }
            }
        }

        private static string SuggestVendor(string item, ModelCatalog catalog)
        {
            var near = catalog.Vendors
                .Where(v => v.Name.IndexOf(item, StringComparison.OrdinalIgnoreCase) >= 0 || item.IndexOf(v.Name, StringComparison.OrdinalIgnoreCase) >= 0)
                .Select(v => v.Name)
                .OrderBy(n => n, StringComparer.Ordinal)
                .FirstOrDefault();
            return near == null ? string.Empty : " (did you mean '" + near + "'?)";
        }

        private static void ReadGlobs(string key, string value, List<string> into, List<PolicyError> errors)
        {
            foreach (var item in Items(value))
            {
                var invalid = Glob.Validate(item);
                if (invalid == null)
                {
                    into.Add(item);
                }
                else
                {
                    errors.Add(new PolicyError(key, item, "'" + item + "' is not a valid pattern: " + invalid));
                }
            }
        }

        private static bool TryEnum<T>(string key, string value, string expected, List<PolicyError> errors, out T result)
            where T : struct
        {
            if (value.Length > 0 && char.IsLetter(value[0]) && Enum.TryParse(value, ignoreCase: true, out result))
            {
                return true;
            }

            result = default;
            errors.Add(new PolicyError(key, value, "expected " + expected));
            return false;
        }
    }
}
