using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0002: a model id in code that the policy in force for the file denies. The verdict is
    /// <see cref="PolicyEvaluator.EvaluateModel"/> (Core: precedence of models, vendors, origins, open weights, unknown ids);
    /// <see cref="VerdictPipeline.ReportCodeFinding"/> turns a denied model verdict into this diagnostic, an error in a
    /// regulated scope. Fixes: MoveToRouteCodeFixProvider, ReplaceModelCodeFixProvider. Docs: docs/rules/MP0002.md.
    /// </summary>
    internal static class MP0002ModelNotAllowed
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.ModelNotAllowed,
            "Model not allowed by the model policy",
            "'{0}' ({1}) is not allowed here: {2}",
            DiagnosticSeverity.Warning,
            "The model-origin policy in force for this file (.editorconfig model_policy.* keys) does not allow this model. In a regulated profile this is an error.");

        public static Diagnostic Create(Location location, Finding finding, ModelPolicySettings policy) =>
            Diagnostic.Create(Descriptor, location, Descriptors.ViolationSeverity(policy), null, finding.Properties, finding.Value, finding.Description, finding.Verdict.Reason);
    }
}
