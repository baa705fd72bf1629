using System;
using System.Collections.Generic;
using Microsoft.Extensions.Logging;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The log events of the routed clients and of the route table (category <c>ModelPolicy.Routing</c>).
    /// Each event that names a backend names its model, the model's vendor and country (from the catalog,
    /// <c>unknown</c> when the catalog does not know the model) and its provider.
    /// </summary>
    public static partial class RoutingLog
    {
        public const string Category = "ModelPolicy.Routing";

        /// <summary>Written for a vendor or country the catalog does not know.</summary>
        public const string Unknown = "unknown";

        /// <summary>Warning: a backend failed transiently and the next one is tried.</summary>
        public static readonly EventId Failover = new EventId(4001, "ModelRouteFailover");

        /// <summary>Warning: a backend is denied by the model policy and is skipped.</summary>
        public static readonly EventId DeniedBackendSkipped = new EventId(4002, "ModelRouteDeniedBackendSkipped");

        /// <summary>Error: every backend of the route failed or was denied.</summary>
        public static readonly EventId Exhausted = new EventId(4003, "ModelRouteExhausted");

        /// <summary>Warning: a stream failed after its first update, so it cannot fail over.</summary>
        public static readonly EventId StreamFailedAfterFirstUpdate = new EventId(4004, "ModelRouteStreamFailedAfterFirstUpdate");

        /// <summary>Error: changed configuration was refused (a route error, a bad policy value or a denied backend); the last good routes keep serving.</summary>
        public static readonly EventId ReloadRefused = new EventId(4005, "ModelRoutesReloadRefused");

        /// <summary>Information: changed configuration was checked and its routes now serve.</summary>
        public static readonly EventId Reloaded = new EventId(4006, "ModelRoutesReloaded");

        internal static void FailingOver(ILogger logger, string route, ModelBackend from, ModelBackend to, Exception error) =>
            LogFailover(
                logger, route,
                from.Model, from.Vendor ?? Unknown, from.Country ?? Unknown, ProviderOf(from),
                error.GetType().FullName ?? error.GetType().Name,
                to.Model, to.Vendor ?? Unknown, to.Country ?? Unknown, ProviderOf(to),
                error);

        internal static void SkippingDenied(ILogger logger, string route, ModelBackend backend) =>
            LogDenied(logger, route, backend.Model, backend.Vendor ?? Unknown, backend.Country ?? Unknown, ProviderOf(backend), backend.DeniedReason ?? string.Empty);

        internal static void AllFailed(ILogger logger, string route, int count, Exception error) =>
            LogExhausted(logger, route, count, error);

        internal static void StreamFailed(ILogger logger, string route, ModelBackend backend, Exception error) =>
            LogStreamFailed(logger, route, backend.Model, backend.Vendor ?? Unknown, backend.Country ?? Unknown, ProviderOf(backend), error.GetType().FullName ?? error.GetType().Name, error);

        internal static void RefusingReload(ILogger logger, string section, IReadOnlyList<string> problems, bool serving) =>
            LogReloadRefused(
                logger, section, problems.Count,
                serving ? "the last good routes keep serving" : "no routes serve until a valid configuration is loaded",
                string.Join(" | ", problems));

        internal static void ReloadedRoutes(ILogger logger, string section, IEnumerable<string> routes) =>
            LogReloaded(logger, section, string.Join(", ", routes));

        private static string ProviderOf(ModelBackend backend) => backend.Provider ?? "default";

        [LoggerMessage(EventId = 4001, EventName = "ModelRouteFailover", Level = LogLevel.Warning,
            Message = "Model route '{Route}': {FromModel} ({FromVendor}, {FromCountry}; provider {FromProvider}) failed with {ExceptionType}; failing over to {ToModel} ({ToVendor}, {ToCountry}; provider {ToProvider})")]
        private static partial void LogFailover(
            ILogger logger, string route, string fromModel, string fromVendor, string fromCountry, string fromProvider, string exceptionType,
            string toModel, string toVendor, string toCountry, string toProvider, Exception error);

        [LoggerMessage(EventId = 4002, EventName = "ModelRouteDeniedBackendSkipped", Level = LogLevel.Warning,
            Message = "Model route '{Route}': skipping {Model} ({Vendor}, {Country}; provider {Provider}), denied by the model policy: {Reason}")]
        private static partial void LogDenied(ILogger logger, string route, string model, string vendor, string country, string provider, string reason);

        [LoggerMessage(EventId = 4003, EventName = "ModelRouteExhausted", Level = LogLevel.Error,
            Message = "Model route '{Route}': all {Count} backends failed")]
        private static partial void LogExhausted(ILogger logger, string route, int count, Exception error);

        [LoggerMessage(EventId = 4004, EventName = "ModelRouteStreamFailedAfterFirstUpdate", Level = LogLevel.Warning,
            Message = "Model route '{Route}': the stream from {Model} ({Vendor}, {Country}; provider {Provider}) failed with {ExceptionType} after its first update; not failing over")]
        private static partial void LogStreamFailed(ILogger logger, string route, string model, string vendor, string country, string provider, string exceptionType, Exception error);

        [LoggerMessage(EventId = 4005, EventName = "ModelRoutesReloadRefused", Level = LogLevel.Error,
            Message = "Changed configuration of '{Section}' refused ({Count} problems), {Outcome}: {Problems}")]
        private static partial void LogReloadRefused(ILogger logger, string section, int count, string outcome, string problems);

        [LoggerMessage(EventId = 4006, EventName = "ModelRoutesReloaded", Level = LogLevel.Information,
            Message = "Model routes reloaded from '{Section}': {Routes}")]
        private static partial void LogReloaded(ILogger logger, string section, string routes);
    }
}
