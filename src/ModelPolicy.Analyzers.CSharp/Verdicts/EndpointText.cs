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

            switch (text.Substring(dot + 1, stop - dot - 1).ToLowerInvariant())
            {
                case "png": case "jpg": case "jpeg": case "gif": case "webp": case "bmp": case "svg": case "ico":
                case "mp3": case "wav": case "ogg": case "flac": case "m4a": case "mp4": case "webm": case "mov":
                case "pdf": case "txt": case "csv": case "html": case "htm": case "md":
                    return true;
                default:
                    return false;
            }
        }

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
