using Microsoft.Extensions.AI;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// Builds a <see cref="ModelRouteChatClient"/> for a route, with the registered per-provider factories. The client
    /// follows configuration reloads: each request uses the route as it is when the request starts.
    /// </summary>
    public interface IRoutedChatClientFactory
    {
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        /// <exception cref="System.InvalidOperationException">No factory serves a backend's provider.</exception>
        IChatClient Create(string routeName);
    }

    /// <summary>Builds a <see cref="ModelRouteEmbeddingGenerator"/> for a route, with the registered per-provider factories; it follows reloads too.</summary>
    public interface IRoutedEmbeddingGeneratorFactory
    {
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        /// <exception cref="System.InvalidOperationException">No factory serves a backend's provider.</exception>
        IEmbeddingGenerator<string, Embedding<float>> Create(string routeName);
    }
}
