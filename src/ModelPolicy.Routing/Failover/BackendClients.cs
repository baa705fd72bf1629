using System;
using System.Collections.Generic;

namespace ModelPolicy.Routing.Failover
{
    /// <summary>
    /// The clients a routed client built, one per backend (same model, endpoint and provider), built on first
    /// use and kept across route reloads (a reload that keeps a backend keeps its client); disposed together.
    /// </summary>
    internal sealed class BackendClients<TClient> : IDisposable
        where TClient : class, IDisposable
    {
        private readonly Func<ModelBackend, TClient> create;
        private readonly Dictionary<ModelBackend, TClient> built = new Dictionary<ModelBackend, TClient>();
        private readonly object gate = new object();
        private bool disposed;

        public BackendClients(Func<ModelBackend, TClient> create)
        {
            this.create = create ?? throw new ArgumentNullException(nameof(create));
        }

        public TClient Get(ModelBackend backend, string routeName)
        {
            lock (gate)
            {
                if (disposed)
                {
                    throw new ObjectDisposedException("routed client of model route '" + routeName + "'");
                }

                if (built.TryGetValue(backend, out var client))
                {
                    return client;
                }

                // Built under the lock: a backend's client is made once even when requests race.
                client = create(backend) ?? throw new InvalidOperationException(
                    "The client factory returned null for " + backend + " of model route '" + routeName + "'.");
                built[backend] = client;
                return client;
            }
        }

        public void Dispose()
        {
            List<TClient> clients;
            lock (gate)
            {
                if (disposed)
                {
                    return;
                }

                disposed = true;
                clients = new List<TClient>(built.Values);
                built.Clear();
            }

            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
    }
}
