using System.Threading;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// What a site sees of the place it judges: its file's scan (the semantic model, the catalog, what has been reported),
    /// which values it owns (<see cref="Ownership"/>), and one front end, made the first time a value is to be judged.
    /// </summary>
    internal sealed class SiteContext
    {
        private CodeFrontEnd? front;

        public SiteContext(FileScan file, Ownership ownership)
        {
            File = file;
            Ownership = ownership;
        }

        public FileScan File { get; }

        public Ownership Ownership { get; }

        public ModelCatalog Catalog => File.State.Catalog;

        public SemanticModel Model => File.Model;

        public CancellationToken CancellationToken => File.CancellationToken;

        /// <summary>Whether the catalog knows the id (asked once per string of the scan).</summary>
        public bool IsKnownModel(string text) => File.Known.IsKnown(text);

        /// <summary>How many values this site has reported (or, in a dry run, would have).</summary>
        public int Reported => front?.ReportCount ?? 0;

        public CodeFrontEnd Front() => front ??= new CodeFrontEnd(this);

        /// <summary>A dry run of another leaf's own judgement, in the same file: it sees nothing this scan reported.</summary>
        public SiteContext DryRunFor(SyntaxNode leaf) => new SiteContext(File.DryRun(), Ownership.ForLeaf(leaf));
    }
}
