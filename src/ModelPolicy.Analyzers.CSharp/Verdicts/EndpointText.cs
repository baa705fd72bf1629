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
