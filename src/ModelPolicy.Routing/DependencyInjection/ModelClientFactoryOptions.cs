using System;
using System.Collections.Generic;
using Microsoft.Extensions.AI;

namespace ModelPolicy.Routing
{
    /// <summary>The per-provider client factories (provider names are case-insensitive).</summary>
    internal sealed class ModelClientFactoryOptions
    {
        public Dictionary<string, Func<ModelBackend, IServiceProvider, IChatClient>> ChatClients { get; } =
            new Dictionary<string, Func<ModelBackend, IServiceProvider, IChatClient>>(StringComparer.OrdinalIgnoreCase);

        public Func<ModelBackend, IServiceProvider, IChatClient>? DefaultChatClient { get; set; }

        public Dictionary<string, Func<ModelBackend, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>>> EmbeddingGenerators { get; } =
            new Dictionary<string, Func<ModelBackend, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>>>(StringComparer.OrdinalIgnoreCase);

        public Func<ModelBackend, IServiceProvider, IEmbeddingGenerator<string, Embedding<float>>>? DefaultEmbeddingGenerator { get; set; }
    }
}
