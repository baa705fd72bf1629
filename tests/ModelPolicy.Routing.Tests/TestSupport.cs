using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using ModelPolicy.Catalog;

namespace ModelPolicy.Routing.Tests
{
    internal static class TestCatalog
    {
        public static readonly ModelCatalog Instance = ModelCatalog.FromText("test.catalog", """
            vendor OpenAI | country=US | source=https://openai.com
            vendor Mistral | country=FR | source=https://mistral.ai
            vendor DeepSeek | country=CN | source=https://deepseek.com
            model gpt-4o | vendor=OpenAI | match=gpt-4o* | weights=closed | kind=chat | source=https://openai.com
            model text-embedding-3 | vendor=OpenAI | match=text-embedding-3-* | weights=closed | kind=embedding | source=https://openai.com
            model mistral | vendor=Mistral | match=mistral-* | weights=open | kind=chat | source=https://mistral.ai
            model deepseek | vendor=DeepSeek | match=deepseek-* | weights=open | kind=chat | source=https://deepseek.com
            host api.openai.com | operator=OpenAI | serves=own | source=https://openai.com
            host api.mistral.ai | operator=Mistral | serves=own | source=https://mistral.ai
            host api.deepseek.com | operator=DeepSeek | serves=own | source=https://deepseek.com
            """);

        public static IConfiguration Json(string json) =>
            new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

        /// <summary>Reads routes and policy as AddModelRoutes does, with the test catalog, and builds the table.</summary>
        public static IModelRoutes Routes(string json, Action<ModelRoutingOptions>? configure = null)
        {
            var configuration = Json(json);
            var options = new ModelRoutingOptions { Catalog = Instance };
            ModelRoutesConfiguration.ReadRoutes(configuration.GetSection("ModelRoutes"), options);
            ModelRoutesConfiguration.ReadPolicy(configuration.GetSection("ModelPolicy"), options);
            configure?.Invoke(options);
            return ModelRoutes.FromOptions(options);
        }
    }

    /// <summary>Records every call, in order, across all fake clients of a test.</summary>
    internal sealed class CallLog
    {
        private readonly ConcurrentQueue<string> calls = new ConcurrentQueue<string>();

        public IReadOnlyList<string> Calls => calls.ToArray();

        public void Add(string call) => calls.Enqueue(call);
    }

    /// <summary>A chat client that answers, throws, or streams then throws, as told.</summary>
    internal sealed class FakeChatClient : IChatClient
    {
        private readonly ModelBackend backend;
        private readonly CallLog log;
        private readonly Func<CancellationToken, Exception?> failure;

        public FakeChatClient(ModelBackend backend, CallLog log, Func<CancellationToken, Exception?>? failure = null, int streamUpdatesBeforeFailure = 0, bool streamFailsAfterUpdates = false)
        {
            this.backend = backend;
            this.log = log;
            this.failure = failure ?? (_ => null);
            StreamUpdatesBeforeFailure = streamUpdatesBeforeFailure;
            StreamFailsAfterUpdates = streamFailsAfterUpdates;
        }

        public int StreamUpdatesBeforeFailure { get; }

        public bool StreamFailsAfterUpdates { get; }

        public string? LastModelId { get; private set; }

        public bool Disposed { get; private set; }

        public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
        {
            LastModelId = options?.ModelId;
            log.Add(backend.Model);
            await Task.Yield();
            var error = failure(cancellationToken);
            if (error != null)
            {
                throw error;
            }

            return new ChatResponse(new ChatMessage(ChatRole.Assistant, "from " + backend.Model)) { ModelId = backend.Model };
        }

        public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
            IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            LastModelId = options?.ModelId;
            log.Add(backend.Model);
            await Task.Yield();
            var error = failure(cancellationToken);
            if (error != null && !StreamFailsAfterUpdates)
            {
                throw error;
            }

            for (var i = 0; i < (StreamFailsAfterUpdates ? StreamUpdatesBeforeFailure : 3); i++)
            {
                yield return new ChatResponseUpdate(ChatRole.Assistant, backend.Model + " part " + i);
            }

            if (error != null)
            {
                throw error;
            }
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => serviceType.IsInstanceOfType(this) ? this : null;

        public void Dispose() => Disposed = true;
    }

    internal sealed class FakeEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
    {
        private readonly ModelBackend backend;
        private readonly CallLog log;
        private readonly Exception? failure;

        public FakeEmbeddingGenerator(ModelBackend backend, CallLog log, Exception? failure = null)
        {
            this.backend = backend;
            this.log = log;
            this.failure = failure;
        }

        public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
        {
            log.Add(backend.Model + "/" + options?.ModelId);
            if (failure != null)
            {
                throw failure;
            }

            var embeddings = values.Select(v => new Embedding<float>(new float[] { v.Length, 1f }) { ModelId = backend.Model });
            return Task.FromResult(new GeneratedEmbeddings<Embedding<float>>(embeddings));
        }

        public object? GetService(Type serviceType, object? serviceKey = null) => null;

        public void Dispose()
        {
        }
    }

    internal sealed class LogEntry
    {
        public LogEntry(LogLevel level, EventId eventId, string message, Exception? exception, IReadOnlyList<KeyValuePair<string, object?>> state)
        {
            Level = level;
            EventId = eventId;
            Message = message;
            Exception = exception;
            State = state;
        }

        public LogLevel Level { get; }

        public EventId EventId { get; }

        public string Message { get; }

        public Exception? Exception { get; }

        public IReadOnlyList<KeyValuePair<string, object?>> State { get; }

        public object? this[string key] => State.FirstOrDefault(p => p.Key == key).Value;
    }

    internal sealed class FakeLogger : ILogger, ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> entries = new ConcurrentQueue<LogEntry>();

        public IReadOnlyList<LogEntry> Entries => entries.ToArray();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var pairs = state as IReadOnlyList<KeyValuePair<string, object?>> ?? Array.Empty<KeyValuePair<string, object?>>();
            entries.Enqueue(new LogEntry(logLevel, eventId, formatter(state, exception), exception, pairs));
        }

        public ILogger CreateLogger(string categoryName) => this;

        public void Dispose()
        {
        }
    }
}

namespace System.ClientModel
{
    /// <summary>Stands in for the OpenAI SDK's exception: the library recognizes it by name and its int Status.</summary>
    public sealed class ClientResultException : Exception
    {
        public ClientResultException(int status, Exception? inner = null)
            : base("Service request failed. Status: " + status, inner)
        {
            Status = status;
        }

        public int Status { get; }
    }
}
