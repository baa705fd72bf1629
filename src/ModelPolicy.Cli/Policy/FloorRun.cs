using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Enforcement;
using ModelPolicy.Catalog;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Policy;

namespace ModelPolicy.Cli.Policy
{
    /// <summary>
    /// <c>modelpolicy inventory --policy &lt;org file&gt;</c> for one project. The analyzer runs with none of the
    /// repository's ModelPolicy severity settings (per-rule, category, global config, NoWarn), so every use is found
    /// whatever the build would show; the enforcement check runs on the project as it is, with the floor added, so
    /// every setting that turns enforcement off (MP0012) and every relaxation of the floor (MP0013) is reported; then
    /// each use is judged by the floor too, deny winning: a use the floor denies is a violation even where the
    /// repository's policy allows it, its finding is suppressed in source, or its rule is turned off.
    /// </summary>
    internal sealed class FloorRun
    {
        public const string FloorProperty = "Floor";
        public const string DisabledProperty = "DisabledBy";

        private static readonly string[] OwnRules = { RuleIdentifiers.CatalogOverride, RuleIdentifiers.EnforcementDisabled, RuleIdentifiers.PolicyFloorRelaxed };

        private readonly PolicyFloor floor;
        private readonly string floorName;
        private readonly Compilation original;
        private readonly AnalyzerOptions originalOptions;
        private readonly string root;
        private readonly ModelCatalog catalog;
        private readonly Dictionary<string, SyntaxTree> treesByPath = new Dictionary<string, SyntaxTree>(StringComparer.Ordinal);

        public FloorRun(PolicyFloor floor, string floorText, Compilation compilation, AnalyzerOptions options, string root)
        {
            this.floor = floor;
            floorName = Path.GetFileName(floor.Path);
            original = compilation;
            this.root = root;
            var floorFile = new FloorText(floor.Path, floorText);
            originalOptions = new AnalyzerOptions(options.AdditionalFiles.Add(floorFile), new FloorOptionsProvider(options.AnalyzerConfigOptionsProvider, floorFile, strip: false));
            Options = new AnalyzerOptions(options.AdditionalFiles.Add(floorFile), new FloorOptionsProvider(options.AnalyzerConfigOptionsProvider, floorFile, strip: true));
            var compilationOptions = compilation.Options
                .WithSpecificDiagnosticOptions(compilation.Options.SpecificDiagnosticOptions.Where(p => !IsOwn(p.Key)))
                .WithSyntaxTreeOptionsProvider(compilation.Options.SyntaxTreeOptionsProvider == null ? null : new NoOwnSeverities(compilation.Options.SyntaxTreeOptionsProvider));
            Compilation = compilation.WithOptions(compilationOptions);
            var catalogFiles = options.AdditionalFiles
                .Where(f => EnforcementAnalysis.IsCatalogFile(f.Path))
                .OrderBy(f => f.Path, StringComparer.Ordinal)
                .Select(f => new KeyValuePair<string, string>(f.Path, f.GetText()?.ToString() ?? string.Empty))
                .ToList();
            catalog = catalogFiles.Count == 0 ? ModelCatalog.Builtin : ModelCatalog.Extend(ModelCatalog.Builtin, catalogFiles);
            foreach (var tree in compilation.SyntaxTrees)
            {
                treesByPath[Analysis.InventoryRunner.RelativePath(root, tree.FilePath)] = tree;
            }
        }

        /// <summary>The compilation the analyzer runs on: the project's, without ModelPolicy severity settings.</summary>
        public Compilation Compilation { get; }

        /// <summary>The project's analyzer options without ModelPolicy severities, with the floor as an AdditionalFile.</summary>
        public AnalyzerOptions Options { get; }

        /// <summary>Reads and parses the floor file; null with a message when it cannot be read.</summary>
        public static (PolicyFloor? Floor, string Text, string? Error) Load(string path)
        {
            try
            {
                var full = Path.GetFullPath(path);
                var text = File.ReadAllText(full);
                var parsed = PolicyFloor.Parse(full, text);
                return parsed.Errors.Count > 0
                    ? (null, text, "--policy " + path + ": " + string.Join("; ", parsed.Errors.Select(e => e.Key + ": " + e.Message + " ('" + e.Value + "')")))
                    : (parsed, text, null);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is ArgumentException || e is NotSupportedException)
            {
                return (null, string.Empty, "--policy " + path + ": " + e.Message);
            }
        }

        /// <summary>
        /// The analyzer's diagnostics, with the enforcement check's replaced by those of the project as it is (the
        /// stripped run cannot see its severity settings).
        /// </summary>
        public ImmutableArray<Diagnostic> Replace(ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var kept = diagnostics.Where(d => !IsEnforcementDiagnostic(d));
            var enforcement = EnforcementAnalysis.Analyze(original, originalOptions, null, cancellationToken);
            return kept.Concat(enforcement).ToImmutableArray();
        }

        /// <summary>Judges each use by the floor as well; returns the project's findings with what the floor adds.</summary>
        public List<Finding> Judge(List<Finding> findings)
        {
            var result = new List<Finding>(findings.Count);
            foreach (var finding in findings)
            {
                if (finding.Id == RuleIdentifiers.Inventory && (finding.Kind == ValueKinds.Model || finding.Kind == ValueKinds.Endpoint))
                {
                    var denied = FloorVerdict(finding);
                    if (denied != null)
                    {
                        var own = findings.FirstOrDefault(f => f.Id == finding.Property(DiagnosticProperties.FindingId) && f.Path == finding.Path && f.Line == finding.Line && f.Column == finding.Column);
                        result.Add(finding with { Properties = With(finding.Properties, (DiagnosticProperties.Status, StatusValues.Denied), (DiagnosticProperties.Reason, denied.Reason), (FloorProperty, floorName)) });
                        if (own == null || own.Suppressed || !InventoryReport.ViolationRules.Contains(own.Id) || DisabledBy(own) != null)
                        {
                            result.Add(Violation(finding, own, denied));
                        }

                        continue;
                    }
                }

                if (InventoryReport.ViolationRules.Contains(finding.Id) && DisabledBy(finding) is { } setting)
                {
                    result.Add(finding with
                    {
                        Message = finding.Message + " (turned off in the build by " + setting + ")",
                        Properties = With(finding.Properties, (DisabledProperty, setting)),
                    });
                    continue;
                }

                result.Add(finding);
            }

            return result;
        }

        private static bool IsOwn(string id) => id.StartsWith("MP", StringComparison.OrdinalIgnoreCase) && id.Length == 6;

        private static bool IsEnforcementDiagnostic(Diagnostic diagnostic) =>
            Array.IndexOf(OwnRules, diagnostic.Id) >= 0
            || (diagnostic.Id == RuleIdentifiers.Inventory && diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind)
                && (kind == ValueKinds.CatalogOverride || kind == ValueKinds.EnforcementException));

        private static IReadOnlyDictionary<string, string?> With(IReadOnlyDictionary<string, string?> properties, params (string Key, string? Value)[] more)
        {
            var copy = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
            foreach (var (key, value) in more)
            {
                copy[key] = value;
            }

            return copy;
        }

        private Finding Violation(Finding entry, Finding? own, Verdict verdict)
        {
            var isConfiguration = entry.Property(DiagnosticProperties.FindingId) == RuleIdentifiers.ConfigurationNotAllowed || !entry.Path.EndsWith(".cs", StringComparison.OrdinalIgnoreCase);
            var id = isConfiguration ? RuleIdentifiers.ConfigurationNotAllowed : entry.Kind == ValueKinds.Endpoint ? RuleIdentifiers.EndpointNotAllowed : RuleIdentifiers.ModelNotAllowed;
            var what = entry.Kind == ValueKinds.Endpoint ? "Endpoint '" + entry.Value + "'" : "'" + entry.Value + "'";
            var described = entry.Property(DiagnosticProperties.Vendor) is { } vendor ? " (" + vendor + ", " + entry.Property(DiagnosticProperties.Country) + ")" : string.Empty;
            var how = own == null ? string.Empty
                : own.Suppressed ? "; its " + own.Id + " is suppressed in source, which the organisation policy does not let a repository do"
                : DisabledBy(own) is { } setting ? "; " + own.Id + " is turned off in the build by " + setting
                : string.Empty;
            return entry with
            {
                Id = id,
                Level = FindingLevel.Error,
                Message = what + described + " is not allowed by the organisation policy (" + floorName + "): " + verdict.Reason + how,
                Suppressed = false,
                Properties = With(entry.Properties, (DiagnosticProperties.Status, StatusValues.Denied), (DiagnosticProperties.Reason, verdict.Reason), (FloorProperty, floorName)),
            };
        }

        /// <summary>
        /// The floor's deny for a use, judged with the repository's catalog and, where a repository line re-attributes
        /// the id or host, with the built-in attribution too: a deny by either wins.
        /// </summary>
        private Verdict? FloorVerdict(Finding entry)
        {
            var settings = floor.SettingsFor(entry.Path, catalog);
            if (entry.Kind == ValueKinds.Model)
            {
                var verdict = PolicyEvaluator.EvaluateModel(settings, entry.Value, catalog.MatchModel(entry.Value));
                if (!verdict.IsDenied && ModelCatalog.Builtin.MatchModel(entry.Value) is { } builtin)
                {
                    verdict = PolicyEvaluator.EvaluateModel(settings, entry.Value, builtin);
                }

                return verdict.IsDenied ? verdict : null;
            }

            var host = PolicyEvaluator.EvaluateEndpoint(settings, entry.Value, catalog.MatchHost(entry.Value));
            if (!host.IsDenied && ModelCatalog.Builtin.MatchHost(entry.Value) is { } builtinHost)
            {
                host = PolicyEvaluator.EvaluateEndpoint(settings, entry.Value, builtinHost);
            }

            return host.IsDenied ? host : null;
        }

        /// <summary>The repository setting that turns this finding's rule off in the build, or null.</summary>
        private string? DisabledBy(Finding finding)
        {
            var provider = original.Options.SyntaxTreeOptionsProvider;
            if (treesByPath.TryGetValue(finding.Path, out var tree) && provider != null && provider.TryGetDiagnosticValue(tree, finding.Id, CancellationToken.None, out var value))
            {
                return value == ReportDiagnostic.Suppress ? "dotnet_diagnostic." + finding.Id + ".severity = none" : null;
            }

            if (provider != null && provider.TryGetGlobalDiagnosticValue(finding.Id, CancellationToken.None, out var global))
            {
                return global == ReportDiagnostic.Suppress ? "dotnet_diagnostic." + finding.Id + ".severity = none (global config)" : null;
            }

            if (original.Options.SpecificDiagnosticOptions.TryGetValue(finding.Id, out var specific) && specific == ReportDiagnostic.Suppress)
            {
                return "NoWarn " + finding.Id;
            }

            return null;
        }

        private sealed class FloorText : AdditionalText
        {
            private readonly SourceText text;

            public FloorText(string path, string text)
            {
                Path = path;
                this.text = SourceText.From(text);
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => text;
        }

        /// <summary>The project's options; the floor file marked as one; with <c>strip</c>, no ModelPolicy severity keys.</summary>
        private sealed class FloorOptionsProvider : AnalyzerConfigOptionsProvider
        {
            private readonly AnalyzerConfigOptionsProvider inner;
            private readonly AdditionalText floorFile;
            private readonly bool strip;

            public FloorOptionsProvider(AnalyzerConfigOptionsProvider inner, AdditionalText floorFile, bool strip)
            {
                this.inner = inner;
                this.floorFile = floorFile;
                this.strip = strip;
                GlobalOptions = strip ? new Stripped(inner.GlobalOptions) : inner.GlobalOptions;
            }

            public override AnalyzerConfigOptions GlobalOptions { get; }

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => strip ? new Stripped(inner.GetOptions(tree)) : inner.GetOptions(tree);

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
                ReferenceEquals(textFile, floorFile) ? FloorMarker.Instance : strip ? new Stripped(inner.GetOptions(textFile)) : inner.GetOptions(textFile);
        }

        private sealed class FloorMarker : AnalyzerConfigOptions
        {
            public static readonly FloorMarker Instance = new FloorMarker();

            public override IEnumerable<string> Keys { get; } = new[] { EnforcementAnalysis.FloorMetadataKey };

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                value = string.Equals(key, EnforcementAnalysis.FloorMetadataKey, StringComparison.OrdinalIgnoreCase) ? "true" : null;
                return value != null;
            }
        }

        /// <summary>Hides <c>dotnet_analyzer_diagnostic.*</c> (bulk severities) and <c>dotnet_diagnostic.MPxxxx.*</c>.</summary>
        private sealed class Stripped : AnalyzerConfigOptions
        {
            private readonly AnalyzerConfigOptions inner;

            public Stripped(AnalyzerConfigOptions inner) => this.inner = inner;

            public override IEnumerable<string> Keys => inner.Keys.Where(k => !Hidden(k));

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value)
            {
                if (Hidden(key))
                {
                    value = null;
                    return false;
                }

                return inner.TryGetValue(key, out value);
            }

            private static bool Hidden(string key) =>
                key.StartsWith("dotnet_analyzer_diagnostic.", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("dotnet_diagnostic.mp", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The project's per-file severities without those of ModelPolicy rules (generated-code flags kept).</summary>
        private sealed class NoOwnSeverities : SyntaxTreeOptionsProvider
        {
            private readonly SyntaxTreeOptionsProvider inner;

            public NoOwnSeverities(SyntaxTreeOptionsProvider inner) => this.inner = inner;

            public override GeneratedKind IsGenerated(SyntaxTree tree, CancellationToken cancellationToken) => inner.IsGenerated(tree, cancellationToken);

            public override bool TryGetDiagnosticValue(SyntaxTree tree, string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return !IsOwn(diagnosticId) && inner.TryGetDiagnosticValue(tree, diagnosticId, cancellationToken, out severity);
            }

            public override bool TryGetGlobalDiagnosticValue(string diagnosticId, CancellationToken cancellationToken, out ReportDiagnostic severity)
            {
                severity = ReportDiagnostic.Default;
                return !IsOwn(diagnosticId) && inner.TryGetGlobalDiagnosticValue(diagnosticId, cancellationToken, out severity);
            }
        }
    }
}
