namespace ModelPolicy.Policy
{
    /// <summary>The .editorconfig keys of the policy (and, without the prefix, the runtime configuration keys).</summary>
    public static class PolicyKeys
    {
        public const string Prefix = "model_policy.";
        public const string DeniedOrigins = Prefix + "denied_origins";
        public const string AllowedOrigins = Prefix + "allowed_origins";
        public const string DeniedVendors = Prefix + "denied_vendors";
        public const string AllowedVendors = Prefix + "allowed_vendors";
        public const string DeniedModels = Prefix + "denied_models";
        public const string AllowedModels = Prefix + "allowed_models";
        public const string UnknownModels = Prefix + "unknown_models";
        public const string RequireOpenWeights = Prefix + "require_open_weights";
        public const string DeniedEndpointOrigins = Prefix + "denied_endpoint_origins";
        public const string AllowedEndpoints = Prefix + "allowed_endpoints";
        public const string DeniedEndpoints = Prefix + "denied_endpoints";
        public const string AllowedEndpointRegions = Prefix + "allowed_endpoint_regions";
        public const string DeniedEndpointRegions = Prefix + "denied_endpoint_regions";
        public const string UnknownEndpointRegions = Prefix + "unknown_endpoint_regions";
        public const string Profile = Prefix + "profile";
        public const string Diversification = Prefix + "diversification";

        /// <summary>
        /// A written reason that lets a regulated scope lower or disable a violation rule's severity (MP0012 becomes an
        /// MP0010 exception entry). Read by the enforcement check, not by the policy, so not in <see cref="All"/>.
        /// </summary>
        public const string EnforcementException = Prefix + "enforcement_exception";

        /// <summary>The MSBuild property that sets the profile for a whole project.</summary>
        public const string ProfileBuildProperty = "build_property.ModelPolicyProfile";

        public static readonly string[] All =
        {
            DeniedOrigins, AllowedOrigins, DeniedVendors, AllowedVendors, DeniedModels, AllowedModels, UnknownModels,
            RequireOpenWeights, DeniedEndpointOrigins, AllowedEndpoints, DeniedEndpoints, AllowedEndpointRegions, DeniedEndpointRegions,
            UnknownEndpointRegions, Profile, Diversification,
        };
    }
}
