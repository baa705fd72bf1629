using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The routes without DI (top-level statements, static methods):
    /// <code>
    /// var routes = ModelRoutes.FromConfiguration(configuration);
    /// var chat = new ChatClient(routes.GetModel("chat"), key);
    /// </code>
    /// </summary>
    public static partial class ModelRoutes
    {
        /// <summary>
        /// Reads section <paramref name="sectionName"/> and the guard's <c>ModelPolicy</c> section, and checks them
        /// as start-up validation does.
        /// </summary>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The routes or the policy are not valid, or the policy denies a route.</exception>
        public static IModelRoutes FromConfiguration(IConfiguration configuration, string sectionName = ModelRoutingOptions.DefaultSectionName)
        {
            if (configuration == null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            var options = new ModelRoutingOptions();
            ModelRoutesConfiguration.Read(configuration, sectionName, options);
            return ModelRouteTable.Create(options);
        }

        /// <summary>Like <see cref="FromConfiguration(IConfiguration, string)"/>, with options set up in code.</summary>
        public static IModelRoutes FromOptions(ModelRoutingOptions options)
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            return ModelRouteTable.Create(options);
        }

        /// <summary>
        /// A <see cref="ModelRouteChatClient"/> (Microsoft.Extensions.AI's <c>FailoverChatClient</c>, the route and the
        /// guard choosing each attempt's backend) for route <paramref name="routeName"/>.
        /// </summary>
        public static ModelRouteChatClient CreateChatClient(this IModelRoutes routes, string routeName, Func<ModelBackend, IChatClient> createClient, ILogger? logger = null)
        {
            if (routes == null)
            {
                throw new ArgumentNullException(nameof(routes));
            }

            return new ModelRouteChatClient(routes.Get(routeName), createClient, logger);
        }

        /// <summary>
        /// Microsoft.Extensions.AI's own <see cref="OrderedFailoverChatClient"/> over the backends of route
        /// <paramref name="routeName"/> that the model policy allows, in the route's order, each wrapped in a
        /// <see cref="ConfigureOptionsChatClient"/> that sets <see cref="ChatOptions.ModelId"/> to its model. Denied
        /// backends are left out, so they are never called. MEAI's semantics apply as they are: every error that is not a
        /// cancellation and comes before any streamed update fails over (not only transient ones), the last failure is
        /// rethrown, nothing is logged and the route is read once (no reload). <see cref="CreateChatClient"/> is the
        /// routed client with the guard's events, transient-only failover and reloads.
        /// </summary>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        public static OrderedFailoverChatClient CreateOrderedFailoverChatClient(this IModelRoutes routes, string routeName, Func<ModelBackend, IChatClient> createClient)
        {
            if (routes == null)
            {
                throw new ArgumentNullException(nameof(routes));
            }

            if (createClient == null)
            {
                throw new ArgumentNullException(nameof(createClient));
            }

            var route = routes.Get(routeName);
            if (route.Primary.IsDenied)
            {
                throw new ModelRouteDeniedException(route.Name, route.Primary);
            }

            var clients = new List<IChatClient>();
            foreach (var backend in route.Backends)
            {
                if (!backend.IsDenied)
                {
                    var inner = createClient(backend) ?? throw new InvalidOperationException(
                        "The chat client factory returned null for " + backend + " of model route '" + route.Name + "'.");
                    var model = backend.Model;
                    clients.Add(new ConfigureOptionsChatClient(inner, options => options.ModelId = model));
                }
            }

            return new OrderedFailoverChatClient(clients, leaveOpen: false);
        }

        /// <summary>A <see cref="ModelRouteEmbeddingGenerator"/> for route <paramref name="routeName"/>.</summary>
        public static ModelRouteEmbeddingGenerator CreateEmbeddingGenerator(
            this IModelRoutes routes, string routeName, Func<ModelBackend, IEmbeddingGenerator<string, Embedding<float>>> createGenerator, ILogger? logger = null)
        {
            if (routes == null)
            {
                throw new ArgumentNullException(nameof(routes));
            }

            return new ModelRouteEmbeddingGenerator(routes.Get(routeName), createGenerator, logger);
        }
    }
}
