using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0010: the hidden inventory entry of each model or endpoint use (code and configuration) and of each justified
    /// suppression, with the finding's properties plus Status, Reason and the id the use got. Created by
    /// <see cref="VerdictPipeline"/> and <see cref="MP0009UnjustifiedSuppression"/>. Docs: docs/rules/MP0010.md.
    /// </summary>
    internal static class MP0010Inventory
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.Inventory,
            "Model inventory entry",
            "{0} '{1}' ({2}): {3}",
            DiagnosticSeverity.Hidden,
            "One entry per model or endpoint use and per justified suppression, with vendor, origin, open weights and policy status as properties: build with -p:ErrorLog=inventory.sarif to get the inventory.");

        /// <param name="findingId">The diagnostic the use got, or for an allowed configuration value, MP0006 (the rule that judged it).</param>
        public static Diagnostic ForUse(Location location, Finding finding, string findingId)
        {
            var status = Status(finding.Verdict);
            var properties = finding.Properties.ToBuilder();
            properties[DiagnosticProperties.Status] = status;
            properties[DiagnosticProperties.Reason] = finding.Verdict.Reason;
            properties[DiagnosticProperties.FindingId] = findingId;
            return Diagnostic.Create(
                Descriptor,
                location,
                properties.ToImmutable(),
                finding.IsModel ? "Model" : "Endpoint",
                finding.Value,
                finding.Description,
                status + " (" + finding.Verdict.Reason + ")");
        }

        /// <summary>An entry for a justified suppression of a policy violation in a regulated scope.</summary>
        public static Diagnostic ForSuppression(Location location, string suppressed, string justification)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[DiagnosticProperties.Kind] = ValueKinds.Suppression;
            properties[DiagnosticProperties.Value] = suppressed;
            properties[DiagnosticProperties.Justification] = justification;
            properties[DiagnosticProperties.Status] = StatusValues.Suppressed;
            return Diagnostic.Create(Descriptor, location, properties.ToImmutable(), "Suppression", suppressed, "justified", justification);
        }

        private static string Status(Verdict verdict) => verdict.Kind switch
        {
            VerdictKind.Denied => StatusValues.Denied,
            VerdictKind.Unknown => StatusValues.Unknown,
            _ => StatusValues.Allowed,
        };
    }
}
