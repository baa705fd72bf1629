using System;
using System.Collections.Generic;
using ModelPolicy.Catalog;

namespace ModelPolicy.Routing
{
    /// <summary>One route as configured: <c>ModelRoutes:{name}</c>.</summary>
    public sealed class ModelRouteOptions
    {
        /// <summary>The model id (required).</summary>
        public string? Model { get; set; }

        /// <summary>An absolute http(s) URI, or null for the provider's default endpoint.</summary>
        public string? Endpoint { get; set; }

        /// <summary>Picks the client factory (<c>openai</c>, <c>azure-openai</c>, <c>ollama</c>...); null for the default factory.</summary>
        public string? Provider { get; set; }

        /// <summary>Tried in order when the primary fails transiently.</summary>
        public IList<ModelFallbackOptions> Fallbacks { get; } = new List<ModelFallbackOptions>();
    }

    /// <summary>
    /// One fallback: either the name of another route (<see cref="Route"/>) or an inline backend
    /// (<see cref="Model"/>, <see cref="Endpoint"/>, <see cref="Provider"/>).
    /// </summary>
    public sealed class ModelFallbackOptions
    {
        /// <summary>The name of another route, whose own chain is tried at this point.</summary>
        public string? Route { get; set; }

        public string? Model { get; set; }

        public string? Endpoint { get; set; }

        public string? Provider { get; set; }

        public static ModelFallbackOptions ToRoute(string routeName) => new ModelFallbackOptions { Route = routeName };

        public static ModelFallbackOptions Inline(string model, string? endpoint = null, string? provider = null) =>
            new ModelFallbackOptions { Model = model, Endpoint = endpoint, Provider = provider };
    }

    /// <summary>Everything <c>AddModelRoutes</c> and <see cref="ModelRoutes.FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration, string)"/> work from.</summary>
    public sealed class ModelRoutingOptions
    {
        public const string DefaultSectionName = "ModelRoutes";

        public const string DefaultPolicySectionName = "ModelPolicy";

        /// <summary>The routes by name (case-insensitive, as configuration keys are).</summary>
        public IDictionary<string, ModelRouteOptions> Routes { get; } = new Dictionary<string, ModelRouteOptions>(StringComparer.OrdinalIgnoreCase);

        /// <summary>
        /// The runtime guard's policy, by configuration key (<c>DeniedOrigins</c>, <c>AllowedVendors</c>,
        /// <c>UnknownModels</c>...; see docs/routing.md); values as in .editorconfig (comma-separated).
        /// Empty: no policy, every route is allowed.
        /// </summary>
        public IDictionary<string, string> Policy { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        /// <summary>The catalog the guard uses; null for <see cref="ModelCatalog.Builtin"/>.</summary>
        public ModelCatalog? Catalog { get; set; }

        /// <summary>
        /// True (the default): a route or fallback the policy denies fails start-up validation, and a configuration
        /// reload that brings one in is refused (event 4005; the last good routes keep serving). False: the
        /// application starts and reloads are taken, and a denied backend is refused only when it is resolved, and
        /// skipped when a routed client would select it.
        /// </summary>
        public bool EnforcePolicyAtStartup { get; set; } = true;

        /// <summary>
        /// Decides which errors fail over, in place of <see cref="TransientErrors.IsTransient(Exception)"/>
        /// (call that inside to extend it). A cancelled caller token is never failed over, whatever this says.
        /// </summary>
        public Func<Exception, bool>? IsTransient { get; set; }

        /// <summary>The routes' configuration path, shown in error messages.</summary>
        public string SectionName { get; set; } = DefaultSectionName;

        /// <summary>The policy's configuration path, shown in error messages.</summary>
        public string PolicySectionName { get; set; } = DefaultPolicySectionName;
    }
}
