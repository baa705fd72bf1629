using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Rules;
using ModelPolicy.Analyzers.Sites;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers
{
    /// <summary>
    /// The package's one analyzer: one literal gets one diagnostic — the most severe that applies — and that needs one
    /// pass that sees every rule. What decides each rule is in Rules/MPxxxx*.cs (see docs/architecture.md):
    /// <list type="bullet">
    /// <item>C# files: <see cref="SiteDispatcher"/> hands each use of a value to its site (Sites/), the
    /// <see cref="CodeFrontEnd"/> and the <see cref="VerdictPipeline"/> make MP0001–MP0005 (and MP0010);</item>
    /// <item>configuration files: <see cref="ConfigurationFrontEnd"/> → the same pipeline → MP0006 (and MP0010), MP0007 routes;</item>
    /// <item>suppressions: <see cref="MP0009UnjustifiedSuppression"/>;</item>
    /// <item>compilation end: MP0007 (routes collected on the way, the project check) and MP0008; MP0011–MP0013
    /// (Enforcement/EnforcementAnalysis: catalog overrides, enforcement turned off, an organisation floor relaxed).</item>
    /// </list>
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelPolicyAnalyzer : DiagnosticAnalyzer
    {
        private readonly CatalogProvider catalogs = new CatalogProvider();

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Descriptors.All;

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var state = CompilationState.ForCompilation(start.Compilation, start.Options, catalogs, start.CancellationToken);
                var pipeline = new VerdictPipeline(state);

                SiteDispatcher.Register(start, state, pipeline);
                start.RegisterSyntaxTreeAction(tree => MP0009UnjustifiedSuppression.Scan(tree.Tree, state, tree.ReportDiagnostic, tree.CancellationToken));
                start.RegisterAdditionalFileAction(additional => ConfigurationFrontEnd.Scan(
                    additional.AdditionalFile, additional.Compilation, state, pipeline, additional.Options.AnalyzerConfigOptionsProvider, additional.ReportDiagnostic, additional.CancellationToken));
                start.RegisterCompilationEndAction(end =>
                {
                    // Read every file's policy: bad values of files with nothing to judge are still MP0008.
                    var policies = ImmutableArray.CreateRange(state.Policies.ForEveryFile(end.Compilation));
                    foreach (var diagnostic in state.CollectedForEnd())
                    {
                        end.ReportDiagnostic(diagnostic);
                    }

                    foreach (var diagnostic in MP0008InvalidPolicy.PolicyAndCatalogErrors(state))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }

                    if (MP0007Diversification.CheckProject(state.ModelUses, policies) is { } diversification)
                    {
                        end.ReportDiagnostic(diversification);
                    }

                    // MP0011-MP0013 (issue 9): catalog overrides, enforcement turned off in a regulated scope, floor relaxations
                    foreach (var diagnostic in Enforcement.EnforcementAnalysis.Analyze(end.Compilation, end.Options, state.Catalog, end.CancellationToken))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        }
    }
}
