using System;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace ModelPolicy.Routing
{
    /// <summary>Returned by <c>AddModelRoutes</c>: registers how each provider's clients are built.</summary>
    public sealed class ModelRoutingBuilder
    {
        internal ModelRoutingBuilder(IServiceCollection services)
        {
            Services = services;
        }

        public IServiceCollection Services { get; }

        /// <summary>Builds the chat clients of backends whose <c>Provider</c> is <paramref name="provider"/> (case-insensitive).</summary>
        public ModelRoutingBuilder AddChatClientFactory(string provider, Func<ModelBackend, IServiceProvider, IChatClient> factory)
        {
            CheckProvider(provider);
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.Configure<ModelClientFactoryOptions>(o => o.ChatClients[provider.Trim()] = factory);
            return this;
        }

        public ModelRoutingBuilder AddChatClientFactory(string provider, Func<ModelBackend, IChatClient> factory)
        {
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            return AddChatClientFactory(provider, (backend, _) => factory(backend));
        }

        /// <summary>Builds the chat clients of backends with no provider, or one without a factory of its own.</summary>
        public ModelRoutingBuilder AddDefaultChatClientFactory(Func<ModelBackend, IServiceProvider, IChatClient> factory)
        {
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.Configure<ModelClientFactoryOptions>(o => o.DefaultChatClient = factory);
            return this;
        }

        public ModelRoutingBuilder AddEmbeddingGeneratorFactory(string provider, Func<ModelBackend, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory)
        {
            CheckProvider(provider);
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.Configure<ModelClientFactoryOptions>(o => o.EmbeddingGenerators[provider.Trim()] = factory);
            return this;
        }

        public ModelRoutingBuilder AddEmbeddingGeneratorFactory(string provider, Func<ModelBackend, IEmbeddingGenerator<string, Embedding<float>>> factory)
        {
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            return AddEmbeddingGeneratorFactory(provider, (backend, _) => factory(backend));
        }

        public ModelRoutingBuilder AddDefaultEmbeddingGeneratorFactory(Func<ModelBackend, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>> factory)
        {
            if (factory == null)
            {
                throw new ArgumentNullException(nameof(factory));
            }

            Services.Configure<ModelClientFactoryOptions>(o => o.DefaultEmbeddingGenerator = factory);
            return this;
        }

        /// <summary>
        /// Registers route <paramref name="routeName"/>'s <see cref="ModelRouteChatClient"/> as the keyed
        /// <see cref="IChatClient"/> <paramref name="routeName"/>, through Microsoft.Extensions.AI's own
        /// <c>AddKeyedChatClient</c>. The <see cref="ChatClientBuilder"/> it returns adds middleware around the routed
        /// client (<c>.UseLogging()</c>, <c>.UseOpenTelemetry()</c>, <c>.UseFunctionInvocation()</c>...).
        /// </summary>
        public ChatClientBuilder AddKeyedChatClient(string routeName, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        {
            CheckRouteName(routeName);
            return Services.AddKeyedChatClient(routeName, sp => sp.GetRequiredService<IRoutedChatClientFactory>().Create(routeName), lifetime);
        }

        /// <summary>Like <see cref="AddKeyedChatClient(string, ServiceLifetime)"/>, as the application's unkeyed <see cref="IChatClient"/>.</summary>
        public ChatClientBuilder AddChatClient(string routeName, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        {
            CheckRouteName(routeName);
            return Services.AddChatClient(sp => sp.GetRequiredService<IRoutedChatClientFactory>().Create(routeName), lifetime);
        }

        /// <summary>
        /// Registers route <paramref name="routeName"/>'s <see cref="ModelRouteEmbeddingGenerator"/> as the keyed
        /// embedding generator <paramref name="routeName"/>, through Microsoft.Extensions.AI's <c>AddKeyedEmbeddingGenerator</c>.
        /// </summary>
        public EmbeddingGeneratorBuilder<string, Embedding<float>> AddKeyedEmbeddingGenerator(string routeName, ServiceLifetime lifetime = ServiceLifetime.Singleton)
        {
            CheckRouteName(routeName);
            return Services.AddKeyedEmbeddingGenerator(routeName, sp => sp.GetRequiredService<IRoutedEmbeddingGeneratorFactory>().Create(routeName), lifetime);
        }

        /// <summary>
        /// Registers a keyed singleton <see cref="IChatClient"/> per route: <c>[FromKeyedServices("chat")] IChatClient chat</c>
        /// or <c>GetRequiredKeyedService&lt;IChatClient&gt;("chat")</c> gives the route's <see cref="ModelRouteChatClient"/>.
        /// Uses <see cref="KeyedService.AnyKey"/>, so keys that name no route throw <see cref="ModelRouteNotFoundException"/>;
        /// keyed chat clients you register under a specific key still win.
        /// </summary>
        public ModelRoutingBuilder AddKeyedChatClients()
        {
            Services.AddKeyedSingleton<IChatClient>(
                KeyedService.AnyKey,
                (sp, key) => sp.GetRequiredService<IRoutedChatClientFactory>().Create(RouteKey(key)));
            return this;
        }

        /// <summary>Like <see cref="AddKeyedChatClients"/>, for <c>IEmbeddingGenerator&lt;string, Embedding&lt;float&gt;&gt;</c>.</summary>
        public ModelRoutingBuilder AddKeyedEmbeddingGenerators()
        {
            Services.AddKeyedSingleton<IEmbeddingGenerator<string, Embedding<float>>>(
                KeyedService.AnyKey,
                (sp, key) => sp.GetRequiredService<IRoutedEmbeddingGeneratorFactory>().Create(RouteKey(key)));
            return this;
        }

        private static string RouteKey(object? key) =>
            key as string ?? throw new InvalidOperationException("A routed client is keyed by its route name (a string), not by " + (key?.GetType().Name ?? "null") + ".");

        private static void CheckRouteName(string routeName)
        {
            if (string.IsNullOrWhiteSpace(routeName))
            {
                throw new ArgumentException("A model route name is required.", nameof(routeName));
            }
        }

        private static void CheckProvider(string provider)
        {
            if (string.IsNullOrWhiteSpace(provider))
            {
                throw new ArgumentException("A provider name is required; use the Default... method for the fallback factory.", nameof(provider));
            }
        }
    }
}
