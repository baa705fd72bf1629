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
        /// section <c>ModelPolicy</c>, both validated at start-up and again at each configuration reload (a reload
        /// with a problem is refused and logged; the last good routes keep serving), with <see cref="IModelRoutes"/>,
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

            if (services == null)
            {
                throw new ArgumentNullException(nameof(services));
            }

            // Tells IOptionsMonitor<ModelRoutingOptions> when the configuration reloads.
            services.AddSingleton<IOptionsChangeTokenSource<ModelRoutingOptions>>(new ConfigurationChangeTokenSource<ModelRoutingOptions>(Options.Options.DefaultName, configuration));
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

            services.AddOptions<ModelRoutingOptions>().Configure(configure);
            services.AddOptions<ModelClientFactoryOptions>();
            // Start-up validation runs once, on an options type of its own (see ModelRoutesStartupCheck); reloads
            // are checked by the monitor, which refuses a bad one instead of throwing in the change callback.
            services.AddOptions<ModelRoutesStartupCheck>().ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ModelRoutesStartupCheck>, ModelRoutesStartupValidator>());
            services.TryAddSingleton<ModelRouteTableMonitor>();
            services.TryAddSingleton<IModelRoutes>(sp =>
            {
                var monitor = sp.GetRequiredService<ModelRouteTableMonitor>();
                _ = monitor.Current; // bad start-up configuration: OptionsValidationException here, as at StartAsync
                return monitor;
            });
            services.TryAddSingleton<RoutedClientFactory>();
            services.TryAddSingleton<IRoutedChatClientFactory>(sp => sp.GetRequiredService<RoutedClientFactory>());
            services.TryAddSingleton<IRoutedEmbeddingGeneratorFactory>(sp => sp.GetRequiredService<RoutedClientFactory>());
            return new ModelRoutingBuilder(services);
        }
    }
}
