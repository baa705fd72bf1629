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
        private readonly ModelRouteTableMonitor routes;
        private readonly IServiceProvider services;
        private readonly ModelClientFactoryOptions factories;
        private readonly IOptionsMonitor<ModelRoutingOptions> routing;
        private readonly ILogger logger;

        public RoutedClientFactory(
            ModelRouteTableMonitor routes, IServiceProvider services, IOptions<ModelClientFactoryOptions> factories, IOptionsMonitor<ModelRoutingOptions> routing, ILoggerFactory? loggerFactory = null)
        {
            this.routes = routes;
            this.services = services;
            this.factories = factories.Value;
            this.routing = routing;
            logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(RoutingLog.Category);
        }

        public ModelRouteChatClient Create(string routeName)
        {
            var route = routes.Get(routeName);
            var pick = Resolve(route, factories.ChatClients, factories.DefaultChatClient, "chat client", "AddChatClientFactory", "AddDefaultChatClientFactory");
            return new ModelRouteChatClient(
                route.Name, () => routes.Get(route.Name), backend => pick(backend)(backend, services), logger, e => IsTransient(e));
        }

        IChatClient IRoutedChatClientFactory.Create(string routeName) => Create(routeName);

        IEmbeddingGenerator<string, Embedding<float>> IRoutedEmbeddingGeneratorFactory.Create(string routeName)
        {
            var route = routes.Get(routeName);
            var pick = Resolve(route, factories.EmbeddingGenerators, factories.DefaultEmbeddingGenerator, "embedding generator", "AddEmbeddingGeneratorFactory", "AddDefaultEmbeddingGeneratorFactory");
            return new ModelRouteEmbeddingGenerator(
                route.Name, () => routes.Get(route.Name), backend => pick(backend)(backend, services), logger, e => IsTransient(e));
        }

        /// <summary>The options' predicate as it is now (it may change with a reload), else the built-in one.</summary>
        private bool IsTransient(Exception error) => (routing.CurrentValue.IsTransient ?? TransientErrors.IsTransient)(error);

        /// <summary>
        /// Checks up front that every allowed backend of the route has a factory. The returned lookup is used for
        /// each backend later selected, also one a reload brings in; it throws the same error for one without a factory.
        /// </summary>
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

            InvalidOperationException Missing(ModelBackend backend)
            {
                var known = byProvider.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase).ToArray();
                return new InvalidOperationException(
                    "No " + what + " factory serves provider '" + (backend.Provider ?? "(none)") + "' of " + backend + " in model route '" + route.Name + "'. "
                    + "Register one with " + addMethod + "(\"" + (backend.Provider ?? "name") + "\", ...) or " + addDefaultMethod + "(...). "
                    + (known.Length == 0 ? "No provider has a factory yet." : "Providers with a factory: " + string.Join(", ", known) + "."));
            }

            foreach (var backend in route.Backends.Where(b => !b.IsDenied))
            {
                if (Find(backend) == null)
                {
                    throw Missing(backend);
                }
            }

            return backend => Find(backend) ?? throw Missing(backend);
        }
    }
}
