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
            /// <summary>
            /// A regulated file the analyzer skips as generated (outside obj/) that holds a model id or endpoint its policy
            /// (and any floor) denies: the marker would hide a violation. Reported without a location, which in generated
            /// code would be dropped.
            /// </summary>
            public void CheckGenerated()
            {
                var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
                foreach (var state in trees.Values.Where(t => t.Regulated))
                {
                    var tree = state.Tree;
                    var path = tree.FilePath.Replace('\\', '/');
                    if (path.Length == 0 || path.IndexOf("/obj/", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        continue;
                    }

                    var marker = GeneratedMarker(tree, treeOptions);
                    if (marker == null)
                    {
                        continue;
                    }

                    var policy = PolicyReader.Read(state.Keys, projectProfile, catalog).Settings;
                    var floorPolicies = floors.Select(f => f.SettingsFor(tree.FilePath, catalog)).ToList();
                    foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
                    {
                        if (!token.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StringLiteralToken))
                        {
                            continue;
                        }

                        var value = token.ValueText;
                        var verdict = Judge(value, policy, floorPolicies, out var shown);
                        if (verdict != null)
                        {
                            var line = token.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
                            AddSetting(
                                marker,
                                "marks the file as generated, so the analyzer skips it, and it holds " + shown + " (line " + line + "), which the policy denies: " + verdict.Reason,
                                "in",
                                tree.FilePath,
                                null,
                                state.Exception);
                        }
                    }
                }
            }

            private Verdict? Judge(string value, ModelPolicySettings policy, List<ModelPolicySettings> floorPolicies, out string shown)
            {
                shown = "'" + value + "'";
                if (UrlText.TryGetHost(value, 0, value.Length, out var start, out var length, out _))
                {
                    var host = value.Substring(start, length).ToLowerInvariant();
                    var entry = catalog.MatchHost(host);
                    shown = "endpoint '" + host + "'";
                    foreach (var level in floorPolicies.Append(policy))
                    {
                        var verdict = PolicyEvaluator.EvaluateEndpoint(level, host, entry);
                        if (verdict.IsDenied)
                        {
                            return verdict;
                        }
                    }

                    return null;
                }

                var match = ModelIdShape.IsPlausible(value) ? catalog.MatchModel(value) : null;
                if (match == null || match.PositionOnly)
                {
                    return null;
                }

                foreach (var level in floorPolicies.Append(policy))
                {
                    var verdict = PolicyEvaluator.EvaluateModel(level, value, match);
                    if (verdict.IsDenied)
                    {
                        return verdict;
                    }
                }

                return null;
            }

            private string? GeneratedMarker(SyntaxTree tree, SyntaxTreeOptionsProvider? treeOptions)
            {
                if (treeOptions != null && treeOptions.IsGenerated(tree, cancellationToken) == GeneratedKind.MarkedGenerated)
                {
                    return "generated_code = true";
                }

                var name = System.IO.Path.GetFileName(tree.FilePath);
                foreach (var suffix in new[] { ".designer.cs", ".generated.cs", ".g.cs", ".g.i.cs" })
                {
                    if (name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
                    {
                        return "the file name " + name;
                    }
                }

                if (name.StartsWith("TemporaryGeneratedFile_", StringComparison.OrdinalIgnoreCase))
                {
                    return "the file name " + name;
                }

                foreach (var trivia in tree.GetRoot(cancellationToken).GetLeadingTrivia())
                {
                    var text = trivia.ToString();
                    if (text.IndexOf("<auto-generated", StringComparison.OrdinalIgnoreCase) >= 0 || text.IndexOf("<autogenerated", StringComparison.OrdinalIgnoreCase) >= 0)
                    {
                        return "an <auto-generated> header";
                    }
                }

                return null;
            }
        }
    }
}
