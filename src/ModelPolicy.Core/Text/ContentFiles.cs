using System;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>
    /// File extensions of content — images, sound, video, documents, data and source files — that no model id and no API
    /// endpoint ends in: <c>gpt-4-turbo-pricing.md</c> is a page about a model, <c>https://host/cat.png</c> an image a
    /// message refers to. Weights files (<c>.gguf</c>, <c>.bin</c>, <c>.safetensors</c>, <c>.onnx</c>) are not content:
    /// they are ids of their family. Compared in place, never allocates.
    /// </summary>
    public static class ContentFiles
    {
        private static readonly string[] Extensions =
        {
            "png", "jpg", "jpeg", "gif", "webp", "bmp", "svg", "ico",
            "mp3", "wav", "ogg", "flac", "m4a", "mp4", "webm", "mov",
            "pdf", "txt", "csv", "html", "htm", "md", "json", "jsonl", "xml", "yaml", "yml", "docx", "xlsx", "pptx", "log", "zip",
            "cs", "js", "ts", "css", "py", "ipynb",
        };

        /// <summary>Whether <c>text[start..end)</c> (the characters after the last dot) is a content extension, in any case.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsExtension(string text, int start, int end)
        {
            var length = end - start;
            if (length < 2 || length > 5)
            {
                return false;
            }

            foreach (var extension in Extensions)
            {
                if (extension.Length == length && string.Compare(text, start, extension, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
