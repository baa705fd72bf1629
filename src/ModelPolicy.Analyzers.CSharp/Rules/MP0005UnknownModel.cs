using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0005: a value in a model position (an SDK's model parameter, a request-body "model" key) that the catalog does not
    /// know, under <c>model_policy.unknown_models = warn</c> (the default). Only <see cref="Sites.Evidence.ApiPosition"/>
    /// uses reach it (<see cref="CodeFrontEnd.ReportModel"/>). Fix: MoveToRouteCodeFixProvider. Docs: docs/rules/MP0005.md.
    /// </summary>
    internal static class MP0005UnknownModel
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.UnknownModel,
            "Unrecognized model id",
            "'{0}' is used as a model id but the catalog does not know it: add it to ModelCatalog.txt or allow it with model_policy.allowed_models",
            DiagnosticSeverity.Info,
            "The value is in a model position but matches no catalog family, so its origin cannot be judged. model_policy.unknown_models = deny makes this MP0002.");

        public static Diagnostic Create(Location location, Finding finding) =>
            Diagnostic.Create(Descriptor, location, finding.Properties, finding.Value);
    }
}
