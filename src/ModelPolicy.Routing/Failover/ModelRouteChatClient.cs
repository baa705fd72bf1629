using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using ModelPolicy.Routing.Failover;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// The chat client of one model route: a Microsoft.Extensions.AI <see cref="FailoverChatClient"/> (so a
    /// <see cref="RoutingChatClient"/>) whose selection is the route and the model policy guard.
    /// <list type="bullet">
    /// <item>Each request takes the route as it is when the request starts (after a configuration reload, the new
    /// route), and tries its backends in order: the primary, then the fallbacks.</item>
    /// <item>A backend the policy denies is never selected, as primary or as fallback: it is skipped (event 4002).</item>
    /// <item>After a failure, MEAI's base class asks for the next client only when nothing was streamed yet and the
    /// caller did not cancel; this client then fails over only on a transient error (<see cref="TransientErrors"/>,
    /// event 4001, naming model, vendor and country) and rethrows any other error as it is.</item>
    /// <item>Each backend's client is wrapped in a <see cref="ConfigureOptionsChatClient"/> that sets
    /// <see cref="ChatOptions.ModelId"/> to the backend's model, on a copy of the caller's options.</item>
    /// <item>When every backend failed or was denied: <see cref="ModelRouteFailoverException"/> (event 4003).</item>
    /// </list>
    /// Thread-safe. It builds each backend's client on first use and disposes them with itself.
    /// </summary>
    public sealed class ModelRouteChatClient : FailoverChatClient
    {
        private readonly Func<ModelRoute> currentRoute;
        private readonly BackendClients<IChatClient> clients;
        private readonly Func<Exception, bool>? isTransient;
        private readonly ILogger logger;
        private readonly ConcurrentDictionary<RoutingContext, RequestState> requests = new ConcurrentDictionary<RoutingContext, RequestState>();

        /// <summary>A client for one fixed route (from <see cref="IModelRoutes.Get(string)"/>).</summary>
        /// <param name="route">The route.</param>
        /// <param name="createClient">Builds the client of one backend (its provider's SDK client, or a <see cref="ChatClientBuilder"/> pipeline).</param>
        /// <param name="logger">Receives the routing events (<see cref="RoutingLog"/>).</param>
        /// <param name="isTransient">Replaces <see cref="TransientErrors.IsTransient(Exception)"/>.</param>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        public ModelRouteChatClient(ModelRoute route, Func<ModelBackend, IChatClient> createClient, ILogger? logger = null, Func<Exception, bool>? isTransient = null)
            : this((route ?? throw new ArgumentNullException(nameof(route))).Name, () => route, createClient, logger, isTransient)
        {
        }

        /// <summary>A client that reads its route anew for each request (the DI form, which follows configuration reloads).</summary>
        internal ModelRouteChatClient(string routeName, Func<ModelRoute> currentRoute, Func<ModelBackend, IChatClient> createClient, ILogger? logger, Func<Exception, bool>? isTransient)
        {
            if (createClient == null)
            {
                throw new ArgumentNullException(nameof(createClient));
            }

            RouteName = routeName;
            this.currentRoute = currentRoute;
            this.isTransient = isTransient;
            this.logger = logger ?? NullLogger.Instance;
            clients = new BackendClients<IChatClient>(backend =>
                new ConfigureOptionsChatClient(createClient(backend) ?? throw new InvalidOperationException(
                    "The chat client factory returned null for " + backend + " of model route '" + routeName + "'."),
                    options => options.ModelId = backend.Model));
            var route = currentRoute();
            if (route.Primary.IsDenied)
            {
                throw new ModelRouteDeniedException(route.Name, route.Primary);
            }
        }

        public string RouteName { get; }

        /// <summary>The route as it is now (what the next request uses).</summary>
        public ModelRoute Route => currentRoute();

        public override object? GetService(Type serviceType, object? serviceKey = null)
        {
            if (serviceType == null)
            {
                throw new ArgumentNullException(nameof(serviceType));
            }

            var route = currentRoute();
            var first = FirstAllowed(route, 0);
            if (serviceKey == null)
            {
                if (serviceType.IsInstanceOfType(this))
                {
                    return this;
                }

                if (serviceType == typeof(ModelRoute))
                {
                    return route;
                }

                if (serviceType == typeof(ChatClientMetadata) && first != null)
                {
                    return new ChatClientMetadata(first.Provider, first.Endpoint, first.Model);
                }
            }

            return first == null ? null : clients.Get(first, route.Name).GetService(serviceType, serviceKey);
        }

        protected override ValueTask<IChatClient> SelectClientAsync(RoutingContext context, CancellationToken cancellationToken)
        {
            var state = requests.GetOrAdd(context, _ => new RequestState(currentRoute()));
            var backends = state.Route.Backends;
            while (state.Next < backends.Count)
            {
                var backend = backends[state.Next++];
                if (backend.IsDenied)
                {
                    // The guard's verdict: a denied backend is never selected.
                    RoutingLog.SkippingDenied(logger, state.Route.Name, backend);
                    state.Attempts.Add(new ModelRouteAttempt(backend, new ModelRouteDeniedException(state.Route.Name, backend)));
                    continue;
                }

                IChatClient client;
                try
                {
                    client = clients.Get(backend, state.Route.Name);
                }
                catch
                {
                    requests.TryRemove(context, out _);
                    throw;
                }

                state.Current = backend;
                return new ValueTask<IChatClient>(client);
            }

            // Nothing left to select: the base reports no update for a failed selection, so release the state first.
            requests.TryRemove(context, out _);
            var error = new ModelRouteFailoverException(state.Route.Name, state.Attempts.ToArray());
            RoutingLog.AllFailed(logger, state.Route.Name, state.Attempts.Count, error);
            throw error;
        }

        protected override ValueTask OnRoutingUpdateAsync(RoutingContext context, FailoverChatClientAttempt attempt, bool isTerminal, CancellationToken cancellationToken)
        {
            if (!requests.TryGetValue(context, out var state) || state.Current == null)
            {
                return default;
            }

            var backend = state.Current;
            var error = attempt.Exception;
            if (isTerminal)
            {
                requests.TryRemove(context, out _);
                if (error != null && attempt.OutputCommitted && !(error is OperationCanceledException))
                {
                    RoutingLog.StreamFailed(logger, state.Route.Name, backend, error);
                }

                return default;
            }

            // Non-terminal: MEAI would select another client (a failure before any output, caller not cancelled).
            if (error == null || !TransientErrors.ShouldFailOver(error, cancellationToken, isTransient))
            {
                requests.TryRemove(context, out _);
                if (error != null)
                {
                    // Not transient: rethrown as it is; an update that throws stops the routing.
                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                return default;
            }

            state.Attempts.Add(new ModelRouteAttempt(backend, error));
            var next = FirstAllowed(state.Route, state.Next);
            if (next != null)
            {
                RoutingLog.FailingOver(logger, state.Route.Name, backend, next, error);
            }

            return default;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                clients.Dispose();
            }

            base.Dispose(disposing);
        }

        private static ModelBackend? FirstAllowed(ModelRoute route, int from)
        {
            for (var i = from; i < route.Backends.Count; i++)
            {
                if (!route.Backends[i].IsDenied)
                {
                    return route.Backends[i];
                }
            }

            return null;
        }

        /// <summary>One request: the route it started with, where it is in the route, and what failed so far.</summary>
        private sealed class RequestState
        {
            public RequestState(ModelRoute route)
            {
                Route = route;
            }

            public ModelRoute Route { get; }

            public int Next { get; set; }

            public ModelBackend? Current { get; set; }

            public List<ModelRouteAttempt> Attempts { get; } = new List<ModelRouteAttempt>();
        }
    }
}
