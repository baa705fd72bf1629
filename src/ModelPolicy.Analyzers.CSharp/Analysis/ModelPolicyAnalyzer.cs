using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>
    /// MP0001–MP0005: hard-coded model ids and provider endpoints, judged by the policy in force for each
    /// file; MP0006/MP0007: the same for configuration files, and diversification; MP0008: bad policy values,
    /// catalog lines and JSON; MP0009: unjustified suppressions in a regulated scope; MP0010: the inventory
    /// entry of each finding. One analyzer, because one literal gets one
    /// diagnostic — the most severe that applies — and that needs one pass that sees all the rules.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ModelPolicyAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            Rules.HardCodedModel,
            Rules.ModelNotAllowed,
            Rules.HardCodedEndpoint,
            Rules.EndpointNotAllowed,
            Rules.UnknownModel,
            Rules.ConfigurationNotAllowed,
            Rules.Diversification,
            Rules.InvalidPolicy,
            Rules.UnjustifiedSuppression,
            Rules.Inventory,

            // enforcement hook (issue 9; re-apply after the restructure): catalog overrides, enforcement turned off, floor relaxations
            Rules.CatalogOverride,
            Rules.EnforcementDisabled,
            Rules.PolicyFloorRelaxed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var cache = PolicyCache.Create(start.Options, start.CancellationToken);
                start.RegisterSemanticModelAction(semantic =>
                {
                    new FileScanner(semantic.SemanticModel, cache, semantic.ReportDiagnostic, semantic.CancellationToken).Scan();
                });
                start.RegisterSyntaxTreeAction(tree => SuppressionScanner.Scan(tree.Tree, cache, tree.ReportDiagnostic, tree.CancellationToken));
                start.RegisterAdditionalFileAction(additional => ConfigurationFileScanner.Scan(
                    additional.AdditionalFile, additional.Compilation, cache, additional.Options.AnalyzerConfigOptionsProvider, additional.ReportDiagnostic, additional.CancellationToken));
                start.RegisterCompilationEndAction(end =>
                {
                    // Policies are read lazily per file; a build reads every file's before this runs.
                    foreach (var tree in end.Compilation.SyntaxTrees)
                    {
                        cache.GetPolicy(tree);
                    }

                    foreach (var diagnostic in cache.GetConfigurationDiagnostics())
                    {
                        end.ReportDiagnostic(diagnostic);
                    }

                    if (cache.GetProjectDiversification() is { } diversification)
                    {
                        end.ReportDiagnostic(diversification);
                    }

                    // enforcement hook (issue 9; re-apply after the restructure)
                    foreach (var diagnostic in Enforcement.EnforcementAnalysis.Analyze(end.Compilation, end.Options, cache.Catalog, end.CancellationToken))
                    {
                        end.ReportDiagnostic(diagnostic);
                    }
                });
            });
        }
    }
}
