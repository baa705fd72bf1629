using System;
using System.IO;
using System.Threading;
using Microsoft.Extensions.Configuration;

namespace ModelPolicy.Routing
{
    public static partial class ModelRoutes
    {
        /// <summary>The file the static form reads first; <c>appsettings.{environment}.json</c> and environment variables override it.</summary>
        public const string AppSettingsFileName = "appsettings.json";

        private static readonly Lazy<IModelRoutes> LazyDefault = new Lazy<IModelRoutes>(() => Load(), LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>
        /// The routes of the application without DI, for static members and top-level statements (what the
        /// "Move model id to configuration route" code fix writes where no <see cref="IModelRoutes"/> can be injected):
        /// <code>
        /// var chat = new ChatClient(ModelRoutes.Default.GetModel("chat"), key);
        /// </code>
        /// Read once, on first use, by <see cref="Load(string?, string?)"/>: <c>appsettings.json</c> and
        /// <c>appsettings.{DOTNET_ENVIRONMENT}.json</c> from <see cref="AppContext.BaseDirectory"/> (or the current
        /// directory when the base directory has none), then environment variables (<c>ModelRoutes__chat__Model</c>),
        /// checked by the same guard as <see cref="FromConfiguration(IConfiguration, string)"/>.
        /// </summary>
        /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The routes or the policy are not valid, or the policy denies a route (thrown at every use).</exception>
        public static IModelRoutes Default => LazyDefault.Value;

        /// <summary>
        /// Reads the routes as <see cref="Default"/> does, from <paramref name="directory"/> (default: the base directory
        /// if it holds <c>appsettings.json</c>, else the current directory) for <paramref name="environmentName"/>
        /// (default: <c>DOTNET_ENVIRONMENT</c>, then <c>ASPNETCORE_ENVIRONMENT</c>).
        /// </summary>
        public static IModelRoutes Load(string? directory = null, string? environmentName = null)
        {
            return FromConfiguration(BuildDefaultConfiguration(directory, environmentName));
        }

        /// <summary>The configuration <see cref="Load(string?, string?)"/> reads: the two JSON files (both optional) and the environment.</summary>
        public static IConfiguration BuildDefaultConfiguration(string? directory = null, string? environmentName = null)
        {
            directory ??= FindSettingsDirectory();
            environmentName ??= Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT");
            var builder = new ConfigurationBuilder()
                .SetBasePath(directory)
                .AddJsonFile(AppSettingsFileName, optional: true, reloadOnChange: false);
            if (!string.IsNullOrWhiteSpace(environmentName))
            {
                builder.AddJsonFile("appsettings." + environmentName!.Trim() + ".json", optional: true, reloadOnChange: false);
            }

            return builder.AddEnvironmentVariables().Build();
        }

        private static string FindSettingsDirectory()
        {
            var baseDirectory = AppContext.BaseDirectory;
            if (!string.IsNullOrEmpty(baseDirectory) && File.Exists(Path.Combine(baseDirectory, AppSettingsFileName)))
            {
                return baseDirectory;
            }

            var current = Directory.GetCurrentDirectory();
            return File.Exists(Path.Combine(current, AppSettingsFileName)) || string.IsNullOrEmpty(baseDirectory) ? current : baseDirectory;
        }
    }
}
