using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>
    /// What one compilation's analysis shares across its files: the catalog, the policy of each file, the model-use
    /// tally, whether inventory entries (MP0010) are wanted (<see cref="Diagnostics.BuildProperties.Inventory"/>), and the compilation-end diagnostics collected on the way
    /// (MP0007 routes, MP0008 files) to be reported with the CompilationEnd rules.
    /// </summary>
    internal sealed class CompilationState
    {
        private readonly ConcurrentQueue<Diagnostic> atEnd = new ConcurrentQueue<Diagnostic>();

        public CompilationState(ModelCatalog catalog, ImmutableArray<CatalogSource> catalogSources, AnalyzerConfigOptionsProvider options)
        {
            Catalog = catalog;
            CatalogSources = catalogSources;
            Policies = new FilePolicies(options, catalog);
            InventoryWanted = options.GlobalOptions.TryGetValue(Diagnostics.BuildProperties.Inventory, out var inventory)
                && string.Equals(inventory?.Trim(), "true", System.StringComparison.OrdinalIgnoreCase);
        }

        public ModelCatalog Catalog { get; }

        /// <summary>The compilation is a test project (<see cref="CodeKinds.IsTestProject"/>).</summary>
        public bool IsTestProject { get; private set; }

        /// <summary>The state for a compilation's options: its catalog files found and read, nothing analyzed yet.</summary>
        public static CompilationState FromOptions(AnalyzerOptions options, CatalogProvider catalogs, System.Threading.CancellationToken cancellationToken)
        {
            var sources = CatalogProvider.FindSources(options.AdditionalFiles, cancellationToken);
            return new CompilationState(catalogs.GetCatalog(sources), sources, options.AnalyzerConfigOptionsProvider);
        }

        /// <summary>The state for a compilation that is analyzed: its kind of code is known.</summary>
        public static CompilationState ForCompilation(Compilation compilation, AnalyzerOptions options, CatalogProvider catalogs, System.Threading.CancellationToken cancellationToken)
        {
            var state = FromOptions(options, catalogs, cancellationToken);
            state.IsTestProject = CodeKinds.IsTestProject(options.AnalyzerConfigOptionsProvider);
            return state;
        }

        public ImmutableArray<CatalogSource> CatalogSources { get; }

        public FilePolicies Policies { get; }

        public ModelUseTally ModelUses { get; } = new ModelUseTally();


        /// <summary>
        /// Report MP0010 inventory entries: only when an inventory is asked for (the MSBuild property ModelPolicyInventory,
        /// which the package sets when the build writes a SARIF log, and the modelpolicy CLI), never in an editor
        /// session otherwise: each entry doubles a finding in the IDE's list and costs every build.
        /// </summary>
        public bool InventoryWanted { get; }

        /// <summary>A diagnostic of a CompilationEnd rule found while analyzing a file, reported at compilation end.</summary>
        public void ReportAtEnd(Diagnostic diagnostic) => atEnd.Enqueue(diagnostic);

        public ImmutableArray<Diagnostic> CollectedForEnd() => atEnd.ToImmutableArray();
    }
}
