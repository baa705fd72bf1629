using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>
    /// What one compilation needs to judge literals: the catalog (built-in, extended by the project's
    /// ModelCatalog*.txt files) and the policy of each file, parsed once per distinct set of
    /// .editorconfig options. Bad values are kept to be reported once, as MP0008.
    /// </summary>
    internal sealed class PolicyCache
    {
        // Catalogs extended by the same files are shared across compilations (the IDE makes one per edit).
        private static readonly ConcurrentDictionary<string, ModelCatalog> ExtendedCatalogs = new ConcurrentDictionary<string, ModelCatalog>(StringComparer.Ordinal);

        private readonly ConditionalWeakTable<AnalyzerConfigOptions, PolicyResult> policies = new ConditionalWeakTable<AnalyzerConfigOptions, PolicyResult>();
        private readonly ConcurrentDictionary<PolicyError, string> policyErrors = new ConcurrentDictionary<PolicyError, string>();
        private readonly ConcurrentDictionary<string, int> modelUses = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);
        private volatile bool diversificationWanted = true;
        private readonly AnalyzerConfigOptionsProvider optionsProvider;
        private readonly string? projectProfile;

        private PolicyCache(ModelCatalog catalog, ImmutableArray<CatalogSource> catalogFiles, AnalyzerConfigOptionsProvider optionsProvider)
        {
            Catalog = catalog;
            CatalogFiles = catalogFiles;
            this.optionsProvider = optionsProvider;
            optionsProvider.GlobalOptions.TryGetValue(PolicyKeys.ProfileBuildProperty, out projectProfile);
        }

        public ModelCatalog Catalog { get; }

        public ImmutableArray<CatalogSource> CatalogFiles { get; }

        public static PolicyCache Create(AnalyzerOptions options, CancellationToken cancellationToken)
        {
            var files = ImmutableArray.CreateBuilder<CatalogSource>();
            foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (IsCatalogFile(file.Path))
                {
                    var text = file.GetText(cancellationToken);
                    if (text != null)
                    {
                        files.Add(new CatalogSource(file.Path, text));
                    }
                }
            }

            var sources = files.ToImmutable();
            var catalog = ModelCatalog.Builtin;
            if (sources.Length > 0)
            {
                var key = string.Join("\n", sources.Select(s => s.Path + "\0" + Checksum(s.Text)));
                catalog = ExtendedCatalogs.GetOrAdd(key, _ => ModelCatalog.Extend(ModelCatalog.Builtin, sources.Select(s => new KeyValuePair<string, string>(s.Path, s.Text.ToString()))));
                if (ExtendedCatalogs.Count > 16)
                {
                    ExtendedCatalogs.Clear();
                }
            }

            return new PolicyCache(catalog, sources, options.AnalyzerConfigOptionsProvider);
        }

        /// <summary>A file named ModelCatalog.txt or ModelCatalog.*.txt (any case).</summary>
        public static bool IsCatalogFile(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.StartsWith("ModelCatalog", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                && (name.Length == "ModelCatalog.txt".Length || name["ModelCatalog".Length] == '.');
        }

        public ModelPolicySettings GetPolicy(SyntaxTree tree) => GetPolicy(optionsProvider.GetOptions(tree), tree.FilePath);

        /// <summary>
        /// The policy for a configuration file: its own .editorconfig sections where they set any model_policy key,
        /// else those of the C# file nearest to it (<c>[Payments/**.cs]</c> sections name C# files only, yet a
        /// Payments/appsettings.json is under the Payments policy).
        /// </summary>
        public ModelPolicySettings GetPolicy(AdditionalText file, Compilation compilation)
        {
            var options = optionsProvider.GetOptions(file);
            if (options.Keys.Any(k => k.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase)))
            {
                return GetPolicy(options, file.Path);
            }

            var directory = System.IO.Path.GetDirectoryName(file.Path) ?? string.Empty;
            SyntaxTree? nearest = null;
            var nearestLength = -1;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var treeDirectory = System.IO.Path.GetDirectoryName(tree.FilePath) ?? string.Empty;
                var common = CommonPrefixLength(directory, treeDirectory);
                if (common > nearestLength || (common == nearestLength && treeDirectory.Length < (System.IO.Path.GetDirectoryName(nearest!.FilePath) ?? string.Empty).Length))
                {
                    nearest = tree;
                    nearestLength = common;
                }
            }

            return nearest == null ? GetPolicy(options, file.Path) : GetPolicy(nearest);
        }

        /// <summary>Counts model uses by vendor, for the project-level diversification check.</summary>
        public void RecordModelUse(ModelMatch? match)
        {
            if (match != null)
            {
                modelUses.AddOrUpdate(match.Vendor.Name, 1, (_, n) => n + 1);
            }
        }

        /// <summary>
        /// MP0007 when every model use of the project (code and configuration) comes from one vendor; off when any
        /// policy of the project sets <c>model_policy.diversification = off</c>.
        /// </summary>
        public Diagnostic? GetProjectDiversification()
        {
            if (modelUses.Count != 1)
            {
                return null;
            }

            var only = modelUses.First();
            return only.Value < 2 || !diversificationWanted
                ? null
                : Diagnostic.Create(Rules.Diversification, Location.None, "Every model this project uses (" + only.Value + " uses) comes from " + only.Key + ": add a route or fallback from another vendor");
        }

        private static int CommonPrefixLength(string a, string b)
        {
            var n = Math.Min(a.Length, b.Length);
            var i = 0;
            while (i < n && a[i] == b[i])
            {
                i++;
            }

            return i;
        }

        private ModelPolicySettings GetPolicy(AnalyzerConfigOptions options, string path)
        {
            if (!policies.TryGetValue(options, out var result))
            {
                result = policies.GetValue(options, o => PolicyReader.Read(ReadOptions(o), projectProfile, Catalog));
                foreach (var error in result.Errors)
                {
                    policyErrors.TryAdd(error, path);
                }

                if (result.Settings.Diversification == Diversification.Off)
                {
                    diversificationWanted = false;
                }
            }

            return result.Settings;
        }

        /// <summary>MP0008 for each bad policy value met, and each bad catalog line, in a stable order.</summary>
        public IEnumerable<Diagnostic> GetConfigurationDiagnostics()
        {
            foreach (var pair in policyErrors.OrderBy(p => p.Key.Key, StringComparer.Ordinal).ThenBy(p => p.Key.Value, StringComparer.Ordinal))
            {
                var error = pair.Key;
                yield return Diagnostic.Create(
                    Rules.InvalidPolicy,
                    Location.None,
                    "'" + error.Key + " = " + error.Value + "' (in the .editorconfig that applies to " + pair.Value + "): " + error.Message);
            }

            foreach (var error in Catalog.Errors)
            {
                var source = CatalogFiles.FirstOrDefault(f => f.Path == error.Path);
                var location = Location.None;
                if (source.Text != null && error.Line - 1 < source.Text.Lines.Count)
                {
                    var line = source.Text.Lines[error.Line - 1];
                    var start = Math.Min(line.Start + error.Column, line.End);
                    var span = new TextSpan(start, Math.Max(0, Math.Min(error.Length, line.End - start)));
                    location = Location.Create(error.Path, span, source.Text.Lines.GetLinePositionSpan(span));
                }

                yield return Diagnostic.Create(Rules.InvalidPolicy, location, error.Path + " line " + error.Line + ": " + error.Message);
            }
        }

        private static IEnumerable<KeyValuePair<string, string>> ReadOptions(AnalyzerConfigOptions options)
        {
            foreach (var key in options.Keys)
            {
                if (key.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase) && options.TryGetValue(key, out var value))
                {
                    yield return new KeyValuePair<string, string>(key, value);
                }
            }
        }

        private static string Checksum(SourceText text) => Convert.ToBase64String(text.GetChecksum().ToArray());

        internal readonly struct CatalogSource
        {
            public CatalogSource(string path, SourceText text)
            {
                Path = path;
                Text = text;
            }

            public string Path { get; }

            public SourceText Text { get; }
        }
    }
}
