using System;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Rules;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>
    /// The one path every model id and endpoint takes, from code (<see cref="CodeFrontEnd"/>) and from configuration
    /// files (<see cref="ConfigurationFrontEnd"/>) alike: catalog match → policy verdict (<see cref="PolicyEvaluator"/>) →
    /// the use recorded for MP0007 → the diagnostic, with the regulated severity (<see cref="Diagnostics.Descriptors.ViolationSeverity"/>),
    /// and its MP0010 inventory entry when an inventory is wanted.
    /// </summary>
    internal sealed class VerdictPipeline
    {
        private readonly CompilationState state;

        public VerdictPipeline(CompilationState state) => this.state = state;

        public ModelCatalog Catalog => state.Catalog;

        public Finding JudgeModel(string id, ModelMatch? match, ModelPolicySettings policy, string positionName) =>
            Finding.ForModel(id, match, PolicyEvaluator.EvaluateModel(policy, id, match), positionName);

        /// <param name="host">The host in lower case.</param>
        /// <param name="local">localhost, a loopback or private address: described as self-hosted when the catalog does not know it.</param>
        /// <param name="server">The model server software a local URL points at (Ollama on :11434), if known.</param>
        public Finding JudgeEndpoint(string host, HostEntry? entry, bool local, ModelPolicySettings policy, string positionName, ModelServer? server = null) =>
            Finding.ForEndpoint(host, entry, local, PolicyEvaluator.EvaluateEndpoint(policy, host, entry), positionName, server);

        /// <summary>MP0001, MP0002 or MP0005 for a model; MP0003 or MP0004 for an endpoint; and the MP0010 entry.</summary>
        public void ReportInCode(Finding finding, Location location, ModelPolicySettings policy, Action<Diagnostic> report)
        {
            Record(finding);
            Diagnostic diagnostic;
            if (finding.IsModel)
            {
                diagnostic = finding.Verdict.Kind switch
                {
                    VerdictKind.Denied => MP0002ModelNotAllowed.Create(location, finding, policy),
                    VerdictKind.Unknown => MP0005UnknownModel.Create(location, finding),
                    _ => MP0001HardCodedModel.Create(location, finding),
                };
            }
            else
            {
                diagnostic = finding.Verdict.IsDenied
                    ? MP0004EndpointNotAllowed.Create(location, finding, policy)
                    : MP0003HardCodedEndpoint.Create(location, finding);
            }

            report(diagnostic);
            ReportInventory(location, finding, diagnostic.Id, report);
        }

        /// <summary>MP0006 when the policy denies a configuration value; the MP0010 entry for every judged value.</summary>
        public void ReportInConfiguration(Finding finding, Location location, string configurationPath, ModelPolicySettings policy, Action<Diagnostic> report)
        {
            Record(finding);
            if (finding.Verdict.IsDenied)
            {
                report(MP0006ConfigurationNotAllowed.Create(location, finding, configurationPath, policy));
            }

            ReportInventory(location, finding, Diagnostics.RuleIdentifiers.ConfigurationNotAllowed, report);
        }

        private void Record(Finding finding)
        {
            if (finding.IsModel)
            {
                state.ModelUses.Record(finding.Model);
            }
        }

        private void ReportInventory(Location location, Finding finding, string findingId, Action<Diagnostic> report)
        {
            if (state.InventoryWanted)
            {
                report(MP0010Inventory.ForUse(location, finding, findingId));
            }
        }
    }
}
