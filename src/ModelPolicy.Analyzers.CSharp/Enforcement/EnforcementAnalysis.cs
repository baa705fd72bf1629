using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
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
    public static class EnforcementAnalysis
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

        private sealed class Run
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
            }

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
                            Add(Rules.PolicyFloorRelaxed, relaxation.ToString(), where, tree.FilePath, location, exception: null, setting: relaxation.Key + " = " + relaxation.Value);
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

            /// <summary>
            /// An .editorconfig section that makes files regulated, or denies something in a regulated file, set aside
            /// for some of them by a nested <c>root = true</c> file or a later section.
            /// </summary>
            public void CheckSetAside()
            {
                foreach (var config in configs.Where(c => !c.IsGlobal))
                {
                    foreach (var section in config.Sections.Where(s => s.Glob != null))
                    {
                        foreach (var entry in section.Entries)
                        {
                            var isProfile = entry.Key == PolicyKeys.Profile && IsRegulatedWord(entry.Value);
                            var isDeny = Array.IndexOf(DeniedKeys, entry.Key) >= 0;
                            if (!isProfile && !isDeny)
                            {
                                continue;
                            }

                            foreach (var state in trees.Values)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                if (!config.Applies(section, state.Tree.FilePath))
                                {
                                    continue;
                                }

                                var setting = entry.Key + " = " + entry.Value;
                                var at = System.IO.Path.GetFileName(config.Path) + " line " + (entry.Line + 1) + " [" + section.Glob + "]";
                                if (isProfile && !state.Regulated)
                                {
                                    var now = state.Value(PolicyKeys.Profile);
                                    AddSetting(
                                        setting + " (" + at + ")",
                                        "is set aside" + (now == null ? " (no profile is in force)" : " (the profile in force is '" + now + "')") + " by a nested .editorconfig with root = true or a later section",
                                        "for",
                                        state.Tree.FilePath,
                                        config.LocationOf(entry),
                                        state.Exception,
                                        scope: string.Empty);
                                }
                                else if (isDeny && state.Regulated)
                                {
                                    var lost = Lost(entry.Key, entry.Value, state.Value(entry.Key));
                                    if (lost.Count > 0)
                                    {
                                        AddSetting(
                                            setting + " (" + at + ")",
                                            "is relaxed (" + string.Join(", ", lost) + " no longer denied; in force: '" + (state.Value(entry.Key) ?? "unset") + "') by a nested .editorconfig with root = true or a later section",
                                            "for",
                                            state.Tree.FilePath,
                                            config.LocationOf(entry),
                                            state.Exception);
                                    }
                                }
                            }
                        }
                    }
                }
            }

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
                    Results.Add(Diagnostic.Create(Rules.CatalogOverride, location, severity, null, properties.ToImmutable(), message));
                    Results.Add(Diagnostic.Create(
                        Rules.Inventory,
                        location,
                        properties.ToImmutable(),
                        "Catalog override",
                        item.Value,
                        item.DescribeOverride() + ", built-in: " + item.DescribeBuiltin(),
                        StatusValues.Overridden + " (" + System.IO.Path.GetFileName(item.Origin.Path) + " line " + item.Origin.Line + (item.Reason == null ? string.Empty : "; " + item.Reason) + ")"));
                }

                foreach (var finding in findingOrder.Select(k => findings[k]))
                {
                    Results.Add(finding.ToDiagnostic());
                }
            }

            private static List<string> Lost(string key, string declared, string? effective)
            {
                var was = Items(key, declared);
                var now = Items(key, effective ?? string.Empty);
                return was.Where(w => !now.Contains(w)).OrderBy(w => w, StringComparer.Ordinal).ToList();
            }

            private static HashSet<string> Items(string key, string value)
            {
                var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var trimmed = value.Trim();
                if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    return set;
                }

                foreach (var part in trimmed.Split(','))
                {
                    var item = part.Trim();
                    if (item.Length == 0)
                    {
                        continue;
                    }

                    if (!(key.EndsWith("origins", StringComparison.Ordinal) && Countries.TryExpand(item, set)))
                    {
                        set.Add(item);
                    }
                }

                return set;
            }

            private void AddSetting(string setting, string what, string where, string path, Location? location, string? exception, string scope = " in a regulated scope")
            {
                Add(Rules.EnforcementDisabled, "'" + setting + "' " + what + scope, where, path, location, exception, setting);
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
                    return Diagnostic.Create(Rules.Inventory, location, properties.ToImmutable(), "Enforcement exception", setting, text + " " + scope, exception);
                }

                var advice = rule.Id == RuleIdentifiers.EnforcementDisabled
                    ? ": a violation fails the build only while it is an error. Remove the setting, or record why with model_policy.enforcement_exception = <reason> in the same section (the ModelPolicyEnforcementException property for a project-wide setting)"
                    : ": the organisation policy still applies; remove the key or make it at least as strict";
                return Diagnostic.Create(rule, location, properties.ToImmutable(), text + " " + scope + advice);
            }
        }
    }
}
