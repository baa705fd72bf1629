using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Json;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0008: configuration the analyzer cannot use, reported at compilation end where it is: a bad model_policy.* value
    /// or ModelPolicyProfile (read by <see cref="FilePolicies"/>; the compiler does not say which .editorconfig, so the
    /// message names the key, the value and a file it applies to), a bad ModelCatalog*.txt line (at its line and
    /// column), a configuration file that is not valid JSON (at its first error). Docs: docs/rules/MP0008.md.
    /// </summary>
    internal static class MP0008InvalidPolicy
    {
        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.InvalidPolicy,
            "Invalid model policy configuration",
            "Invalid model policy configuration: {0}",
            DiagnosticSeverity.Warning,
            "A model_policy.* value in .editorconfig, the ModelPolicyProfile property, a line of a ModelCatalog.txt file or a configuration file's JSON is not valid; it is ignored until fixed.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The bad policy values and catalog lines of the compilation, in a stable order.</summary>
        public static IEnumerable<Diagnostic> PolicyAndCatalogErrors(CompilationState state)
        {
            foreach (var bad in state.Policies.Errors)
            {
                yield return Diagnostic.Create(
                    Descriptor,
                    Location.None,
                    "'" + bad.Error.Key + " = " + bad.Error.Value + "' (in the .editorconfig that applies to " + bad.Path + "): " + bad.Error.Message);
            }

            foreach (var error in state.Catalog.Errors)
            {
                var source = state.CatalogSources.FirstOrDefault(f => f.Path == error.Path);
                var location = Location.None;
                if (source.Text != null && error.Line - 1 < source.Text.Lines.Count)
                {
                    var line = source.Text.Lines[error.Line - 1];
                    var start = Math.Min(line.Start + error.Column, line.End);
                    var span = new TextSpan(start, Math.Max(0, Math.Min(error.Length, line.End - start)));
                    location = Location.Create(error.Path, span, source.Text.Lines.GetLinePositionSpan(span));
                }

                yield return Diagnostic.Create(Descriptor, location, error.Path + " line " + error.Line + ": " + error.Message);
            }
        }

        /// <summary>A configuration file that is not valid JSON: at its first error.</summary>
        public static Diagnostic MalformedJson(string path, SourceText text, JsonParseError error)
        {
            var start = Math.Min(error.Offset, text.Length);
            var span = new TextSpan(start, start < text.Length ? 1 : 0);
            return Diagnostic.Create(
                Descriptor,
                Location.Create(path, span, text.Lines.GetLinePositionSpan(span)),
                path + "(" + error.Line + "," + error.Column + ") is not valid JSON, so its model ids and endpoints cannot be judged: " + error.Message);
        }
    }
}
