using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelPolicy.Routing.Failover;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The embedding generator of one model route. Microsoft.Extensions.AI 10.11 has no failover embedding
    /// generator, so this one fails over along the route as <see cref="ModelRouteChatClient"/> does: each request
    /// takes the route as it is when it starts, skips backends the policy denies, fails over on a transient error
    /// only, and sets <see cref="EmbeddingGenerationOptions.ModelId"/> to each backend's model.
    /// Vectors of different models are not comparable: give an embedding route fallbacks that serve the
    /// same model (another endpoint or deployment), not a different one.
    /// </summary>
    public sealed class ModelRouteEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly Func<ModelRoute> currentRoute;
        private readonly BackendClients<IEmbeddingGenerator<string, Embedding<float>>> generators;
        private readonly ILogger logger;
        private readonly Func<Exception, bool>? isTransient;

        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        public ModelRouteEmbeddingGenerator(
            ModelRoute route,
            Func<ModelBackend, IEmbeddingGenerator<string, Embedding<float>>> createGenerator,
            ILogger? logger = null,
            Func<Exception, bool>? isTransient = null)
            : this((route ?? throw new ArgumentNullException(nameof(route))).Name, () => route, createGenerator, logger, isTransient)
        {
        }

        internal ModelRouteEmbeddingGenerator(
            string routeName,
            Func<ModelRoute> currentRoute,
            Func<ModelBackend, IEmbeddingGenerator<string, Embedding<float>>> createGenerator,
            ILogger? logger,
            Func<Exception, bool>? isTransient)
        {
            RouteName = routeName;
            this.currentRoute = currentRoute;
            generators = new BackendClients<IEmbeddingGenerator<string, Embedding<float>>>(createGenerator);
            this.logger = logger ?? NullLogger.Instance;
            this.isTransient = isTransient;
            var route = currentRoute();
            if (route.Primary.IsDenied)
            {
                throw new ModelRouteDeniedException(route.Name, route.Primary);
            }
        }

        public string RouteName { get; }

        /// <summary>The route as it is now (what the next request uses).</summary>
        public ModelRoute Route => currentRoute();

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values as IList<string> ?? (values ?? throw new ArgumentNullException(nameof(values))).ToList();
            return EmbeddingFailover.RunAsync(
                currentRoute(),
                generators,
                (generator, backend) =>
                {
                    var copy = options?.Clone() ?? new EmbeddingGenerationOptions();
                    copy.ModelId = backend.Model;
                    return generator.GenerateAsync(list, copy, cancellationToken);
                },
                logger,
                isTransient,
                cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null)
        {
            if (serviceType == null)
            {
                throw new ArgumentNullException(nameof(serviceType));
            }

            var route = currentRoute();
            var first = route.Backends.FirstOrDefault(b => !b.IsDenied);
            if (serviceKey == null)
            {
                if (serviceType.IsInstanceOfType(this))
                {
                    return this;
                }

                if (serviceType == typeof(ModelRoute))
                {
                    return route;
                }

                if (serviceType == typeof(EmbeddingGeneratorMetadata) && first != null)
                {
                    return new EmbeddingGeneratorMetadata(first.Provider, first.Endpoint, first.Model);
                }
            }

            return first == null ? null : generators.Get(first, route.Name).GetService(serviceType, serviceKey);
        }

        public void Dispose() => generators.Dispose();
    }
}
