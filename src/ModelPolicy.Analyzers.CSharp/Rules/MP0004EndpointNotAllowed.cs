using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0004: an endpoint in code whose host the policy denies. The verdict is <see cref="PolicyEvaluator.EvaluateEndpoint"/>
    /// (Core: denied/allowed endpoints, then the operator's country); <see cref="VerdictPipeline.ReportCodeFinding"/> makes
    /// it this diagnostic, an error in a regulated scope. Fix: MoveToRouteCodeFixProvider. Docs: docs/rules/MP0004.md.
    /// </summary>
    internal static class MP0004EndpointNotAllowed
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.EndpointNotAllowed,
            "Endpoint not allowed by the model policy",
            "Endpoint '{0}' ({1}) is not allowed here: {2}",
            DiagnosticSeverity.Warning,
            "The model-origin policy in force for this file does not allow sending prompts to this host. In a regulated profile this is an error.");

        public static Diagnostic Create(Location location, Finding finding, ModelPolicySettings policy) =>
            Diagnostic.Create(Descriptor, location, Descriptors.ViolationSeverity(policy), null, finding.Properties, finding.Value, finding.Description, finding.Verdict.Reason);
    }
}
