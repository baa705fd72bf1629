using System;
using System.Collections.Generic;
using ModelPolicy.Text;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// Model server software that people run themselves (Ollama, LM Studio, vLLM, llama.cpp's server, …): its default
    /// port and its own API paths, each with the documentation that states them. The operator of such an endpoint is
    /// whoever runs the server ("self-hosted"); what makes a URL one of these is a local or container host with the port
    /// and, where the port is shared with other software, the server's own API path.
    /// </summary>
    public sealed class ModelServer
    {
        internal ModelServer(string name, int port, bool distinctivePort, string[] paths, string source, string? note = null, string[]? sharedPaths = null, bool byPortAlone = true)
        {
            Name = name;
            ByPortAlone = byPortAlone;
            SharedPaths = sharedPaths ?? Array.Empty<string>();
            Port = port;
            DistinctivePort = distinctivePort;
            Paths = paths;
            Source = source;
            Note = note;
        }

        public string Name { get; }

        /// <summary>The default port the documentation gives.</summary>
        public int Port { get; }

        /// <summary>False where other common software listens on the same port (8000: vector databases, 8080: web servers): a path is then needed.</summary>
        public bool DistinctivePort { get; }

        /// <summary>Path prefixes of the server's own API (<c>/api/chat</c>, <c>/v1</c>).</summary>
        public IReadOnlyList<string> Paths { get; }

        /// <summary>
        /// Whether the port alone names this server in an endpoint member (<c>settings.BaseUrl = "http://localhost:8000/"</c>).
        /// False where the port is one C# code names its own web app with far more often (ASP.NET Core's development
        /// ports 5000 and 5001): the server's own API path is then needed everywhere.
        /// </summary>
        public bool ByPortAlone { get; }

        /// <summary>
        /// Path prefixes of the server's API that other software on the same port also uses (Lemonade's <c>/api/v1</c> is
        /// ChromaDB's REST API on 8000 too): they count only with an AI API path after them (<c>/api/v1/chat/completions</c>).
        /// </summary>
        public IReadOnlyList<string> SharedPaths { get; }

        public string Source { get; }

        public string? Note { get; }
    }

    /// <summary>The model servers, and the API paths that mark an AI endpoint on any host.</summary>
    public static class ModelServers
    {
        private static readonly ModelServer[] Servers =
        {
            new ModelServer("Ollama", 11434, true, new[] { "/api", "/v1" }, "https://github.com/ollama/ollama/blob/main/docs/api.md", "binds 127.0.0.1:11434 by default (docs/faq.md)"),
            new ModelServer("LM Studio", 1234, true, new[] { "/v1", "/api/v0" }, "https://lmstudio.ai/docs/app/api/endpoints/openai"),
            new ModelServer("Jan", 1337, true, new[] { "/v1" }, "https://jan.ai/docs/desktop/api-server"),
            new ModelServer("Docker Model Runner", 12434, true, new[] { "/engines", "/v1" }, "https://docs.docker.com/ai/model-runner/"),
            new ModelServer("Xinference", 9997, true, new[] { "/v1" }, "https://inference.readthedocs.io/en/latest/getting_started/using_xinference.html"),
            new ModelServer("GPT4All", 4891, true, new[] { "/v1" }, "https://docs.gpt4all.io/gpt4all_api_server/home.html"),
            new ModelServer("LiteLLM proxy", 4000, false, new[] { "/v1", "/chat/completions", "/completions", "/embeddings" }, "https://docs.litellm.ai/docs/simple_proxy", "4000 is also a common development-server port"),
            new ModelServer("vLLM", 8000, false, new[] { "/v1" }, "https://docs.vllm.ai/en/stable/serving/openai_compatible_server.html", "8000 is shared with vector databases (Chroma) and web frameworks"),
            new ModelServer("LLaMA-Factory API", 8000, false, new[] { "/v1" }, "https://github.com/hiyouga/LLaMA-Factory#deploy-with-openai-style-api-and-vllm", "API_PORT defaults to 8000"),
            new ModelServer("Lemonade Server", 8000, false, new[] { "/api/v0" }, "https://lemonade-server.ai/docs/server/server_spec/", "/api/v1 is also ChromaDB's REST API on its default port 8000 (https://docs.trychroma.com/reference)", new[] { "/api/v1" }),
            new ModelServer("llama.cpp server", 8080, false, new[] { "/v1", "/completion", "/infill", "/embedding" }, "https://github.com/ggml-org/llama.cpp/blob/master/tools/server/README.md", "8080 is shared with many web servers"),
            new ModelServer("LocalAI", 8080, false, new[] { "/v1" }, "https://localai.io/basics/getting_started/"),
            new ModelServer("Hugging Face TGI", 8080, false, new[] { "/generate", "/generate_stream", "/v1" }, "https://huggingface.co/docs/text-generation-inference/quicktour", "the quick tour maps the container's port 80 to 8080"),
            new ModelServer("text-generation-webui", 5000, false, new[] { "/v1" }, "https://github.com/oobabooga/text-generation-webui/wiki/12-%E2%80%90-OpenAI-API", "5000 is also ASP.NET Core's development HTTP port (https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints)", byPortAlone: false),
            new ModelServer("Foundry Local", 5273, false, new[] { "/v1" }, "https://learn.microsoft.com/azure/ai-foundry/foundry-local/reference/reference-rest", "the documented example port; the service may pick another at start (foundry service status)"),
            new ModelServer("KoboldCpp", 5001, false, new[] { "/api/v1", "/v1" }, "https://github.com/LostRuins/koboldcpp/wiki", "5001 is also ASP.NET Core's development HTTPS port (https://learn.microsoft.com/aspnet/core/fundamentals/servers/kestrel/endpoints)", byPortAlone: false),
        };

        /// <summary>
        /// Paths that only AI APIs use (OpenAI's and the APIs that copy it, Anthropic's, Ollama's, Azure OpenAI's, DashScope's
        /// compatible mode, Gemini's): a URL with one of them is an AI endpoint whatever its host.
        /// Sources: https://platform.openai.com/docs/api-reference, https://docs.anthropic.com/en/api/messages,
        /// https://github.com/ollama/ollama/blob/main/docs/api.md, https://learn.microsoft.com/azure/ai-services/openai/reference,
        /// https://help.aliyun.com/zh/model-studio/compatibility-of-openai-with-dashscope, https://ai.google.dev/api/generate-content.
        /// </summary>
        private static readonly string[] AiApiPathParts =
        {
            "/chat/completions", "/v1/completions", "/v1/embeddings", "/v1/responses", "/v1/audio/", "/v1/images/generations",
            "/api/generate", "/api/chat", "/api/embed", "/compatible-mode/v1", "/openai/deployments/", ":generateContent", ":streamGenerateContent",
        };

        public static IReadOnlyList<ModelServer> All => Servers;

        /// <summary>True when the path (from the first '/' after the host to the URL's end) holds an AI API path.</summary>
        public static bool IsAiApiPath(string text, int pathStart, int end)
        {
            foreach (var part in AiApiPathParts)
            {
                if (IndexOf(text, part, pathStart, end) >= 0)
                {
                    return true;
                }
            }

            return IsPublisherModelPath(text, pathStart, end) || IsMessagesApiPath(text, pathStart, end);
        }

        /// <summary>
        /// Vertex AI's partner and Model Garden path, <c>…/publishers/anthropic/models/claude-…:rawPredict</c>, whatever the
        /// host (https://cloud.google.com/vertex-ai/generative-ai/docs/partner-models/use-partner-models).
        /// </summary>
        private static bool IsPublisherModelPath(string text, int pathStart, int end)
        {
            var publishers = IndexOf(text, "/publishers/", pathStart, end);
            return publishers >= 0 && IndexOf(text, "/models/", publishers + 12, end) >= 0;
        }

        /// <summary>
        /// Anthropic's Messages API, <c>/v1/messages</c>, as its own shape: the whole path, or after a prefix naming Anthropic or
        /// Claude (<c>/anthropic/v1/messages</c>, a gateway's <c>…/anthropic/v1/messages</c>), ending the path, with no query but
        /// <c>?beta=</c> (https://docs.anthropic.com/en/api/messages). Messaging APIs use the same words
        /// (<c>/open-apis/im/v1/messages?receive_id_type=…</c>, <c>/v1/messages/{id}</c>).
        /// </summary>
        private static bool IsMessagesApiPath(string text, int pathStart, int end)
        {
            const string Messages = "/v1/messages";
            var at = IndexOf(text, Messages, pathStart, end);
            if (at < 0)
            {
                return false;
            }

            var after = at + Messages.Length;
            var ends = after == end || text[after] == '"' || text[after] == '#' || char.IsWhiteSpace(text[after])
                || (text[after] == '?' && string.Compare(text, after + 1, "beta=", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
                || (text[after] == '/' && after + 1 == end);
            return ends && (at == pathStart || IndexOf(text, "anthropic", pathStart, at) >= 0 || IndexOf(text, "claude", pathStart, at) >= 0);
        }

        /// <summary>
        /// The model server a local or container URL points at: the host is loopback, <c>localhost</c>, a container or
        /// <c>.local</c>/<c>.internal</c> name; the port is a server's; the path is empty or the server's own (required where
        /// the port is shared with other software). Null when it is not one.
        /// </summary>
        public static ModelServer? Find(string text, int hostStart, int hostLength, int end)
        {
            if (!IsLocalOrContainerHost(text, hostStart, hostLength))
            {
                return null;
            }

            var i = hostStart + hostLength;
            if (i >= end || text[i] != ':')
            {
                return null;
            }

            var port = 0;
            var digits = 0;
            for (i++; i < end && text[i] >= '0' && text[i] <= '9' && digits < 6; i++, digits++)
            {
                port = (port * 10) + (text[i] - '0');
            }

            if (digits == 0 || (i < end && text[i] != '/' && text[i] != '?' && text[i] != '"' && !char.IsWhiteSpace(text[i])))
            {
                return null;
            }

            var pathStart = i;
            var pathEnd = pathStart;
            while (pathEnd < end && text[pathEnd] != '?' && text[pathEnd] != '#' && text[pathEnd] != '"' && !char.IsWhiteSpace(text[pathEnd]))
            {
                pathEnd++;
            }

            var noPath = pathEnd == pathStart || (pathEnd == pathStart + 1 && text[pathStart] == '/');
            var aiPath = IsAiApiPath(text, pathStart, pathEnd);
            ModelServer? byPort = null;
            ModelServer? byAiPath = null;
            foreach (var server in Servers)
            {
                if (server.Port != port)
                {
                    continue;
                }

                if (HasPathPrefix(text, pathStart, pathEnd, server.Paths) || (aiPath && HasPathPrefix(text, pathStart, pathEnd, server.SharedPaths)))
                {
                    return server;
                }

                if (aiPath)
                {
                    byAiPath ??= server;
                }
                else if (noPath && server.DistinctivePort)
                {
                    byPort ??= server;
                }
            }

            return byAiPath ?? byPort;
        }


        /// <summary>The server whose default port this is, whatever the path (for a URL in an endpoint position).</summary>
        public static ModelServer? ByPort(string text, int hostStart, int hostLength, int end)
        {
            var i = hostStart + hostLength;
            if (!IsLocalOrContainerHost(text, hostStart, hostLength) || i >= end || text[i] != ':')
            {
                return null;
            }

            var port = 0;
            for (i++; i < end && text[i] >= '0' && text[i] <= '9'; i++)
            {
                port = (port * 10) + (text[i] - '0');
            }

            foreach (var server in Servers)
            {
                if (server.Port == port && server.ByPortAlone)
                {
                    return server;
                }
            }

            return null;
        }

        /// <summary>localhost, loopback, 0.0.0.0, host.docker.internal, <c>*.local</c>/<c>*.internal</c>, or a single-label (container) name.</summary>
        public static bool IsLocalOrContainerHost(string text, int hostStart, int hostLength)
        {
            if (UrlText.IsLocalHost(text, hostStart, hostLength))
            {
                return true;
            }

            for (var i = hostStart; i < hostStart + hostLength; i++)
            {
                if (text[i] == '.' || text[i] == ':')
                {
                    return false;
                }
            }

            return hostLength > 0;
        }

        private static bool HasPathPrefix(string text, int start, int end, IReadOnlyList<string> paths)
        {
            foreach (var path in paths)
            {
                if (end - start >= path.Length && string.Compare(text, start, path, 0, path.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (end - start == path.Length || text[start + path.Length] == '/'))
                {
                    return true;
                }
            }

            return false;
        }

        private static int IndexOf(string text, string part, int start, int end)
        {
            if (end - start < part.Length)
            {
                return -1;
            }

            var index = text.IndexOf(part, start, end - start, StringComparison.OrdinalIgnoreCase);
            return index;
        }
    }
}
