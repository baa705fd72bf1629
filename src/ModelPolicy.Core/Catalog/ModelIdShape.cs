using System;
using System.Runtime.CompilerServices;
using ModelPolicy.Text;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// What a model id can look like, and the forms of it the catalog's patterns are matched against:
    /// Hugging Face <c>org/name</c> and router prefixes (<c>Pro/deepseek-ai/DeepSeek-R1</c>), Ollama tags
    /// (<c>qwen2.5:7b</c>), Bedrock vendor and region prefixes (<c>us.anthropic.claude-…-v1:0</c>), Vertex
    /// versions (<c>claude-3-5-sonnet@20240620</c>) and weight files (<c>/models/qwen2.5-7b-q4_k_m.gguf</c>).
    /// Nothing here allocates.
    /// </summary>
    public static class ModelIdShape
    {
        public const int MaxLength = 256;

        private static readonly string[] WeightFileExtensions = { ".gguf", ".ggml", ".safetensors", ".onnx", ".bin", ".pth", ".pt", ".llamafile" };
        private static readonly string[] RegionPrefixes = { "us.", "eu.", "apac.", "global.", "us-gov.", "jp.", "au." };
        private static readonly string[] BedrockVendorPrefixes =
        {
            "anthropic.", "meta.", "amazon.", "cohere.", "mistral.", "ai21.", "deepseek.", "qwen.", "openai.", "writer.", "stability.", "moonshot.", "minimax.",
        };

        /// <summary>
        /// True when the text has the characters and length of a model id: no spaces, at least one
        /// letter, not an environment variable name (<c>DEEPSEEK_API_KEY</c>) or a configuration key
        /// (<c>OpenAI:Model</c>), not a URL.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsPlausible(string text) => IsPlausible(text, 0, text.Length);

        /// <summary>The same test on <c>text[start..end)</c>, for a string's characters in a file's text.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsPlausible(string text, int start, int end)
        {
            if (end - start < 2 || end - start > MaxLength)
            {
                return false;
            }

            bool letter = false, lower = false, underscore = false, path = false;
            var colon = -1;
            var dot = -1;
            var upperAfterColon = false;
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (c >= 'a' && c <= 'z')
                {
                    letter = lower = true;
                }
                else if (c >= 'A' && c <= 'Z')
                {
                    letter = true;
                    upperAfterColon |= colon >= 0;
                }
                else if (c == '_')
                {
                    underscore = true;
                }
                else if (c == ':')
                {
                    if (i + 1 < end && text[i + 1] == '/')
                    {
                        return false; // a URL
                    }

                    colon = colon < 0 ? i : colon;
                }
                else if (c == '/' || c == '\\')
                {
                    path = true;
                }
                else if (c == '.')
                {
                    dot = i;
                }
                else if (!((c >= '0' && c <= '9') || c == '-' || c == '.' || c == '@' || c == '+'))
                {
                    return false;
                }
            }

            if (!letter || (underscore && !lower) || (dot > start && ContentFiles.IsExtension(text, dot + 1, end)))
            {
                return false;
            }

            // "OpenAI:Model", "AI:Chat:ModelId": configuration keys are PascalCase after the colon; Ollama tags are not.
            return !(colon >= 0 && upperAfterColon && !path);
        }

        /// <summary>
        /// Where the tail of a look-alike starts: a family word, a hyphen, and a lone number of one or two digits or a
        /// generic word (<c>deepseek-1</c>, <c>kimi-3</c>, <c>claude-test</c>), as tests make up labels; -1 for any other
        /// id. Real ids of that shape are spelled by their own catalog pattern (<c>whisper-1</c>, <c>gpt-4</c>).
        /// </summary>
        public static int LookAlikeTailStart(string id)
        {
            var hyphen = -1;
            for (var i = 0; i < id.Length; i++)
            {
                var c = id[i];
                if (c == '-')
                {
                    if (hyphen >= 0 || i == 0)
                    {
                        return -1;
                    }

                    hyphen = i;
                }
                else if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (hyphen >= 0 && c >= '0' && c <= '9')))
                {
                    return -1;
                }
            }

            var tail = hyphen + 1;
            if (hyphen < 0 || tail >= id.Length)
            {
                return -1;
            }

            var length = id.Length - tail;
            if (length <= 2 && IsDigits(id, tail))
            {
                return tail;
            }

            foreach (var word in GenericTails)
            {
                if (length == word.Length && string.Compare(id, tail, word, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return tail;
                }
            }

            return -1;
        }

        private static readonly string[] GenericTails = { "test", "mock", "fake", "dummy", "stub", "sample", "example", "placeholder", "foo", "bar", "xxx", "model" };

        private static bool IsDigits(string text, int start)
        {
            for (var i = start; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        public static CandidateEnumerator Candidates(string id) => new CandidateEnumerator(id);

        /// <summary>Yields (start, length) spans of the id to match, most complete first.</summary>
        public struct CandidateEnumerator
        {
            private readonly string id;
            private int nextStart;
            private int phase;
            private int segStart;
            private int segEnd;
            private int cutEnd;

            public CandidateEnumerator(string id)
            {
                this.id = id;
                nextStart = 0;
                phase = 0;
                segStart = segEnd = cutEnd = 0;
                Start = Length = 0;
            }

            public int Start { get; private set; }

            public int Length { get; private set; }

            [MethodImpl(HotPath.Optimized)]
            public bool MoveNext()
            {
                while (true)
                {
                    if (phase == 1)
                    {
                        phase = 0;
                        if (cutEnd > segStart && cutEnd < segEnd)
                        {
                            Start = segStart;
                            Length = cutEnd - segStart;
                            return true;
                        }
                    }

                    if (nextStart < 0 || nextStart >= id.Length)
                    {
                        return false;
                    }

                    ReadSegment(nextStart);
                    phase = 1;
                    if (segEnd > segStart)
                    {
                        Start = segStart;
                        Length = segEnd - segStart;
                        return true;
                    }
                }
            }

            [MethodImpl(HotPath.Optimized)]
            private void ReadSegment(int start)
            {
                var slash = IndexOfSlash(id, start);
                nextStart = slash < 0 ? -1 : slash + 1;

                var end = id.Length;
                foreach (var extension in WeightFileExtensions)
                {
                    if (end - start > extension.Length && string.Compare(id, end - extension.Length, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        end -= extension.Length;
                        break;
                    }
                }

                start = SkipPrefix(id, start, end, RegionPrefixes);
                start = SkipPrefix(id, start, end, BedrockVendorPrefixes);
                segStart = start;
                segEnd = end;
                cutEnd = end;
                for (var i = start; i < end; i++)
                {
                    if (id[i] == ':' || id[i] == '@')
                    {
                        cutEnd = i;
                        break;
                    }
                }
            }

            [MethodImpl(HotPath.Optimized)]
            private static int IndexOfSlash(string text, int start)
            {
                for (var i = start; i < text.Length; i++)
                {
                    if (text[i] == '/' || text[i] == '\\')
                    {
                        return i;
                    }
                }

                return -1;
            }

            [MethodImpl(HotPath.Optimized)]
            private static int SkipPrefix(string text, int start, int end, string[] prefixes)
            {
                foreach (var prefix in prefixes)
                {
                    if (end - start > prefix.Length && string.Compare(text, start, prefix, 0, prefix.Length, StringComparison.OrdinalIgnoreCase) == 0)
                    {
                        return start + prefix.Length;
                    }
                }

                return start;
            }
        }
    }
}
