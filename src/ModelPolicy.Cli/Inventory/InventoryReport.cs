using System;
using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;

namespace ModelPolicy.Cli.Inventory
{
    /// <summary>One use of a model or endpoint: its MP0010 entry, and its status once suppressions are counted.</summary>
    /// <param name="Status"><c>allowed</c>, <c>denied</c>, <c>unknown</c>, or <c>suppressed</c> (denied, with the finding suppressed in source).</param>
    /// <param name="Justification">For a suppressed use, the written reason, if the analyzer recorded one.</param>
    internal sealed record Use(Finding Entry, string Status, string? Justification)
    {
        public string? Reason => Entry.Property(DiagnosticProperties.Reason);
    }

    /// <summary>A model id, with all its uses.</summary>
    internal sealed record ModelRow(
        string Id,
        string? AliasOf,
        string? Vendor,
        string? Country,
        bool? OpenWeights,
        string? Family,
        string? ModelKind,
        IReadOnlyList<Use> Uses,
        IReadOnlyList<string> Endpoints,
        IReadOnlyList<string> EndpointCountries,
        IReadOnlyList<string> EndpointRegions)
    {
        public string Status => InventoryReport.Worst(Uses);

        public IEnumerable<Use> Suppressed => Uses.Where(u => u.Status == "suppressed");
    }

    /// <summary>An endpoint host, with all its uses: who runs it (<see cref="Operator"/>, <see cref="Country"/>) and where it processes prompts (<see cref="Region"/>).</summary>
    /// <param name="Region">"DE", "EEA+CH", "unknown"; null for a host the catalog does not know or a self-hosted one.</param>
    /// <param name="CloudRegion">The cloud region code the host names (<c>eu-central-1</c>), if any.</param>
    internal sealed record EndpointRow(string Host, string? Operator, string? Country, string? Region, string? CloudRegion, IReadOnlyList<Use> Uses)
    {
        public string Status => InventoryReport.Worst(Uses);

        public IEnumerable<Use> Suppressed => Uses.Where(u => u.Status == "suppressed");
    }

    /// <summary>
    /// The inventory read off the findings: the models and endpoints (from the MP0010 entries), the justified
    /// suppressions, and whether anything violates the policy.
    /// </summary>
    internal sealed class InventoryReport
    {
        /// <summary>The rules whose unsuppressed findings are policy violations (MP0006 is reserved for fallback routes).</summary>
        public static readonly System.Collections.Immutable.ImmutableArray<string> ViolationRules = RuleIdentifiers.ViolationRules;

        private static readonly string[] StatusOrder = { "allowed", "suppressed", "unknown", "denied" };

        public InventoryReport(InventoryResult result)
        {
            Result = result;
            var entries = result.Findings.Where(f => f.Id == RuleIdentifiers.Inventory).ToList();
            Suppressions = entries.Where(e => e.Kind == "suppression").ToList();
            var uses = entries.Where(e => e.Kind == "model" || e.Kind == "endpoint").Select(ToUse).ToList();

            var endpointUses = uses.Where(u => u.Entry.Kind == "endpoint").ToList();
            Endpoints = endpointUses
                .GroupBy(u => u.Entry.Value, StringComparer.OrdinalIgnoreCase)
                .Select(g =>
                {
                    var host = g.First().Entry.Value;
                    var vendor = First(g, "Vendor");
                    var (region, cloudRegion) = RegionOf(host, vendor, First(g, DiagnosticProperties.Region), First(g, DiagnosticProperties.CloudRegion));
                    return new EndpointRow(host, vendor, First(g, "Country"), region, cloudRegion, g.ToList());
                })
                .OrderBy(r => r.Host, StringComparer.OrdinalIgnoreCase)
                .ToList();
            var endpointsByHost = Endpoints.ToDictionary(e => e.Host, StringComparer.OrdinalIgnoreCase);

            Models = uses.Where(u => u.Entry.Kind == "model")
                .GroupBy(u => u.Entry.Value, StringComparer.Ordinal)
                .Select(g =>
                {
                    var files = g.Select(u => u.Entry.Path).ToHashSet(StringComparer.Ordinal);
                    // The hosts named in the files that use the model. Not "the host that serves it": that is
                    // decided at run time. A project-wide fallback was tried and named unrelated hosts.
                    var hosts = Hosts(endpointUses.Where(e => files.Contains(e.Entry.Path)));

                    var open = First(g, "OpenWeights");
                    return new ModelRow(
                        g.Key,
                        First(g, "AliasOf"),
                        First(g, "Vendor"),
                        First(g, "Country"),
                        open == null ? null : open == "true",
                        First(g, "Family"),
                        First(g, "ModelKind"),
                        g.ToList(),
                        hosts,
                        Distinct(hosts.Select(h => endpointsByHost[h].Country)),
                        Distinct(hosts.Select(h => endpointsByHost[h].Region)));
                })
                .OrderBy(r => r.Id, StringComparer.Ordinal)
                .ToList();
        }

        public InventoryResult Result { get; }

        public IReadOnlyList<ModelRow> Models { get; }

        public IReadOnlyList<EndpointRow> Endpoints { get; }

        /// <summary>The justified suppressions the analyzer recorded (MP0010, Kind = suppression; regulated scopes only).</summary>
        public IReadOnlyList<Finding> Suppressions { get; }

        /// <summary>The findings other than inventory entries (MP0001–MP0009).</summary>
        public IEnumerable<Finding> Diagnostics => Result.Findings.Where(f => f.Id != RuleIdentifiers.Inventory);

        /// <summary>The unsuppressed findings and uses that break the policy: what <c>--fail-on violation</c> fails on.</summary>
        public IReadOnlyList<Finding> Violations =>
            Result.Findings
                .Where(f => !f.Suppressed && (ViolationRules.Contains(f.Id) || IsTamper(f) || (f.Id == RuleIdentifiers.Inventory && f.Property(DiagnosticProperties.Status) == StatusValues.Denied && !IsSuppressedUse(f))))
                .ToList();

        /// <summary>MP0012/MP0013 (not configurable), and MP0011 where it is an error (a regulated scope, no reason=).</summary>
        private static bool IsTamper(Finding finding) =>
            finding.Id == RuleIdentifiers.EnforcementDisabled || finding.Id == RuleIdentifiers.PolicyFloorRelaxed || (finding.Id == RuleIdentifiers.CatalogOverride && finding.Level == FindingLevel.Error);

        public static string Worst(IEnumerable<Use> uses) =>
            uses.Select(u => u.Status).OrderByDescending(s => Array.IndexOf(StatusOrder, s)).FirstOrDefault() ?? StatusValues.Allowed;

        /// <summary>"denied" when every use is denied; "denied (1 of 3)" when only some are.</summary>
        public static string Describe(string status, IReadOnlyList<Use> uses)
        {
            var count = uses.Count(u => u.Status == status);
            return count == uses.Count ? status : $"{status} ({count} of {uses.Count})";
        }

        private bool IsSuppressedUse(Finding entry) => ViolationFor(entry)?.Suppressed == true;

        private Use ToUse(Finding entry)
        {
            var status = entry.Property(DiagnosticProperties.Status) ?? StatusValues.Allowed;
            var violation = ViolationFor(entry);
            if (violation is { Suppressed: true })
            {
                return new Use(entry, "suppressed", JustificationFor(entry, violation.Id));
            }

            return new Use(entry, status, null);
        }

        /// <summary>The finding (MP0001–MP0005) an MP0010 entry goes with: same id as its Diagnostic property, same place.</summary>
        private Finding? ViolationFor(Finding entry)
        {
            var id = entry.Property(DiagnosticProperties.FindingId);
            return id == null
                ? null
                : Result.Findings.FirstOrDefault(f => f.Id == id && f.Path == entry.Path && f.Line == entry.Line && f.Column == entry.Column);
        }

        /// <summary>
        /// The recorded justification of a suppressed finding: the closest suppression of that rule above it in
        /// the same file, else one in the same file, else an assembly-level one in the same project.
        /// </summary>
        private string? JustificationFor(Finding entry, string rule)
        {
            bool Covers(Finding s) => s.Value.Split(',').Select(v => v.Trim()).Contains(rule);
            var sameFile = Suppressions.Where(s => s.Path == entry.Path && Covers(s)).ToList();
            var match = sameFile.Where(s => s.Line <= entry.Line).OrderByDescending(s => s.Line).FirstOrDefault()
                ?? sameFile.FirstOrDefault()
                ?? Suppressions.FirstOrDefault(s => s.Project == entry.Project && Covers(s));
            return match?.Property(DiagnosticProperties.Justification);
        }

        private static List<string> Hosts(IEnumerable<Use> endpoints) =>
            endpoints.Select(e => e.Entry.Value).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(h => h, StringComparer.OrdinalIgnoreCase).ToList();

        /// <summary>
        /// The endpoint's region: the analyzer's <c>Region</c> property where the finding has one, else the built-in
        /// catalog's answer for a host the analyzer recognised (an analyzer that predates the property).
        /// </summary>
        internal static (string? Region, string? CloudRegion) RegionOf(string host, string? vendor, string? region, string? cloudRegion)
        {
            if (region != null || vendor == null)
            {
                return (region, cloudRegion);
            }

            var resolved = ModelCatalog.Builtin.MatchHost(host.ToLowerInvariant())?.RegionOf(host.ToLowerInvariant());
            return resolved == null ? (null, null) : (resolved.Display, resolved.CloudRegion);
        }

        private static List<string> Distinct(IEnumerable<string?> values) =>
            values.Where(v => v != null).Select(v => v!).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(v => v, StringComparer.Ordinal).ToList();

        private static string? First(IEnumerable<Use> uses, string property) =>
            uses.Select(u => u.Entry.Property(property)).FirstOrDefault(v => v != null);
    }
}
