using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// What a site sees of the place it judges: the catalog and the semantic model for its cheap tests, which values it
    /// owns (<see cref="Ownership"/>), and one front end, made the first time a value is to be judged.
    /// </summary>
    internal sealed class SiteContext
    {
        private readonly Action<Diagnostic>? report;
        private readonly CompilationState state;
        private readonly VerdictPipeline pipeline;
        private readonly HashSet<(int Start, ValueKind Kind)> reported;
        private readonly KnownIds known;
        private CodeFrontEnd? front;

        /// <param name="report">Null for a dry run: decide, report nothing.</param>
        public SiteContext(SemanticModel model, Action<Diagnostic>? report, CancellationToken cancellationToken, CompilationState state, VerdictPipeline pipeline, Ownership ownership, HashSet<(int Start, ValueKind Kind)> reported, KnownIds known)
        {
            this.known = known;
            Model = model;
            this.report = report;
            CancellationToken = cancellationToken;
            this.state = state;
            this.pipeline = pipeline;
            this.reported = reported;
            Ownership = ownership;
        }

        public ModelCatalog Catalog => state.Catalog;

        /// <summary>Whether the catalog knows the id (asked once per string of the scan).</summary>
        public bool IsKnownModel(string text) => known.IsKnown(text);

        public KnownIds Known => known;

        public SemanticModel Model { get; }

        public CancellationToken CancellationToken { get; }

        public Ownership Ownership { get; }

        /// <summary>How many values this site has reported (or, in a dry run, would have).</summary>
        public int Reported => front?.ReportCount ?? 0;

        public CodeFrontEnd Front() => front ??= new CodeFrontEnd(this, state, pipeline, report, reported);

        /// <summary>A dry run of another leaf's own judgement, in the same file: it sees nothing this scan reported.</summary>
        public SiteContext DryRunFor(SyntaxNode leaf) => new SiteContext(Model, null, CancellationToken, state, pipeline, Ownership.ForLeaf(leaf), new HashSet<(int Start, ValueKind Kind)>(), known);
    }
}
