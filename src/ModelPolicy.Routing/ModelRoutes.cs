using System;
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
