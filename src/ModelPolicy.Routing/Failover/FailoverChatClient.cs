using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelPolicy.Routing.Failover;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// An <see cref="IChatClient"/> that sends each request to a route's primary backend and, on a
    /// transient failure (<see cref="TransientErrors"/>), to its fallbacks in order. A stream fails over
    /// only while it has yielded nothing. Each attempt's <see cref="ChatOptions.ModelId"/> is set to the
    /// backend's model. When every backend fails: <see cref="ModelRouteFailoverException"/>.
    /// Thread-safe; it builds each backend's client on first use and disposes them with itself.
    /// </summary>
    public sealed class FailoverChatClient : IChatClient
    {
        private readonly FailoverRunner<IChatClient> runner;

        /// <param name="route">The route (from <see cref="IModelRoutes.Get(string)"/>).</param>
        /// <param name="createClient">Builds the client of one backend.</param>
        /// <param name="logger">Receives the failover events (<see cref="RoutingLog"/>).</param>
        /// <param name="isTransient">Replaces <see cref="TransientErrors.IsTransient(Exception)"/>.</param>
        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        public FailoverChatClient(ModelRoute route, Func<ModelBackend, IChatClient> createClient, ILogger? logger = null, Func<Exception, bool>? isTransient = null)
        {
            runner = new FailoverRunner<IChatClient>(route, createClient, logger, isTransient);
        }

        public ModelRoute Route => runner.Route;

        public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = Materialize(messages);
            return runner.RunAsync((client, backend) => client.GetResponseAsync(list, For(options, backend), cancellationToken), cancellationToken);
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            var list = Materialize(messages);
            var backends = runner.Backends;
            List<ModelRouteAttempt>? attempts = null;
            for (var i = 0; i < backends.Count; i++)
            {
                if (runner.SkipDenied(ref attempts, i))
                {
                    continue;
                }

                IAsyncEnumerator<ChatResponseUpdate>? stream = null;
                bool any;
                try
                {
                    stream = runner.GetClient(i).GetStreamingResponseAsync(list, For(options, backends[i]), cancellationToken).GetAsyncEnumerator(cancellationToken);
                    any = await stream.MoveNextAsync().ConfigureAwait(false);
                }
                catch (Exception error)
                {
                    if (stream != null)
                    {
                        await stream.DisposeAsync().ConfigureAwait(false);
                    }

                    if (!runner.ShouldFailOver(error, cancellationToken))
                    {
                        throw;
                    }

                    runner.Failed(ref attempts, i, error);
                    continue;
                }

                // The first update (or the end) came: from here on this backend owns the stream.
                try
                {
                    if (!any)
                    {
                        yield break;
                    }

                    yield return stream.Current;
                    while (await MoveNextAsync(stream, backends[i]).ConfigureAwait(false))
                    {
                        yield return stream.Current;
                    }
                }
                finally
                {
                    await stream.DisposeAsync().ConfigureAwait(false);
                }

                yield break;
            }

            throw runner.Exhausted(attempts);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            runner.GetService(this, serviceType, serviceKey, typeof(ChatClientMetadata), primary => new ChatClientMetadata(primary.Provider, primary.Endpoint, primary.Model), client => client.GetService(serviceType, serviceKey));

        public void Dispose() => runner.Dispose();

        private async ValueTask<bool> MoveNextAsync(IAsyncEnumerator<ChatResponseUpdate> stream, ModelBackend backend)
        {
            try
            {
                return await stream.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception error) when (!(error is OperationCanceledException))
            {
                RoutingLog.StreamFailed(runner.Logger, runner.Route.Name, backend, error);
                throw;
            }
        }

        private static IList<ChatMessage> Materialize(IEnumerable<ChatMessage> messages) =>
            messages as IList<ChatMessage> ?? (messages ?? throw new ArgumentNullException(nameof(messages))).ToList();

        private static ChatOptions For(ChatOptions? options, ModelBackend backend)
        {
            var copy = options?.Clone() ?? new ChatOptions();
            copy.ModelId = backend.Model;
            return copy;
        }
    }
}
