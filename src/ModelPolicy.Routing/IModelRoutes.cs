using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The configured model routes, by name (case-insensitive). Get one from DI (<c>AddModelRoutes</c>) or,
    /// without DI, from <see cref="ModelRoutes.FromConfiguration(Microsoft.Extensions.Configuration.IConfiguration, string)"/>.
    /// </summary>
    public interface IModelRoutes
    {
        /// <summary>The route names, sorted.</summary>
        IReadOnlyCollection<string> Names { get; }

        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        ModelRoute Get(string name);

        bool TryGet(string name, [NotNullWhen(true)] out ModelRoute? route);

        /// <summary>The model id of the route's primary backend.</summary>
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        string GetModel(string routeName);

        /// <summary>The endpoint of the route's primary backend.</summary>
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        /// <exception cref="InvalidOperationException">The route has no <c>Endpoint</c>.</exception>
        Uri GetEndpoint(string routeName);
    }
}
