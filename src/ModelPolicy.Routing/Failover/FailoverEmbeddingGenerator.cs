using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using ModelPolicy.Routing.Failover;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// An embedding generator that fails over along a route like <see cref="FailoverChatClient"/> does.
    /// Vectors of different models are not comparable: give an embedding route fallbacks that serve the
    /// same model (another endpoint or deployment), not a different one.
    /// </summary>
    public sealed class FailoverEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly FailoverRunner<IEmbeddingGenerator<string, Embedding<float>>> runner;

        /// <exception cref="ModelRouteDeniedException">The model policy denies the route's primary backend.</exception>
        public FailoverEmbeddingGenerator(
            ModelRoute route,
            Func<ModelBackend, IEmbeddingGenerator<string, Embedding<float>>> createGenerator,
            ILogger? logger = null,
            Func<Exception, bool>? isTransient = null)
        {
            runner = new FailoverRunner<IEmbeddingGenerator<string, Embedding<float>>>(route, createGenerator, logger, isTransient);
        }

        public ModelRoute Route => runner.Route;

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
            IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            var list = values as IList<string> ?? (values ?? throw new ArgumentNullException(nameof(values))).ToList();
            return runner.RunAsync(
                (generator, backend) =>
                {
                    var copy = options?.Clone() ?? new EmbeddingGenerationOptions();
                    copy.ModelId = backend.Model;
                    return generator.GenerateAsync(list, copy, cancellationToken);
                },
                cancellationToken);
        }

        public object? GetService(Type serviceType, object? serviceKey = null) =>
            runner.GetService(this, serviceType, serviceKey, typeof(EmbeddingGeneratorMetadata), primary => new EmbeddingGeneratorMetadata(primary.Provider, primary.Endpoint, primary.Model), client => client.GetService(serviceType, serviceKey));

        public void Dispose() => runner.Dispose();
    }
}
