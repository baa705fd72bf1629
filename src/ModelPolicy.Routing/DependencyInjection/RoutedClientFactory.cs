using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ModelPolicy.Routing
{
    internal sealed class RoutedClientFactory : IRoutedChatClientFactory, IRoutedEmbeddingGeneratorFactory
    {
        private readonly IModelRoutes routes;
        private readonly IServiceProvider services;
        private readonly ModelClientFactoryOptions factories;
        private readonly ModelRoutingOptions routing;
        private readonly ILogger logger;

        public RoutedClientFactory(
            IModelRoutes routes, IServiceProvider services, IOptions<ModelClientFactoryOptions> factories, IOptions<ModelRoutingOptions> routing, ILoggerFactory? loggerFactory = null)
        {
            this.routes = routes;
            this.services = services;
            this.factories = factories.Value;
            this.routing = routing.Value;
            logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(RoutingLog.Category);
        }

        public IChatClient Create(string routeName)
        {
            var route = routes.Get(routeName);
            var pick = Resolve(route, factories.ChatClients, factories.DefaultChatClient, "chat client", "AddChatClientFactory", "AddDefaultChatClientFactory");
            return new FailoverChatClient(route, backend => pick(backend)(backend, services), logger, routing.IsTransient);
        }

        IEmbeddingGenerator<string, Embedding<float>> IRoutedEmbeddingGeneratorFactory.Create(string routeName)
        {
            var route = routes.Get(routeName);
            var pick = Resolve(route, factories.EmbeddingGenerators, factories.DefaultEmbeddingGenerator, "embedding generator", "AddEmbeddingGeneratorFactory", "AddDefaultEmbeddingGeneratorFactory");
            return new FailoverEmbeddingGenerator(route, backend => pick(backend)(backend, services), logger, routing.IsTransient);
        }

        /// <summary>Checks up front that every allowed backend of the route has a factory.</summary>
        private static Func<ModelBackend, TFactory> Resolve<TFactory>(
            ModelRoute route, Dictionary<string, TFactory> byProvider, TFactory? fallback, string what, string addMethod, string addDefaultMethod)
            where TFactory : class
        {
            if (route.Primary.IsDenied)
            {
                throw new ModelRouteDeniedException(route.Name, route.Primary);
            }

            TFactory? Find(ModelBackend backend) =>
                backend.Provider != null && byProvider.TryGetValue(backend.Provider, out var factory) ? factory : fallback;

            foreach (var backend in route.Backends.Where(b => !b.IsDenied))
            {
                if (Find(backend) == null)
                {
                    var known = byProvider.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToArray();
                    throw new InvalidOperationException(
                        "No " + what + " factory serves provider '" + (backend.Provider ?? "(none)") + "' of " + backend + " in model route '" + route.Name + "'. "
                        + "Register one with " + addMethod + "(\"" + (backend.Provider ?? "name") + "\", ...) or " + addDefaultMethod + "(...). "
                        + (known.Length == 0 ? "No provider has a factory yet." : "Providers with a factory: " + string.Join(", ", known) + "."));
                }
            }

            return backend => Find(backend)!;
        }
    }
}
