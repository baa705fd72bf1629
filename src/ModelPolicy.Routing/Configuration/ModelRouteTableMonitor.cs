using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The DI form of <see cref="IModelRoutes"/>: the route table of the current configuration. When the options
    /// change (<see cref="IOptionsMonitor{TOptions}"/>, e.g. a reloaded appsettings.json), the new routes and policy
    /// are checked as start-up checks them; a change with any problem (a route error, a bad policy value, or, while
    /// <see cref="ModelRoutingOptions.EnforcePolicyAtStartup"/> is on, a backend the policy denies) is refused and
    /// logged (event 4005), and the last good table keeps serving.
    /// </summary>
    internal sealed class ModelRouteTableMonitor : IModelRoutes, IDisposable
    {
        private readonly ILogger logger;
        private readonly IDisposable? subscription;
        private readonly object gate = new object();
        private volatile ModelRouteTable? current;
        private IReadOnlyList<string> startupErrors = Array.Empty<string>();

        public ModelRouteTableMonitor(IOptionsMonitor<ModelRoutingOptions> options, ILoggerFactory? loggerFactory = null)
        {
            logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(RoutingLog.Category);
            var errors = new List<string>();
            current = ModelRouteTable.TryCreate(options.CurrentValue, errors);
            startupErrors = errors;
            subscription = options.OnChange((changed, name) =>
            {
                if (string.IsNullOrEmpty(name) || name == Options.DefaultName)
                {
                    Reload(changed);
                }
            });
        }

        /// <summary>The problems of the configuration read at start-up (empty when it was good).</summary>
        public IReadOnlyList<string> StartupErrors => startupErrors;

        /// <summary>The table now serving.</summary>
        /// <exception cref="OptionsValidationException">No good configuration has been read yet.</exception>
        public ModelRouteTable Current => current ?? throw ModelRouteTable.Invalid(startupErrors);

        public IReadOnlyCollection<string> Names => Current.Names;

        public ModelRoute Get(string name) => Current.Get(name);

        public bool TryGet(string name, [NotNullWhen(true)] out ModelRoute? route) => Current.TryGet(name, out route);

        public string GetModel(string routeName) => Current.GetModel(routeName);

        public Uri GetEndpoint(string routeName) => Current.GetEndpoint(routeName);

        /// <summary>Checks changed options; installs their table or refuses them.</summary>
        public bool Reload(ModelRoutingOptions options)
        {
            var errors = new List<string>();
            var table = ModelRouteTable.TryCreate(options, errors);
            lock (gate)
            {
                if (table == null)
                {
                    RoutingLog.RefusingReload(logger, options.SectionName, errors, current != null);
                    return false;
                }

                current = table;
                startupErrors = Array.Empty<string>();
            }

            RoutingLog.ReloadedRoutes(logger, options.SectionName, table.Names);
            return true;
        }

        public void Dispose() => subscription?.Dispose();
    }

    /// <summary>
    /// What <c>ValidateOnStart</c> checks: the configuration read at start-up. A separate options type, with no
    /// change token, so a later reload never runs validation inside the configuration's change callback (which would
    /// throw there); reloads are checked by <see cref="ModelRouteTableMonitor"/> instead.
    /// </summary>
    internal sealed class ModelRoutesStartupCheck
    {
    }

    internal sealed class ModelRoutesStartupValidator : IValidateOptions<ModelRoutesStartupCheck>
    {
        private readonly ModelRouteTableMonitor monitor;

        public ModelRoutesStartupValidator(ModelRouteTableMonitor monitor)
        {
            this.monitor = monitor;
        }

        public ValidateOptionsResult Validate(string? name, ModelRoutesStartupCheck options) =>
            monitor.StartupErrors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(monitor.StartupErrors);
    }
}
