using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
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
    /// <summary>
    /// What a regulated project's build can see of its own enforcement being switched off, once per compilation:
    /// <list type="bullet">
    /// <item>MP0011: repository catalog lines that re-attribute a built-in id, host or vendor (and an MP0010 entry each);</item>
    /// <item>MP0012: in a regulated scope, an enforced rule lowered or turned off (.editorconfig or global config severity,
    /// category or all-analyzer severity, NoWarn or a ruleset), or the regulated profile or a deny of an .editorconfig
    /// section set aside by a nested <c>root = true</c> file or a later section; with a written
    /// <c>model_policy.enforcement_exception</c> (or <c>ModelPolicyEnforcementException</c>) an MP0010 exception entry instead;</item>
    /// <item>MP0012 also: a denied model id or endpoint in a regulated file that a generated-code marker hides from the
    /// analyzer (an <c>&lt;auto-generated&gt;</c> header, a <c>.g.cs</c>/<c>.designer.cs</c> name, <c>generated_code = true</c>);</item>
    /// <item>MP0013: with an organisation floor (an AdditionalFile with <c>ModelPolicyFloor="true"</c>), every repository
    /// key that tries to relax it.</item>
    /// </list>
    /// What only MSBuild can see (RunAnalyzers=false, the analyzer removed from @(Analyzer)) the package's targets check.
    /// Used by <see cref="Analysis.ModelPolicyAnalyzer"/> at compilation end and by the modelpolicy CLI.
    /// </summary>
    public static partial class EnforcementAnalysis
    {
        /// <summary>AdditionalFiles metadata that marks an organisation's policy floor.</summary>
        public const string FloorMetadataKey = "build_metadata.AdditionalFiles.ModelPolicyFloor";

        /// <summary>The MSBuild property with the reason for a project-wide exception (NoWarn, a ruleset, a global config).</summary>
        public const string ExceptionPropertyKey = "build_property.ModelPolicyEnforcementException";

        private const string CategoryKey = "dotnet_analyzer_diagnostic.category-modelpolicy.severity";
        private const string AllAnalyzersKey = "dotnet_analyzer_diagnostic.severity";

        private static readonly string[] DeniedKeys =
        {
            PolicyKeys.DeniedOrigins, PolicyKeys.DeniedEndpointOrigins, PolicyKeys.DeniedVendors, PolicyKeys.DeniedModels, PolicyKeys.DeniedEndpoints,
        };

        /// <param name="catalog">The compilation's catalog when the caller has it; null to build it from the catalog files.</param>
        public static ImmutableArray<Diagnostic> Analyze(Compilation compilation, AnalyzerOptions options, ModelCatalog? catalog, CancellationToken cancellationToken)
        {
            var run = new Run(compilation, options, cancellationToken);
            run.ReadAdditionalFiles(catalog);
            run.CheckTrees();
            run.CheckProject();
            run.CheckSetAside();
            run.CheckGenerated();
            run.CheckCatalogOverrides();
            return run.Results.ToImmutable();
        }

        /// <summary>A file named ModelCatalog.txt or ModelCatalog.*.txt (any case).</summary>
        public static bool IsCatalogFile(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.StartsWith("ModelCatalog", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                && (name.Length == "ModelCatalog.txt".Length || name["ModelCatalog".Length] == '.');
        }

        internal static bool IsRegulatedWord(string? value) => value != null && string.Equals(value.Trim(), "regulated", StringComparison.OrdinalIgnoreCase);

        private static string? Reason(string? value) => string.IsNullOrWhiteSpace(value) ? null : value!.Trim();

        private static string Word(ReportDiagnostic value) => value switch
        {
            ReportDiagnostic.Suppress => "none",
            ReportDiagnostic.Hidden => "silent",
            ReportDiagnostic.Info => "suggestion",
            ReportDiagnostic.Warn => "warning",
            ReportDiagnostic.Error => "error",
            _ => "default",
        };

        private static bool Lowers(ReportDiagnostic value) =>
            value == ReportDiagnostic.Suppress || value == ReportDiagnostic.Hidden || value == ReportDiagnostic.Info || value == ReportDiagnostic.Warn;

        private static bool LowersWord(string? value) =>
            value != null && (value.Trim().Equals("none", StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("silent", StringComparison.OrdinalIgnoreCase)
                || value.Trim().Equals("suggestion", StringComparison.OrdinalIgnoreCase) || value.Trim().Equals("warning", StringComparison.OrdinalIgnoreCase));

        private static string Verb(string severity) => severity == "none" ? "turns off" : "lowers to " + severity;

        private sealed partial class Run
        {
            private readonly Compilation compilation;
            private readonly AnalyzerOptions options;
            private readonly CancellationToken cancellationToken;
            private readonly AnalyzerConfigOptionsProvider provider;
            private readonly string? projectProfile;
            private readonly bool projectRegulated;
            private readonly string? projectException;
            private readonly List<KeyValuePair<string, SourceText>> catalogFiles = new List<KeyValuePair<string, SourceText>>();
            private readonly List<PolicyFloor> floors = new List<PolicyFloor>();
            private readonly List<EditorConfigText> configs = new List<EditorConfigText>();
            private readonly Dictionary<string, Finding> findings = new Dictionary<string, Finding>(StringComparer.Ordinal);
            private readonly List<string> findingOrder = new List<string>();
            private readonly Dictionary<SyntaxTree, TreeState> trees = new Dictionary<SyntaxTree, TreeState>();
            private ModelCatalog catalog = ModelCatalog.Builtin;

            public Run(Compilation compilation, AnalyzerOptions options, CancellationToken cancellationToken)
            {
                this.compilation = compilation;
                this.options = options;
                this.cancellationToken = cancellationToken;
                provider = options.AnalyzerConfigOptionsProvider;
                provider.GlobalOptions.TryGetValue(PolicyKeys.ProfileBuildProperty, out projectProfile);
                projectRegulated = IsRegulatedWord(projectProfile);
                provider.GlobalOptions.TryGetValue(ExceptionPropertyKey, out var property);
                provider.GlobalOptions.TryGetValue(PolicyKeys.EnforcementException, out var globalKey);
                projectException = Reason(property) ?? Reason(globalKey);
                InventoryWanted = provider.GlobalOptions.TryGetValue(BuildProperties.Inventory, out var inventory) && string.Equals(inventory?.Trim(), "true", StringComparison.OrdinalIgnoreCase);
            }

            /// <summary>MP0010 entries (overrides, exceptions) only when an inventory is asked for, as for every other entry.</summary>
            public bool InventoryWanted { get; }

            public ImmutableArray<Diagnostic>.Builder Results { get; } = ImmutableArray.CreateBuilder<Diagnostic>();

            private bool AnyRegulated => projectRegulated || trees.Values.Any(t => t.Regulated);

            public void ReadAdditionalFiles(ModelCatalog? known)
            {
                foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    var isCatalog = IsCatalogFile(file.Path);
                    var isFloor = provider.GetOptions(file).TryGetValue(FloorMetadataKey, out var floor) && string.Equals(floor, "true", StringComparison.OrdinalIgnoreCase);
                    var isConfig = EditorConfigText.IsConfigFile(file.Path);
                    if (!isCatalog && !isFloor && !isConfig)
                    {
                        continue;
                    }

                    var text = file.GetText(cancellationToken);
                    if (text == null)
                    {
                        continue;
                    }

                    if (isFloor)
                    {
                        floors.Add(PolicyFloor.Parse(file.Path, text.ToString()));
                    }
                    else if (isCatalog)
                    {
                        catalogFiles.Add(new KeyValuePair<string, SourceText>(file.Path, text));
                    }
                    else
                    {
                        configs.Add(EditorConfigText.Parse(file.Path, text));
                    }
                }

                catalog = known ?? (catalogFiles.Count == 0
                    ? ModelCatalog.Builtin
                    : ModelCatalog.Extend(ModelCatalog.Builtin, catalogFiles.Select(f => new KeyValuePair<string, string>(f.Key, f.Value.ToString()))));
            }

            /// <summary>Per file: is it regulated (by the project, its .editorconfig or a floor); the per-file severities; the floor relaxations.</summary>
            public void CheckTrees()
            {
                var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
                foreach (var tree in compilation.SyntaxTrees)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var treeConfig = provider.GetOptions(tree);
                    var keys = treeConfig.Keys
                        .Where(k => k.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase))
                        .Select(k => new KeyValuePair<string, string>(k, treeConfig.TryGetValue(k, out var v) ? v : string.Empty))
                        .ToList();
                    var profile = keys.FirstOrDefault(k => string.Equals(k.Key, PolicyKeys.Profile, StringComparison.OrdinalIgnoreCase)).Value;
                    var floorSettings = floors.Select(f => (Floor: f, Settings: f.SettingsFor(tree.FilePath, catalog))).ToList();
                    treeConfig.TryGetValue(PolicyKeys.EnforcementException, out var exception);
                    var state = new TreeState(
                        tree,
                        keys,
                        projectRegulated || IsRegulatedWord(profile) || floorSettings.Any(f => f.Settings.IsRegulated),
                        Reason(exception) ?? projectException);
                    trees.Add(tree, state);

                    foreach (var (floor, settings) in floorSettings)
                    {
                        foreach (var relaxation in PolicyLevels.FindRelaxations(keys, projectProfile, settings, System.IO.Path.GetFileName(floor.Path), catalog))
                        {
                            var location = relaxation.Key.StartsWith(PolicyKeys.Prefix, StringComparison.Ordinal) ? KeyLocation(tree.FilePath, relaxation.Key) : null;
                            var where = relaxation.Key.StartsWith(PolicyKeys.Prefix, StringComparison.Ordinal) ? "the .editorconfig that applies to" : "the project of";
                            Add(MP0013PolicyFloorRelaxed.Descriptor, relaxation.ToString(), where, tree.FilePath, location, exception: null, setting: relaxation.Key + " = " + relaxation.Value);
                        }
                    }

                    if (!state.Regulated)
                    {
                        continue;
                    }

                    var perId = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var rule in RuleIdentifiers.EnforcedRules)
                    {
                        if (treeOptions != null && treeOptions.TryGetDiagnosticValue(tree, rule, cancellationToken, out var value))
                        {
                            perId.Add(rule);
                            if (Lowers(value))
                            {
                                var key = "dotnet_diagnostic." + rule + ".severity";
                                AddSetting(key + " = " + Word(value), Verb(Word(value)) + " " + rule, "the .editorconfig that applies to", tree.FilePath, KeyLocation(tree.FilePath, key), state.Exception);
                            }
                        }
                        else if (treeOptions != null && treeOptions.TryGetGlobalDiagnosticValue(rule, cancellationToken, out _))
                        {
                            perId.Add(rule);
                        }
                    }

                    foreach (var bulk in new[] { CategoryKey, AllAnalyzersKey })
                    {
                        if (treeConfig.TryGetValue(bulk, out var value) && LowersWord(value))
                        {
                            var rules = RuleIdentifiers.EnforcedRules.Where(r => !perId.Contains(r)).ToList();
                            if (rules.Count > 0)
                            {
                                var shown = bulk == CategoryKey ? "dotnet_analyzer_diagnostic.category-ModelPolicy.severity" : bulk;
                                var fromGlobal = provider.GlobalOptions.TryGetValue(bulk, out var globalValue) && globalValue == value;
                                AddSetting(
                                    shown + " = " + value.Trim().ToLowerInvariant(),
                                    Verb(value.Trim().ToLowerInvariant()) + " the ModelPolicy rules (" + string.Join(", ", rules) + ", and the MP0010 inventory)",
                                    fromGlobal ? "a global analyzer config of the project of" : "the .editorconfig that applies to",
                                    tree.FilePath,
                                    fromGlobal ? GlobalKeyLocation(bulk) : KeyLocation(tree.FilePath, bulk),
                                    fromGlobal ? projectException : state.Exception);
                            }
                        }
                    }
                }
            }

            /// <summary>Project-wide settings, once, when any file is regulated: global config severities, NoWarn and rulesets.</summary>
            public void CheckProject()
            {
                if (!AnyRegulated)
                {
                    return;
                }

                var first = trees.Values.FirstOrDefault(t => t.Regulated)?.Tree.FilePath ?? compilation.AssemblyName ?? "the project";
                var treeOptions = compilation.Options.SyntaxTreeOptionsProvider;
                foreach (var rule in RuleIdentifiers.EnforcedRules)
                {
                    if (treeOptions != null && treeOptions.TryGetGlobalDiagnosticValue(rule, cancellationToken, out var global) && Lowers(global))
                    {
                        var key = "dotnet_diagnostic." + rule + ".severity";
                        AddSetting(key + " = " + Word(global), Verb(Word(global)) + " " + rule, "a global analyzer config of the project of", first, GlobalKeyLocation(key), projectException);
                    }

                    if (compilation.Options.SpecificDiagnosticOptions.TryGetValue(rule, out var specific) && Lowers(specific))
                    {
                        var setting = specific == ReportDiagnostic.Suppress ? "NoWarn " + rule : "a ruleset or -warnaserror- setting " + rule + " to " + Word(specific);
                        AddSetting(setting, Verb(Word(specific)) + " " + rule, "the project of", first, null, projectException);
                    }
                }
            }

            private void AddSetting(string setting, string what, string where, string path, Location? location, string? exception, string scope = " in a regulated scope")
            {
                Add(MP0012EnforcementDisabled.Descriptor, "'" + setting + "' " + what + scope, where, path, location, exception, setting);
            }

            private void Add(DiagnosticDescriptor rule, string text, string where, string path, Location? location, string? exception, string setting)
            {
                var key = rule.Id + "\0" + text + "\0" + (location == null ? string.Empty : location.GetLineSpan().ToString());
                if (findings.TryGetValue(key, out var existing))
                {
                    existing.Count++;
                    return;
                }

                findings.Add(key, new Finding(rule, text, where, path, location ?? Location.None, exception, setting));
                findingOrder.Add(key);
            }

            /// <summary>The line that sets the key for the file: the nearest .editorconfig above it, its last section that applies.</summary>
            private Location? KeyLocation(string path, string key)
            {
                foreach (var config in configs.Where(c => !c.IsGlobal && c.IsAbove(path)).OrderByDescending(c => c.Directory.Length))
                {
                    var entry = config.Sections
                        .Where(s => s.Glob != null && config.Applies(s, path))
                        .SelectMany(s => s.Entries)
                        .LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
                    if (entry != null)
                    {
                        return config.LocationOf(entry);
                    }

                    if (config.IsRoot)
                    {
                        break;
                    }
                }

                return null;
            }

            private Location? GlobalKeyLocation(string key)
            {
                foreach (var config in configs.Where(c => c.IsGlobal))
                {
                    var entry = config.Sections[0].Entries.LastOrDefault(e => string.Equals(e.Key, key, StringComparison.OrdinalIgnoreCase));
                    if (entry != null)
                    {
                        return config.LocationOf(entry);
                    }
                }

                return null;
            }

        }
    }
}
