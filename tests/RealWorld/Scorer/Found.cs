namespace ModelPolicy.RealWorld
{
    /// <summary>A diagnostic found in a corpus file.</summary>
    internal sealed class Found
    {
        public string Repo = string.Empty, Commit = string.Empty, Path = string.Empty, Id = string.Empty, SpanText = string.Empty, Message = string.Empty, Value = string.Empty;

        public int Line, EndLine;

        public bool Mentions(string literal) =>
            SpanText.Contains(literal, StringComparison.OrdinalIgnoreCase) || Message.Contains(literal, StringComparison.OrdinalIgnoreCase);
    }
}
