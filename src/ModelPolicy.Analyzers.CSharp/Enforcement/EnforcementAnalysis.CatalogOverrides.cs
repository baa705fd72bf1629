using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Rules;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Enforcement
{
    public static partial class EnforcementAnalysis
    {
        private sealed partial class Run
        {
            /// <summary>MP0011 at each repository catalog line that overrides a built-in attribution, and its MP0010 entry.</summary>
            public void CheckCatalogOverrides()
            {
                var regulated = AnyRegulated;
                foreach (var item in catalog.Overrides)
                {
                    var location = CatalogLocation(item.Origin);
                    var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                    properties[DiagnosticProperties.Kind] = ValueKinds.CatalogOverride;
                    properties[DiagnosticProperties.Value] = item.Value;
                    properties[DiagnosticProperties.Vendor] = item.Vendor;
                    properties[DiagnosticProperties.Country] = item.Country;
                    if (item.OpenWeights != null)
                    {
                        properties[DiagnosticProperties.OpenWeights] = item.OpenWeights.Value ? "true" : "false";
                    }

                    properties[DiagnosticProperties.CatalogLine] = item.Origin.ToString();
                    properties[DiagnosticProperties.BuiltinAttribution] = item.DescribeBuiltin();
                    properties[DiagnosticProperties.Status] = StatusValues.Overridden;
                    if (item.Reason != null)
                    {
                        properties[DiagnosticProperties.Justification] = item.Reason;
                    }

                    var severity = item.Reason != null ? DiagnosticSeverity.Info : regulated ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
                    var message = item + (item.Reason != null
                        ? " (reason: " + item.Reason + ")"
                        : regulated
                            ? ": in a regulated scope a built-in attribution may only be overridden with a reason= on the line"
                            : ": every use of it is judged as this line says");
                    Results.Add(Diagnostic.Create(MP0011CatalogOverride.Descriptor, location, severity, null, properties.ToImmutable(), message));
                    if (!InventoryWanted)
                    {
                        continue;
                    }

                    Results.Add(Diagnostic.Create(
                        MP0010Inventory.Descriptor,
                        location,
                        properties.ToImmutable(),
                        "Catalog override",
                        item.Value,
                        item.DescribeOverride() + ", built-in: " + item.DescribeBuiltin(),
                        StatusValues.Overridden + " (" + System.IO.Path.GetFileName(item.Origin.Path) + " line " + item.Origin.Line + (item.Reason == null ? string.Empty : "; " + item.Reason) + ")"));
                }

                foreach (var finding in findingOrder.Select(k => findings[k]))
                {
                    var diagnostic = finding.ToDiagnostic();
                    if (diagnostic.Id != RuleIdentifiers.Inventory || InventoryWanted)
                    {
                        Results.Add(diagnostic);
                    }
                }
            }

            private Location CatalogLocation(CatalogOrigin origin)
            {
                foreach (var file in catalogFiles)
                {
                    if (file.Key == origin.Path && origin.Line - 1 < file.Value.Lines.Count)
                    {
                        var line = file.Value.Lines[origin.Line - 1];
                        return Location.Create(origin.Path, line.Span, file.Value.Lines.GetLinePositionSpan(line.Span));
                    }
                }

                return Location.None;
            }
        }
    }
}
