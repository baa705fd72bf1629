using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using ModelPolicy.Text;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// The provenance catalog: vendors, model families and hosts, built from the built-in data file
    /// and any extension files a repository adds. Immutable once built; <see cref="Builtin"/> is built
    /// once per process.
    /// </summary>
    public sealed class ModelCatalog
    {
        /// <summary>Path shown for entries and errors of the built-in catalog.</summary>
        public const string BuiltinPath = "builtin.catalog";

        /// <summary>Path shown for the built-in cloud regions and country groups.</summary>
        public const string BuiltinRegionsPath = "builtin.regions.catalog";

        private static readonly Lazy<CatalogFile> LazyBuiltinRegions = new Lazy<CatalogFile>(() => CatalogParser.Parse(BuiltinRegionsPath, ReadResource("ModelPolicy.builtin.regions.catalog")));
        private static readonly Lazy<ModelCatalog> LazyBuiltin = new Lazy<ModelCatalog>(LoadBuiltin);

        private readonly Dictionary<string, Vendor> vendors = new Dictionary<string, Vendor>(StringComparer.OrdinalIgnoreCase);
        private readonly List<ModelFamily> families = new List<ModelFamily>();
        private readonly List<HostEntry> hosts = new List<HostEntry>();
        private readonly List<ModelAlias> aliases = new List<ModelAlias>();
        private readonly List<CatalogError> errors = new List<CatalogError>();
        private List<CatalogOverride> overrides = new List<CatalogOverride>();
        private readonly Dictionary<string, CountryGroup> groups = new Dictionary<string, CountryGroup>(StringComparer.OrdinalIgnoreCase);
        private readonly List<CountryGroup> groupList = new List<CountryGroup>();
        private readonly List<CloudRegion> cloudRegions = new List<CloudRegion>();
        private readonly PatternIndex<ModelFamily> modelIndex = new PatternIndex<ModelFamily>();
        private readonly PatternIndex<HostEntry> hostIndex = new PatternIndex<HostEntry>();
        private HashSet<string>? organisations;

        // A build asks about the same strings in file after file ("application/json", "Content-Type"): each is answered
        // once. Bounded (16,384 strings, then emptied), for a process that lives long (an IDE, the compiler server).
        // "Is this a known id" asked once per string: a table without locks (an entry is published whole, a newer string
        // takes the slot of an older one), looked up on a file's characters without a substring. A ConcurrentDictionary's
        // adds took its few locks in every compile's parallel file actions (docs/performance.md).
        private readonly KnownAnswer?[] knownAnswers = new KnownAnswer?[1 << 12];

        private ModelCatalog()
        {
        }

        /// <summary>The catalog that ships in the package.</summary>
        public static ModelCatalog Builtin => LazyBuiltin.Value;

        public IReadOnlyCollection<Vendor> Vendors => vendors.Values;

        public IReadOnlyList<ModelFamily> Families => families;

        public IReadOnlyList<HostEntry> Hosts => hosts;

        public IReadOnlyList<ModelAlias> Aliases => aliases;

        /// <summary>The country groups a policy may name (<c>EU</c>, <c>EEA</c>, <c>foreign-adversaries</c>, …), built-in ones first.</summary>
        public IReadOnlyList<CountryGroup> Groups => groupList;

        /// <summary>Cloud region codes and their countries (<c>aws:eu-central-1</c> → DE).</summary>
        public IReadOnlyList<CloudRegion> CloudRegions => cloudRegions;

        /// <summary>Bad lines met while building this catalog (extension files' and the built-in one's).</summary>
        public IReadOnlyList<CatalogError> Errors => errors;

        /// <summary>
        /// The repository lines that change what the built-in catalog says of an id, host or vendor it knows
        /// (vendor, country or weights), in file and line order. Empty for the built-in catalog.
        /// </summary>
        public IReadOnlyList<CatalogOverride> Overrides => overrides;

        /// <summary>
        /// The override whose repository line decided this match's attribution (the alias or model line that answered),
        /// or null when that line overrides nothing the built-in catalog knows.
        /// </summary>
        public CatalogOverride? OverrideOf(ModelMatch match)
        {
            if (overrides.Count == 0)
            {
                return null;
            }

            var origin = match.Family.Origin;
            if (match.AliasTarget != null && FindAlias(match.Id) is { } alias)
            {
                origin = alias.Origin;
            }

            foreach (var item in overrides)
            {
                if (item.Kind != CatalogOverrideKind.Host && item.Origin.Path == origin.Path && item.Origin.Line == origin.Line)
                {
                    return item;
                }
            }

            return null;
        }

        /// <summary>The override that decided this host's operator or country, or null.</summary>
        public CatalogOverride? OverrideOf(HostEntry host)
        {
            foreach (var item in overrides)
            {
                if (item.Kind == CatalogOverrideKind.Host && item.Origin.Path == host.Origin.Path && item.Origin.Line == host.Origin.Line)
                {
                    return item;
                }
            }

            return null;
        }

        /// <summary>The built-in catalog extended by files in the given (path, text) order.</summary>
        public static ModelCatalog Extend(ModelCatalog baseCatalog, IEnumerable<KeyValuePair<string, string>> files)
        {
            var catalog = new ModelCatalog();
            var parsed = new List<CatalogFile>();
            var seen = new ModelCatalog();
            seen.AddVendors(baseCatalog.vendors.Values);
            seen.AddRegionData(baseCatalog.groupList, baseCatalog.cloudRegions);
            foreach (var file in files)
            {
                var result = CatalogParser.Parse(file.Key, file.Value, seen);
                seen.AddVendors(result.Vendors);
                seen.AddRegionData(result.Groups, result.Regions);
                parsed.Add(result);
            }

            // Groups and cloud regions: the base catalog's first (a file cannot redefine them), then the files'.
            catalog.AddRegionData(baseCatalog.groupList, baseCatalog.cloudRegions);

            // Extension entries come first so that, at equal specificity, a repository's own entries win.
            foreach (var file in parsed)
            {
                catalog.Add(file);
            }

            catalog.AddVendors(baseCatalog.vendors.Values);
            catalog.AddRange(baseCatalog.families, baseCatalog.hosts, baseCatalog.aliases);
            catalog.errors.AddRange(baseCatalog.errors);
            catalog.overrides = CatalogOverrides.Find(baseCatalog, catalog, parsed);
            foreach (var host in catalog.hosts)
            {
                if (host.Origin.Path != BuiltinPath)
                {
                    host.Override = catalog.OverrideOf(host);
                }
            }

            return catalog;
        }

        /// <summary>A catalog of one file's entries, with the built-in cloud regions and country groups.</summary>
        public static ModelCatalog FromText(string path, string text)
        {
            var catalog = new ModelCatalog();
            catalog.Add(LazyBuiltinRegions.Value);
            catalog.Add(CatalogParser.Parse(path, text, catalog));
            return catalog;
        }

        public bool TryGetVendor(string name, out Vendor? vendor) => vendors.TryGetValue(name, out vendor);

        /// <summary>A country group by name (case-insensitive).</summary>
        public bool TryGetGroup(string name, out CountryGroup? group) => groups.TryGetValue(name, out group);

        /// <summary>
        /// Adds the countries a policy value names: an ISO 3166-1 alpha-2 code, or a group's members. False for
        /// anything else. A code means that code only: <c>CN</c> does not include <c>HK</c> or <c>MO</c>.
        /// </summary>
        public bool TryExpandCountries(string value, ICollection<string> into)
        {
            if (Countries.IsCountry(value))
            {
                into.Add(value.ToUpperInvariant());
                return true;
            }

            if (groups.TryGetValue(value, out var group))
            {
                foreach (var code in group.Countries)
                {
                    into.Add(code);
                }

                return true;
            }

            return false;
        }

        /// <summary>The family whose pattern matches the id most specifically, after alias resolution; null if none.</summary>
        public ModelMatch? MatchModel(string id)
        {
            if (!ModelIdShape.IsPlausible(id))
            {
                return null;
            }

            string? aliasOf = null;
            var target = id;
            for (var depth = 0; depth < 4; depth++)
            {
                var alias = FindAlias(target);
                if (alias == null)
                {
                    break;
                }

                aliasOf ??= id;
                target = alias.Target;
            }

            var best = FindFamily(target);
            if (best.Value == null)
            {
                return null;
            }

            var match = new ModelMatch(id, aliasOf == null ? null : target, best.Value, best.PositionOnly);
            if (overrides.Count > 0)
            {
                match.Override = OverrideOf(match);
            }

            return match;
        }

        /// <summary>True when some family or alias matches the id; unlike <see cref="MatchModel"/> this allocates nothing but its memo's entry.</summary>
        public bool IsKnownModel(string id) => IsKnownModel(id, 0, id.Length, id);

        /// <summary>The same for <c>text[start..end)</c>, a string's characters in a file's text: no substring once the answer is known.</summary>
        public bool IsKnownModel(string text, int start, int end) => IsKnownModel(text, start, end, null);

        [MethodImpl(HotPath.Optimized)]
        private bool IsKnownModel(string text, int start, int end, string? whole)
        {
            if (!ModelIdShape.IsPlausible(text, start, end))
            {
                return false;
            }

            var length = end - start;
            var hash = 0;
            unchecked
            {
                for (var i = start; i < end; i++)
                {
                    hash = (hash * 31) + text[i];
                }
            }

            ref var slot = ref knownAnswers[hash & (knownAnswers.Length - 1)];
            var entry = System.Threading.Volatile.Read(ref slot);
            if (entry != null && entry.Hash == hash && entry.Id.Length == length && string.CompareOrdinal(entry.Id, 0, text, start, length) == 0)
            {
                return entry.Known;
            }

            var id = whole ?? text.Substring(start, length);
            var known = FindFamily(id).Value != null || FindAlias(id) != null;
            System.Threading.Volatile.Write(ref slot, new KnownAnswer(id, hash, known));
            return known;
        }

        /// <summary>
        /// A model hub organisation on its own (<c>deepseek-ai</c>, <c>meta-llama</c>, <c>Qwen</c>): the part before the '/' of an
        /// <c>org/*</c> pattern, with no model after it. It names a maker, not a model.
        /// </summary>
        public bool IsHubOrganisation(string id)
        {
            var set = organisations;
            if (set == null)
            {
                set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var family in families)
                {
                    foreach (var pattern in family.Patterns)
                    {
                        var slash = pattern.IndexOf('/');
                        var org = slash > 0 ? pattern.Substring(0, slash).TrimStart('~') : string.Empty;
                        if (org.Length > 0 && org.IndexOf('*') < 0 && org.IndexOf('?') < 0)
                        {
                            set.Add(org);
                        }
                    }
                }

                organisations = set;
            }

            return set.Contains(id.Trim());
        }

        /// <summary>The host entry for a DNS host name (no port), or null.</summary>
        public HostEntry? MatchHost(string host) => MatchHost(host, 0, host.Length);

        /// <summary>The host entry for the host at <c>text[start..start+length)</c>, or null. Never allocates.</summary>
        [MethodImpl(HotPath.Optimized)]
        public HostEntry? MatchHost(string text, int start, int length) => hostIndex.Find(text, start, length).Value;

        [MethodImpl(HotPath.Optimized)]
        private PatternIndex<ModelFamily>.Hit FindFamily(string id)
        {
            var best = default(PatternIndex<ModelFamily>.Hit);
            var candidates = ModelIdShape.Candidates(id);
            while (candidates.MoveNext())
            {
                var hit = modelIndex.Find(id, candidates.Start, candidates.Length);
                if (hit.Value != null && (best.Value == null || hit.Specificity > best.Specificity))
                {
                    best = hit;
                }
            }

            // deepseek-1, kimi-3, claude-test: the family's glob took the lone number or generic word after the family
            // word with its wildcard. A documented id of that shape is spelled in the catalog (whisper-1, claude-2*).
            var tail = ModelIdShape.LookAlikeTailStart(id);
            return tail > 0 && best.Value != null && best.LiteralPrefix <= tail ? default : best;
        }

        [MethodImpl(HotPath.Optimized)]
        private ModelAlias? FindAlias(string id)
        {
            foreach (var alias in aliases)
            {
                if (Glob.IsMatch(alias.Pattern, id))
                {
                    return alias;
                }
            }

            return null;
        }

        private static ModelCatalog LoadBuiltin() => FromText(BuiltinPath, ReadResource("ModelPolicy.builtin.catalog"));

        private static string ReadResource(string name)
        {
            using var stream = typeof(ModelCatalog).Assembly.GetManifestResourceStream(name);
            if (stream == null)
            {
                throw new InvalidOperationException("The resource " + name + " is missing from " + typeof(ModelCatalog).Assembly.FullName);
            }

            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        private void Add(CatalogFile file)
        {
            AddVendors(file.Vendors);
            AddRegionData(file.Groups, file.Regions);
            AddRange(file.Families, file.Hosts, file.Aliases);
            errors.AddRange(file.Errors);
        }

        private void AddRegionData(IEnumerable<CountryGroup> newGroups, IEnumerable<CloudRegion> newRegions)
        {
            foreach (var group in newGroups)
            {
                if (!groups.ContainsKey(group.Name))
                {
                    groups.Add(group.Name, group);
                    groupList.Add(group);
                }
            }

            foreach (var region in newRegions)
            {
                if (!cloudRegions.Any(r => r.Key == region.Key))
                {
                    cloudRegions.Add(region);
                }
            }
        }

        private void AddVendors(IEnumerable<Vendor> list)
        {
            foreach (var vendor in list)
            {
                if (!vendors.ContainsKey(vendor.Name))
                {
                    vendors.Add(vendor.Name, vendor);
                }
            }
        }

        private void AddRange(IEnumerable<ModelFamily> newFamilies, IEnumerable<HostEntry> newHosts, IEnumerable<ModelAlias> newAliases)
        {
            foreach (var family in newFamilies)
            {
                families.Add(family);
                foreach (var pattern in family.Patterns)
                {
                    modelIndex.Add(pattern, family);
                }
            }

            foreach (var host in newHosts)
            {
                hosts.Add(host);
                hostIndex.Add(host.Pattern, host);
            }

            aliases.AddRange(newAliases);
        }

        private sealed class KnownAnswer
        {
            public KnownAnswer(string id, int hash, bool known)
            {
                Id = id;
                Hash = hash;
                Known = known;
            }

            public string Id { get; }

            public int Hash { get; }

            public bool Known { get; }
        }
    }

    /// <summary>A model id recognised by the catalog.</summary>
    public sealed class ModelMatch
    {
        public ModelMatch(string id, string? aliasTarget, ModelFamily family, bool positionOnly)
        {
            Id = id;
            AliasTarget = aliasTarget;
            Family = family;
            PositionOnly = positionOnly;
        }

        /// <summary>The id as written.</summary>
        public string Id { get; }

        /// <summary>Where the id is a repository alias, the catalog id it stands for.</summary>
        public string? AliasTarget { get; }

        public ModelFamily Family { get; }

        public Vendor Vendor => Family.Vendor;

        public string Country => Family.Country;

        /// <summary>True when the matching pattern is marked <c>~</c>: too ambiguous to count outside a model position.</summary>
        public bool PositionOnly { get; }

        /// <summary>When a repository catalog line decided this attribution against the built-in catalog's, that line.</summary>
        public CatalogOverride? Override { get; internal set; }
    }
}
