using Microsoft.Extensions.AI;

namespace ModelPolicy.Routing
{
    /// <summary>Builds a <see cref="FailoverChatClient"/> for a route, with the registered per-provider factories.</summary>
    public interface IRoutedChatClientFactory
    {
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        /// <exception cref="System.InvalidOperationException">No factory serves a backend's provider.</exception>
        IChatClient Create(string routeName);
    }

    /// <summary>Builds a <see cref="FailoverEmbeddingGenerator"/> for a route, with the registered per-provider factories.</summary>
    public interface IRoutedEmbeddingGeneratorFactory
    {
        /// <exception cref="ModelRouteNotFoundException">No route has that name.</exception>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        /// <exception cref="System.InvalidOperationException">No factory serves a backend's provider.</exception>
        IEmbeddingGenerator<string, Embedding<float>> Create(string routeName);
    }
}
