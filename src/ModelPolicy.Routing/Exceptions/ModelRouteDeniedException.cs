using System;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The model policy denies the backend a route resolves to. The message names the route, the model,
    /// its origin (vendor, country) and the rule.
    /// </summary>
    public sealed class ModelRouteDeniedException : InvalidOperationException
    {
        public ModelRouteDeniedException(string routeName, ModelBackend backend)
            : base(backend.DeniedReason ?? "Model route '" + routeName + "' is denied by the model policy.")
        {
            RouteName = routeName;
            Backend = backend;
        }

        public string RouteName { get; }

        public ModelBackend Backend { get; }
    }
}
