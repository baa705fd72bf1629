namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>What a model id's text says about how sure we can be of it.</summary>
    internal static class ModelIdText
    {
        /// <summary>
        /// Outside a model position only a specific id counts: <c>qwen-max</c>, <c>llama3.1</c>,
        /// <c>Qwen/Qwen2.5-7B-Instruct</c>, a .gguf file; not a bare family word such as <c>claude</c> or <c>qwen</c>.
        /// </summary>
        public static bool IsSpecific(string id)
        {
            var start = 0;
            for (var i = 0; i < id.Length; i++)
            {
                if (id[i] == '/' || id[i] == '\\')
                {
                    start = i + 1;
                }
            }

            if (id.Length - start < 4)
            {
                return false;
            }

            for (var i = start; i < id.Length; i++)
            {
                var c = id[i];
                if ((c >= '0' && c <= '9') || ((c == '-' || c == '.' || c == ':') && i > start && i < id.Length - 1))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
