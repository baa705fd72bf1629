using System;
using Microsoft.Extensions.Logging;

namespace ModelPolicy.Routing
{
    /// <summary>The log events of the failover clients (category <c>ModelPolicy.Routing</c>).</summary>
    public static class RoutingLog
    {
        public const string Category = "ModelPolicy.Routing";

        /// <summary>Warning: a backend failed transiently and the next one is tried.</summary>
        public static readonly EventId Failover = new EventId(4001, "ModelRouteFailover");

        /// <summary>Warning: a fallback is denied by the model policy and is skipped.</summary>
        public static readonly EventId DeniedBackendSkipped = new EventId(4002, "ModelRouteDeniedBackendSkipped");

        /// <summary>Error: every backend of the route failed or was denied.</summary>
        public static readonly EventId Exhausted = new EventId(4003, "ModelRouteExhausted");

        /// <summary>Warning: a stream failed after its first update, so it cannot fail over.</summary>
        public static readonly EventId StreamFailedAfterFirstUpdate = new EventId(4004, "ModelRouteStreamFailedAfterFirstUpdate");

        private static readonly Action<ILogger, string, string, string, string, string, string, Exception?> LogFailover =
            LoggerMessage.Define<string, string, string, string, string, string>(
                LogLevel.Warning,
                Failover,
                "Model route '{Route}': {FromModel} ({FromProvider}) failed with {ExceptionType}; failing over to {ToModel} ({ToProvider})");

        private static readonly Action<ILogger, string, string, string, string, Exception?> LogDenied =
            LoggerMessage.Define<string, string, string, string>(
                LogLevel.Warning,
                DeniedBackendSkipped,
                "Model route '{Route}': skipping {Model} ({Provider}), denied by the model policy: {Reason}");

        private static readonly Action<ILogger, string, int, Exception?> LogExhausted =
            LoggerMessage.Define<string, int>(
                LogLevel.Error,
                Exhausted,
                "Model route '{Route}': all {Count} backends failed");

        private static readonly Action<ILogger, string, string, string, string, Exception?> LogStreamFailed =
            LoggerMessage.Define<string, string, string, string>(
                LogLevel.Warning,
                StreamFailedAfterFirstUpdate,
                "Model route '{Route}': the stream from {Model} ({Provider}) failed with {ExceptionType} after its first update; not failing over");

        internal static void FailingOver(ILogger logger, string route, ModelBackend from, ModelBackend to, Exception error) =>
            LogFailover(logger, route, from.Model, ProviderOf(from), error.GetType().FullName ?? error.GetType().Name, to.Model, ProviderOf(to), error);

        internal static void SkippingDenied(ILogger logger, string route, ModelBackend backend) =>
            LogDenied(logger, route, backend.Model, ProviderOf(backend), backend.DeniedReason ?? string.Empty, null);

        internal static void AllFailed(ILogger logger, string route, int count, Exception error) =>
            LogExhausted(logger, route, count, error);

        internal static void StreamFailed(ILogger logger, string route, ModelBackend backend, Exception error) =>
            LogStreamFailed(logger, route, backend.Model, ProviderOf(backend), error.GetType().FullName ?? error.GetType().Name, error);

        private static string ProviderOf(ModelBackend backend) => backend.Provider ?? "default";
    }
}
