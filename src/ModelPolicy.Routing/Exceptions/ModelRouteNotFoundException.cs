using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelPolicy.Routing
{
    /// <summary>No model route has the name asked for. The message lists the routes that exist.</summary>
    public sealed class ModelRouteNotFoundException : KeyNotFoundException
    {
        public ModelRouteNotFoundException(string routeName, IEnumerable<string> availableRoutes, string? sectionName = null)
            : this(routeName, availableRoutes.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray(), sectionName)
        {
        }

        private ModelRouteNotFoundException(string routeName, string[] availableRoutes, string? sectionName)
            : base(BuildMessage(routeName, availableRoutes, sectionName))
        {
            RouteName = routeName;
            AvailableRoutes = availableRoutes;
        }

        public string RouteName { get; }

        /// <summary>The configured route names, sorted.</summary>
        public IReadOnlyList<string> AvailableRoutes { get; }

        private static string BuildMessage(string routeName, string[] available, string? sectionName)
        {
            var section = string.IsNullOrEmpty(sectionName) ? "the model routes" : "configuration section '" + sectionName + "'";
            return available.Length == 0
                ? "No model route named '" + routeName + "' exists: " + section + " defines no routes."
                : "No model route named '" + routeName + "' exists in " + section + ". The routes are: " + string.Join(", ", available) + ".";
        }
    }
}
