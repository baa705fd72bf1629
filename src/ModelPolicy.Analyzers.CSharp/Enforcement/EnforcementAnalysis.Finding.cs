using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Rules;

namespace ModelPolicy.Analyzers.Enforcement
{
    public static partial class EnforcementAnalysis
    {
        private sealed class TreeState
        {
            private readonly List<KeyValuePair<string, string>> keys;

            public TreeState(SyntaxTree tree, List<KeyValuePair<string, string>> keys, bool regulated, string? exception)
            {
                Tree = tree;
                this.keys = keys;
                Regulated = regulated;
                Exception = exception;
            }

            public SyntaxTree Tree { get; }

            public List<KeyValuePair<string, string>> Keys => keys;

            public bool Regulated { get; }

            public string? Exception { get; }

            public string? Value(string key)
            {
                foreach (var pair in keys)
                {
                    if (string.Equals(pair.Key, key, StringComparison.OrdinalIgnoreCase))
                    {
                        return pair.Value;
                    }
                }

                return null;
            }
        }

        /// <summary>One setting found, with the first file it applies to and how many others.</summary>
        private sealed class Finding
        {
            private readonly DiagnosticDescriptor rule;
            private readonly string text;
            private readonly string where;
            private readonly string path;
            private readonly Location location;
            private readonly string? exception;
            private readonly string setting;

            public Finding(DiagnosticDescriptor rule, string text, string where, string path, Location location, string? exception, string setting)
            {
                this.rule = rule;
                this.text = text;
                this.where = where;
                this.path = path;
                this.location = location;
                this.exception = exception;
                this.setting = setting;
            }

            public int Count { get; set; }

            public Diagnostic ToDiagnostic()
            {
                var scope = "(" + where + " " + path + (Count == 0 ? string.Empty : " and " + Count + " other file" + (Count == 1 ? string.Empty : "s")) + ")";
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties[DiagnosticProperties.Setting] = setting;
                if (exception != null && rule.Id == RuleIdentifiers.EnforcementDisabled)
                {
                    properties[DiagnosticProperties.Kind] = ValueKinds.EnforcementException;
                    properties[DiagnosticProperties.Value] = setting;
                    properties[DiagnosticProperties.Justification] = exception;
                    properties[DiagnosticProperties.Status] = StatusValues.Suppressed;
                    return Diagnostic.Create(MP0010Inventory.Descriptor, location, properties.ToImmutable(), "Enforcement exception", setting, text + " " + scope, exception);
                }

                var advice = rule.Id == RuleIdentifiers.EnforcementDisabled
                    ? ": a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"
                    : ": the organisation policy still applies; remove the key or make it at least as strict";
                return Diagnostic.Create(rule, location, properties.ToImmutable(), text + " " + scope + advice);
            }
        }
    }
}
