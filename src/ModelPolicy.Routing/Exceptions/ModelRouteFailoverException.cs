using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelPolicy.Routing
{
    /// <summary>One backend a failover client tried (or skipped), and the error it got.</summary>
    public sealed class ModelRouteAttempt
    {
        public ModelRouteAttempt(ModelBackend backend, Exception error)
        {
            Backend = backend ?? throw new ArgumentNullException(nameof(backend));
            Error = error ?? throw new ArgumentNullException(nameof(error));
        }

        public ModelBackend Backend { get; }

        public Exception Error { get; }

        public override string ToString() => Backend + ": " + Error.GetType().Name + ": " + Error.Message;
    }

    /// <summary>
    /// Every backend of a route failed (transiently) or was denied. <see cref="Attempts"/> lists each in
    /// the order tried; <see cref="AggregateException.InnerExceptions"/> holds their errors in the same order.
    /// </summary>
    public sealed class ModelRouteFailoverException : AggregateException
    {
        public ModelRouteFailoverException(string routeName, IReadOnlyList<ModelRouteAttempt> attempts)
            : base(BuildMessage(routeName, attempts), attempts.Select(a => a.Error))
        {
            RouteName = routeName;
            Attempts = attempts;
        }

        public string RouteName { get; }

        public IReadOnlyList<ModelRouteAttempt> Attempts { get; }

        private static string BuildMessage(string routeName, IReadOnlyList<ModelRouteAttempt> attempts) =>
            "All " + attempts.Count + " backends of model route '" + routeName + "' failed: "
            + string.Join("; ", attempts.Select((a, i) => (i + 1) + ". " + a));
    }
}
