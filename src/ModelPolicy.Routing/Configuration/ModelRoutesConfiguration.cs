using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.Configuration;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// Reads routes and the guard's policy from configuration. The binder cannot bind <c>Fallbacks</c>,
    /// a list that mixes route names (strings) and inline backends (objects), so each child is read by hand:
    /// a child with a value names a route, a child with children is an inline backend.
    /// </summary>
    public static class ModelRoutesConfiguration
    {
        /// <summary>Adds the routes of <paramref name="section"/> (<c>ModelRoutes</c>) to <paramref name="options"/>.</summary>
        public static void ReadRoutes(IConfigurationSection section, ModelRoutingOptions options)
        {
            if (section == null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.SectionName = section.Path;
            foreach (var child in section.GetChildren())
            {
                var route = new ModelRouteOptions
                {
                    Model = child[nameof(ModelRouteOptions.Model)],
                    Endpoint = child[nameof(ModelRouteOptions.Endpoint)],
                    Provider = child[nameof(ModelRouteOptions.Provider)],
                };

                var fallbacks = child.GetSection(nameof(ModelRouteOptions.Fallbacks));
                if (fallbacks.Value != null)
                {
                    // "Fallbacks": "chat-eu, chat-local" (handy in environment variables).
                    foreach (var name in fallbacks.Value.Split(',').Select(n => n.Trim()).Where(n => n.Length > 0))
                    {
                        route.Fallbacks.Add(ModelFallbackOptions.ToRoute(name));
                    }
                }

                // GetChildren orders array indexes numerically (ConfigurationKeyComparer), so 10 follows 9.
                foreach (var item in fallbacks.GetChildren())
                {
                    route.Fallbacks.Add(item.Value != null
                        ? ModelFallbackOptions.ToRoute(item.Value.Trim())
                        : new ModelFallbackOptions
                        {
                            Route = item[nameof(ModelFallbackOptions.Route)],
                            Model = item[nameof(ModelFallbackOptions.Model)],
                            Endpoint = item[nameof(ModelFallbackOptions.Endpoint)],
                            Provider = item[nameof(ModelFallbackOptions.Provider)],
                        });
                }

                options.Routes[child.Key] = route;
            }
        }

        /// <summary>
        /// Adds the policy of <paramref name="section"/> (<c>ModelPolicy</c>) to <paramref name="options"/>.
        /// A value is a comma-separated string or a JSON array (whose items are joined with commas).
        /// </summary>
        public static void ReadPolicy(IConfigurationSection section, ModelRoutingOptions options)
        {
            if (section == null)
            {
                throw new ArgumentNullException(nameof(section));
            }

            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.PolicySectionName = section.Path;
            foreach (var child in section.GetChildren())
            {
                options.Policy[child.Key] = child.Value
                    ?? string.Join(",", child.GetChildren().Select(c => c.Value).Where(v => !string.IsNullOrWhiteSpace(v)));
            }
        }

        /// <summary>Reads <c>{sectionName}</c> and, beside it, <c>ModelPolicy</c> from <paramref name="configuration"/>.</summary>
        internal static void Read(IConfiguration configuration, string sectionName, ModelRoutingOptions options)
        {
            ReadRoutes(configuration.GetSection(sectionName), options);
            ReadPolicy(configuration.GetSection(ModelRoutingOptions.DefaultPolicySectionName), options);
        }
    }
}
