using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// One file scan's answer to "does the catalog know this id?", remembered for the last string asked: a string in a
    /// use is asked by its leaf, its use's binding filter and its judgement where it stands. One per scan, one thread.
    /// </summary>
    internal sealed class KnownIds
    {
        private readonly ModelCatalog catalog;
        private string? last;
        private bool lastKnown;

        public KnownIds(ModelCatalog catalog) => this.catalog = catalog;

        public bool IsKnown(string text)
        {
            if (!ReferenceEquals(text, last))
            {
                lastKnown = catalog.IsKnownModel(text);
                last = text;
            }

            return lastKnown;
        }
    }
}
