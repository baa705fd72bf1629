using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0006: a model id or endpoint in a configuration file (appsettings*.json, or JSON marked ModelPolicyConfig) that the
    /// policy of the file's folder denies. Values are found by <see cref="ConfigurationFrontEnd"/> and judged by the same
    /// <see cref="VerdictPipeline"/> as code; an error in a regulated scope. No code fix (edit the file). Docs: docs/rules/MP0006.md.
    /// </summary>
    internal static class MP0006ConfigurationNotAllowed
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.ConfigurationNotAllowed,
            "Model or endpoint in a configuration file not allowed by the model policy",
            "{0} '{1}' ({2}) at {3} is not allowed here: {4}",
            DiagnosticSeverity.Warning,
            "A model id or endpoint in appsettings*.json (or a JSON file added with ModelPolicyConfig=\"true\") is judged by the policy of the folder the file sits in. In a regulated profile this is an error.");

        /// <param name="configurationPath">The value's configuration path, <c>ModelRoutes:chat:Model</c>.</param>
        public static Diagnostic Create(Location location, Finding finding, string configurationPath, ModelPolicySettings policy) =>
            Diagnostic.Create(
                Descriptor,
                location,
                Descriptors.ViolationSeverity(policy),
                null,
                finding.Properties,
                finding.IsModel ? "Model" : "Endpoint",
                finding.Value,
                finding.Description,
                configurationPath,
                finding.Verdict.Reason);
    }
}
