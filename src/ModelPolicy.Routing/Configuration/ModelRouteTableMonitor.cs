using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
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
        private string lastSeen;
        private object? lastCatalog;

        public ModelRouteTableMonitor(IOptionsMonitor<ModelRoutingOptions> options, ILoggerFactory? loggerFactory = null)
        {
            logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(RoutingLog.Category);
            var errors = new List<string>();
            var initial = options.CurrentValue;
            current = ModelRouteTable.TryCreate(initial, errors);
            startupErrors = errors;
            lastSeen = Fingerprint(initial);
            lastCatalog = initial.Catalog;
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

        /// <summary>
        /// Checks changed options; installs their table or refuses them. Options equal to the last ones seen are
        /// skipped: one file change often signals twice (the file provider's own reload token, then the root's).
        /// </summary>
        public bool Reload(ModelRoutingOptions options)
        {
            var errors = new List<string>();
            var seen = Fingerprint(options);
            lock (gate)
            {
                if (seen == lastSeen && ReferenceEquals(options.Catalog, lastCatalog))
                {
                    return current != null;
                }

                lastSeen = seen;
                lastCatalog = options.Catalog;
            }

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

        /// <summary>Everything of the options the table is built from, as text.</summary>
        private static string Fingerprint(ModelRoutingOptions options)
        {
            var text = new System.Text.StringBuilder();
            text.Append(options.SectionName).Append('\n').Append(options.PolicySectionName).Append('\n').Append(options.EnforcePolicyAtStartup).Append('\n');
            foreach (var pair in options.Policy.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                text.Append("policy ").Append(pair.Key).Append('=').Append(pair.Value).Append('\n');
            }

            foreach (var pair in options.Routes.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                var route = pair.Value;
                text.Append("route ").Append(pair.Key).Append('|').Append(route?.Model).Append('|').Append(route?.Endpoint).Append('|').Append(route?.Provider).Append('\n');
                foreach (var fallback in route?.Fallbacks ?? Array.Empty<ModelFallbackOptions>())
                {
                    text.Append("  ").Append(fallback?.Route).Append('|').Append(fallback?.Model).Append('|').Append(fallback?.Endpoint).Append('|').Append(fallback?.Provider).Append('\n');
                }
            }

            return text.ToString();
        }
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
