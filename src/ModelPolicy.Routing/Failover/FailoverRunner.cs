using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ModelPolicy.Routing.Failover
{
    /// <summary>
    /// What the failover chat client and embedding generator share: one lazily built client per backend,
    /// and the loop that tries the backends in order.
    /// </summary>
    internal sealed class FailoverRunner<TClient> : IDisposable
        where TClient : class, IDisposable
    {
        private readonly Func<ModelBackend, TClient> createClient;
        private readonly TClient?[] clients;
        private readonly Func<Exception, bool>? isTransient;
        private int disposed;

        public FailoverRunner(ModelRoute route, Func<ModelBackend, TClient> createClient, ILogger? logger, Func<Exception, bool>? isTransient)
        {
            Route = route ?? throw new ArgumentNullException(nameof(route));
            this.createClient = createClient ?? throw new ArgumentNullException(nameof(createClient));
            if (route.Primary.IsDenied)
            {
                throw new ModelRouteDeniedException(route.Name, route.Primary);
            }

            Logger = logger ?? NullLogger.Instance;
            this.isTransient = isTransient;
            clients = new TClient?[route.Backends.Count];
        }

        public ModelRoute Route { get; }

        public ILogger Logger { get; }

        public IReadOnlyList<ModelBackend> Backends => Route.Backends;

        /// <summary>
        /// IChatClient/IEmbeddingGenerator GetService for a failover client: itself, its route, metadata of the
        /// primary, else what the primary's client offers.
        /// </summary>
        public object? GetService(object owner, Type serviceType, object? serviceKey, Type metadataType, Func<ModelBackend, object> metadata, Func<TClient, object?> fromPrimary)
        {
            if (serviceType == null)
            {
                throw new ArgumentNullException(nameof(serviceType));
            }

            if (serviceKey == null)
            {
                if (serviceType.IsInstanceOfType(owner))
                {
                    return owner;
                }

                if (serviceType == typeof(ModelRoute))
                {
                    return Route;
                }

                if (serviceType == metadataType)
                {
                    return metadata(Route.Primary);
                }
            }

            return fromPrimary(GetClient(0));
        }

        public TClient GetClient(int index)
        {
            if (Volatile.Read(ref disposed) != 0)
            {
                throw new ObjectDisposedException(GetType().Name);
            }

            var client = Volatile.Read(ref clients[index]);
            if (client != null)
            {
                return client;
            }

            var backend = Route.Backends[index];
            var made = createClient(backend) ?? throw new InvalidOperationException(
                "The client factory returned null for " + backend + " of model route '" + Route.Name + "'.");
            var prior = Interlocked.CompareExchange(ref clients[index], made, null);
            if (prior != null)
            {
                made.Dispose();
                return prior;
            }

            return made;
        }

        public bool ShouldFailOver(Exception error, CancellationToken cancellationToken) =>
            TransientErrors.ShouldFailOver(error, cancellationToken, isTransient);

        /// <summary>Notes a transient failure of backend <paramref name="index"/> and logs the failover, if any backend is left.</summary>
        public void Failed(ref List<ModelRouteAttempt>? attempts, int index, Exception error)
        {
            (attempts ??= new List<ModelRouteAttempt>()).Add(new ModelRouteAttempt(Backends[index], error));
            for (var next = index + 1; next < Backends.Count; next++)
            {
                if (!Backends[next].IsDenied)
                {
                    RoutingLog.FailingOver(Logger, Route.Name, Backends[index], Backends[next], error);
                    return;
                }
            }
        }

        /// <summary>True (and noted, and logged) when backend <paramref name="index"/> is denied and must be skipped.</summary>
        public bool SkipDenied(ref List<ModelRouteAttempt>? attempts, int index)
        {
            var backend = Backends[index];
            if (!backend.IsDenied)
            {
                return false;
            }

            RoutingLog.SkippingDenied(Logger, Route.Name, backend);
            (attempts ??= new List<ModelRouteAttempt>()).Add(new ModelRouteAttempt(backend, new ModelRouteDeniedException(Route.Name, backend)));
            return true;
        }

        public ModelRouteFailoverException Exhausted(List<ModelRouteAttempt>? attempts)
        {
            var error = new ModelRouteFailoverException(Route.Name, (IReadOnlyList<ModelRouteAttempt>?)attempts ?? Array.Empty<ModelRouteAttempt>());
            RoutingLog.AllFailed(Logger, Route.Name, error.Attempts.Count, error);
            return error;
        }

        public async Task<TResult> RunAsync<TResult>(Func<TClient, ModelBackend, Task<TResult>> call, CancellationToken cancellationToken)
        {
            List<ModelRouteAttempt>? attempts = null;
            for (var i = 0; i < Backends.Count; i++)
            {
                if (SkipDenied(ref attempts, i))
                {
                    continue;
                }

                try
                {
                    return await call(GetClient(i), Backends[i]).ConfigureAwait(false);
                }
                catch (Exception error) when (ShouldFailOver(error, cancellationToken))
                {
                    Failed(ref attempts, i, error);
                }
            }

            throw Exhausted(attempts);
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) != 0)
            {
                return;
            }

            for (var i = 0; i < clients.Length; i++)
            {
                Interlocked.Exchange(ref clients[i], null)?.Dispose();
            }
        }
    }
}
