using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>Where a URL's path starts and ends inside a longer text (a JSON body, a sentence).</summary>
    internal static class EndpointText
    {
        /// <summary>The index after the host and its port: where the path, query or fragment starts.</summary>
        public static int PathStart(string text, int afterHost, int end)
        {
            var i = afterHost;
            while (i < end && text[i] != '/' && text[i] != '?' && text[i] != '#')
            {
                i++; // the port
            }

            return i;
        }

        /// <summary>A URL of an image, a sound, a video or a document: content a message refers to, not an API.</summary>
        public static bool IsMediaUrl(string text, int afterHost, int end)
        {
            var pathEnd = PathEnd(text, afterHost, end);
            var query = text.IndexOf('?', afterHost, pathEnd - afterHost);
            var stop = query >= 0 ? query : pathEnd;
            var dot = text.LastIndexOf('.', stop - 1, stop - afterHost);
            if (dot < 0 || text.IndexOf('/', dot, stop - dot) >= 0)
            {
                return false;
            }

            return ContentFiles.IsExtension(text, dot + 1, stop);
        }

        /// <summary>
        /// A file download (<c>…/download/v1beta/files/{id}:download?alt=media</c>, <c>…/files/x?alt=media</c>): content fetched
        /// from a provider's host, not a place prompts go. A <c>download</c> path segment or an <c>alt=media</c> query.
        /// </summary>
        public static bool IsFileDownload(string text, int afterHost, int end)
        {
            var pathEnd = PathEnd(text, afterHost, end);
            var length = pathEnd - afterHost;
            return length > 0 && (IndexOf(text, "/download/", afterHost, length) >= 0 || IndexOf(text, ":download", afterHost, length) >= 0 || IndexOf(text, "alt=media", afterHost, length) >= 0);
        }

        /// <summary>
        /// The base of an OpenAI-compatible API on a host that says AI: a path of just <c>/v1</c> (or <c>/api/v1</c>,
        /// <c>/openai/v1</c>), on a <c>.ai</c> host or one with a label such as <c>llm</c>, <c>model</c>, <c>inference</c>,
        /// <c>gpt</c>. <c>https://model.floxi.ai/v1</c> is one; <c>https://api.stripe.com/v1</c> is not.
        /// </summary>
        public static bool IsAiApiBase(string text, int hostStart, int hostLength, int end)
        {
            var afterHost = hostStart + hostLength;
            var pathStart = PathStart(text, afterHost, end);
            var pathEnd = PathEnd(text, afterHost, end);
            if (pathEnd > pathStart && text[pathEnd - 1] == '/')
            {
                pathEnd--;
            }

            if (pathEnd - pathStart < 3 || text.IndexOf('?', pathStart, pathEnd - pathStart) >= 0 || string.Compare(text, pathEnd - 3, "/v1", 0, 3, System.StringComparison.OrdinalIgnoreCase) != 0)
            {
                return false;
            }

            var prefix = text.Substring(pathStart, pathEnd - 3 - pathStart).ToLowerInvariant();
            if (prefix != string.Empty && prefix != "/api" && prefix != "/openai" && prefix != "/api/openai")
            {
                return false;
            }

            var host = text.Substring(hostStart, hostLength).ToLowerInvariant();
            if (host.EndsWith(".ai", System.StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var label in host.Split('.', '-'))
            {
                switch (label)
                {
                    case "ai": case "llm": case "llms": case "model": case "models": case "inference": case "gpt": case "openai":
                        return true;
                }
            }

            return false;
        }

        private static int IndexOf(string text, string part, int start, int length) =>
            length < part.Length ? -1 : text.IndexOf(part, start, length, System.StringComparison.OrdinalIgnoreCase);

        /// <summary>The end of the URL that starts at or before <paramref name="from"/>: the first quote or white space after it.</summary>
        public static int PathEnd(string text, int from, int end)
        {
            for (var i = from; i < end; i++)
            {
                if (text[i] == '"' || char.IsWhiteSpace(text[i]))
                {
                    return i;
                }
            }

            return end;
        }
    }
}
