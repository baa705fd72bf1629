using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace ModelPolicy.Routing.Failover
{
    /// <summary>
    /// The failover loop of <see cref="ModelRouteEmbeddingGenerator"/> (Microsoft.Extensions.AI 10.11 has a
    /// failover chat client but no failover embedding generator): the route's backends in order, denied ones
    /// skipped, the next one tried on a transient error.
    /// </summary>
    internal static class EmbeddingFailover
    {
        public static async Task<TResult> RunAsync<TClient, TResult>(
            ModelRoute route,
            BackendClients<TClient> clients,
            Func<TClient, ModelBackend, Task<TResult>> call,
            ILogger logger,
            Func<Exception, bool>? isTransient,
            CancellationToken cancellationToken)
            where TClient : class, IDisposable
        {
            var backends = route.Backends;
            List<ModelRouteAttempt>? attempts = null;
            for (var i = 0; i < backends.Count; i++)
            {
                var backend = backends[i];
                if (backend.IsDenied)
                {
                    RoutingLog.SkippingDenied(logger, route.Name, backend);
                    (attempts ??= new List<ModelRouteAttempt>()).Add(new ModelRouteAttempt(backend, new ModelRouteDeniedException(route.Name, backend)));
                    continue;
                }

                try
                {
                    return await call(clients.Get(backend, route.Name), backend).ConfigureAwait(false);
                }
                catch (Exception error) when (TransientErrors.ShouldFailOver(error, cancellationToken, isTransient))
                {
                    (attempts ??= new List<ModelRouteAttempt>()).Add(new ModelRouteAttempt(backend, error));
                    for (var next = i + 1; next < backends.Count; next++)
                    {
                        if (!backends[next].IsDenied)
                        {
                            RoutingLog.FailingOver(logger, route.Name, backend, backends[next], error);
                            break;
                        }
                    }
                }
            }

            var exhausted = new ModelRouteFailoverException(route.Name, (IReadOnlyList<ModelRouteAttempt>?)attempts ?? Array.Empty<ModelRouteAttempt>());
            RoutingLog.AllFailed(logger, route.Name, exhausted.Attempts.Count, exhausted);
            throw exhausted;
        }
    }
}
