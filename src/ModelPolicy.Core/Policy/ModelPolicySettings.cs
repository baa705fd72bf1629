using System;
using System.Collections.Generic;

namespace ModelPolicy.Policy
{
    public enum UnknownModels
    {
        Allow,
        Warn,
        Deny,
    }

    /// <summary><c>model_policy.unknown_endpoint_regions</c>: a catalog host whose processing region is not known.</summary>
    public enum UnknownEndpointRegions
    {
        Allow,
        Warn,
        Deny,
    }

    public enum PolicyProfile
    {
        Standard,
        Regulated,
    }

    public enum Diversification
    {
        Off,
        Vendor,
        Origin,
    }

    /// <summary>
    /// The model-origin policy in force for one file (or one runtime configuration section). Lists are
    /// empty when unset. Build one with <see cref="PolicyReader"/>.
    /// </summary>
    public sealed class ModelPolicySettings
    {
        public static readonly ModelPolicySettings Empty = new ModelPolicySettings();

        public HashSet<string> DeniedOrigins { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> AllowedOrigins { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> DeniedVendors { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public HashSet<string> AllowedVendors { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public List<string> DeniedModels { get; } = new List<string>();

        public List<string> AllowedModels { get; } = new List<string>();

        public UnknownModels UnknownModels { get; set; } = UnknownModels.Warn;

        public bool RequireOpenWeights { get; set; }

        /// <summary>Null when unset: endpoints then follow <see cref="DeniedOrigins"/>.</summary>
        public HashSet<string>? DeniedEndpointOrigins { get; set; }

        public List<string> AllowedEndpoints { get; } = new List<string>();

        public List<string> DeniedEndpoints { get; } = new List<string>();

        /// <summary>When set, only hosts whose region lies wholly inside these countries are allowed.</summary>
        public HashSet<string> AllowedEndpointRegions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>Hosts whose region may be in one of these countries are denied.</summary>
        public HashSet<string> DeniedEndpointRegions { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

        public UnknownEndpointRegions UnknownEndpointRegions { get; set; } = UnknownEndpointRegions.Allow;

        public PolicyProfile Profile { get; set; } = PolicyProfile.Standard;

        public Diversification Diversification { get; set; } = Diversification.Origin;

        /// <summary>True when <c>model_policy.diversification</c> was written, not defaulted: a route without fallbacks is then reported too.</summary>
        public bool DiversificationExplicit { get; set; }

        /// <summary>True when at least one rule restricts models or endpoints.</summary>
        public bool HasRules =>
            DeniedOrigins.Count + AllowedOrigins.Count + DeniedVendors.Count + AllowedVendors.Count + DeniedModels.Count + AllowedModels.Count
            + AllowedEndpoints.Count + DeniedEndpoints.Count + (DeniedEndpointOrigins?.Count ?? 0)
            + AllowedEndpointRegions.Count + DeniedEndpointRegions.Count > 0
            || RequireOpenWeights || UnknownModels == UnknownModels.Deny || UnknownEndpointRegions == UnknownEndpointRegions.Deny;

        public bool IsRegulated => Profile == PolicyProfile.Regulated;

        public IEnumerable<string> EffectiveDeniedEndpointOrigins => DeniedEndpointOrigins ?? DeniedOrigins;
    }
}
