using System;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ModelPolicy.Routing;

namespace Microsoft.Extensions.DependencyInjection
{
    public static class ModelRoutingServiceCollectionExtensions
    {
        /// <summary>
        /// Adds the routes of configuration section <paramref name="sectionName"/> and the guard's policy of
        /// section <c>ModelPolicy</c>, both validated at start-up, with <see cref="IModelRoutes"/>,
        /// <see cref="IRoutedChatClientFactory"/> and <see cref="IRoutedEmbeddingGeneratorFactory"/>.
        /// </summary>
        public static ModelRoutingBuilder AddModelRoutes(this IServiceCollection services, IConfiguration configuration, string sectionName = ModelRoutingOptions.DefaultSectionName)
        {
            if (configuration == null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            if (string.IsNullOrWhiteSpace(sectionName))
            {
                throw new ArgumentException("A configuration section name is required.", nameof(sectionName));
            }

            return services.AddModelRoutes(options => ModelRoutesConfiguration.Read(configuration, sectionName, options));
        }

        /// <summary>Adds routes set up in code (or read with <see cref="ModelRoutesConfiguration"/>), validated at start-up.</summary>
        public static ModelRoutingBuilder AddModelRoutes(this IServiceCollection services, Action<ModelRoutingOptions> configure)
        {
            if (services == null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            if (configure == null)
            {
                throw new ArgumentNullException(nameof(configure));
            }

            services.AddOptions<ModelRoutingOptions>().Configure(configure).ValidateOnStart();
            services.AddOptions<ModelClientFactoryOptions>();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRoutingOptions>, ModelRoutingOptionsValidator>());
            services.TryAddSingleton<IModelRoutes>(sp => ModelRouteTable.Create(sp.GetRequiredService<IOptions<ModelRoutingOptions>>().Value));
            services.TryAddSingleton<RoutedClientFactory>();
            services.TryAddSingleton<IRoutedChatClientFactory>(sp => sp.GetRequiredService<RoutedClientFactory>());
            services.TryAddSingleton<IRoutedEmbeddingGeneratorFactory>(sp => sp.GetRequiredService<RoutedClientFactory>());
            return new ModelRoutingBuilder(services);
        }
    }
}
