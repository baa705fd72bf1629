using System;
using System.Collections.Generic;
using System.Linq;
using ModelPolicy.Text;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// Reads the line format shared by the built-in catalog and a repository's extension files:
    /// <code>
    /// vendor Alibaba | country=CN | source=https://…
    /// model qwen-open | vendor=Alibaba | match=qwen2*, qwq* | weights=open | kind=chat | source=https://…
    /// host dashscope.aliyuncs.com | operator=Alibaba | serves=own | source=https://…
    /// alias prod-chat | model=gpt-4o
    /// region aws:eu-central-1 | country=DE | name=Europe (Frankfurt) | source=https://…
    /// group EEA | countries=EU, IS, LI, NO | source=https://… | read=2026-12-01
    /// </code>
    /// Any line may carry <c>reason=…</c>: why a repository line overrides what the built-in catalog says (MP0011).
    /// A bad line is an error naming the line and the field; the rest of the file still counts.
    /// </summary>
    public static class CatalogParser
    {
        private static readonly string[] VendorKeys = { "country", "source", "note", "reason" };
        private static readonly string[] ModelKeys = { "vendor", "match", "weights", "kind", "source", "country", "note", "examples", "reason" };
        private static readonly string[] HostKeys = { "operator", "serves", "source", "country", "note", "paths", "region", "region_source", "region_note", "reason" };
        private static readonly string[] AliasKeys = { "model", "note", "reason" };
        private static readonly string[] RegionKeys = { "country", "name", "source", "note" };
        private static readonly string[] GroupKeys = { "countries", "source", "read", "note" };

        /// <summary>Parses one file. Vendors named in it may be declared in <paramref name="known"/>.</summary>
        public static CatalogFile Parse(string path, string text, ModelCatalog? known = null)
        {
            var file = new CatalogFile(path);
            var vendors = new Dictionary<string, Vendor>(StringComparer.OrdinalIgnoreCase);
            var scope = new Scope(vendors, known);
            var lineNumber = 0;
            var position = 0;
            while (position <= text.Length)
            {
                var end = text.IndexOf('\n', position);
                if (end < 0)
                {
                    end = text.Length;
                }

                lineNumber++;
                var line = text.Substring(position, end - position).TrimEnd('\r');
                position = end + 1;
                var trimmed = line.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#')
                {
                    continue;
                }

                new LineReader(file, path, lineNumber, line, scope).Read();
                if (end == text.Length)
                {
                    break;
                }
            }

            return file;
        }

        /// <summary>
        /// A date as yyyy-MM-dd that exists (2026-02-29 does not), read by hand: DateTime.TryParseExact loads culture data,
        /// which every compile paid for at start-up.
        /// </summary>
        internal static bool IsDate(string text)
        {
            if (text.Length != 10 || text[4] != '-' || text[7] != '-')
            {
                return false;
            }

            for (var i = 0; i < text.Length; i++)
            {
                if (i != 4 && i != 7 && (text[i] < '0' || text[i] > '9'))
                {
                    return false;
                }
            }

            var year = ((text[0] - '0') * 1000) + ((text[1] - '0') * 100) + ((text[2] - '0') * 10) + (text[3] - '0');
            var month = ((text[5] - '0') * 10) + (text[6] - '0');
            var day = ((text[8] - '0') * 10) + (text[9] - '0');
            return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        }

        private sealed class LineReader
        {
            private readonly CatalogFile file;
            private readonly string path;
            private readonly int lineNumber;
            private readonly string line;
            private readonly Dictionary<string, Vendor> vendors;
            private readonly ModelCatalog? known;
            private readonly Scope scope;
            private readonly List<Field> fields = new List<Field>();

            public LineReader(CatalogFile file, string path, int lineNumber, string line, Scope scope)
            {
                this.file = file;
                this.path = path;
                this.lineNumber = lineNumber;
                this.line = line;
                this.scope = scope;
                vendors = scope.Vendors;
                known = scope.Known;
            }

            private CatalogOrigin Origin => new CatalogOrigin(path, lineNumber);

            public void Read()
            {
                // Split on '|' keeping each field's column, so errors point at the text.
                var start = 0;
                while (true)
                {
                    var bar = line.IndexOf('|', start);
                    var stop = bar < 0 ? line.Length : bar;
                    var raw = line.Substring(start, stop - start);
                    var lead = raw.Length - raw.TrimStart().Length;
                    fields.Add(new Field(raw.Trim(), start + lead));
                    if (bar < 0)
                    {
                        break;
                    }

                    start = bar + 1;
                }

                var head = fields[0];
                var space = head.Text.IndexOf(' ');
                var kind = space < 0 ? head.Text : head.Text.Substring(0, space);
                var name = space < 0 ? string.Empty : head.Text.Substring(space + 1).Trim();
                if (name.Length == 0 && kind is "vendor" or "model" or "host" or "alias" or "region" or "group")
                {
                    Error(head.Column, head.Text.Length, "'" + kind + "' needs a name after it");
                    return;
                }

                var nameColumn = head.Column + head.Text.Length - name.Length;
                switch (kind)
                {
                    case "vendor":
                        ReadVendor(name, nameColumn);
                        break;
                    case "model":
                        ReadModel(name, nameColumn);
                        break;
                    case "host":
                        ReadHost(name, nameColumn);
                        break;
                    case "alias":
                        ReadAlias(name, nameColumn);
                        break;
                    case "region":
                        ReadRegion(name, nameColumn);
                        break;
                    case "group":
                        ReadGroup(name, nameColumn);
                        break;
                    default:
                        Error(head.Column, kind.Length, "unknown entry kind '" + kind + "': expected vendor, model, host, alias, region or group");
                        break;
                }
            }

            private void ReadVendor(string name, int nameColumn)
            {
                if (!TryGetFields(VendorKeys, out var values))
                {
                    return;
                }

                if (!TryCountry(values, "country", required: true, out var country) || !TryRequired(values, "source", out var source))
                {
                    return;
                }

                if (vendors.ContainsKey(name))
                {
                    Error(nameColumn, name.Length, "vendor '" + name + "' is declared twice in this file");
                    return;
                }

                var vendor = new Vendor(name, country!, source!.Text, Optional(values, "note"), Origin) { Reason = Optional(values, "reason") };
                vendors.Add(name, vendor);
                file.Vendors.Add(vendor);
            }

            private void ReadModel(string name, int nameColumn)
            {
                if (!TryGetFields(ModelKeys, out var values) || !TryVendor(values, "vendor", out var vendor) || !TryPatterns(values, out var patterns))
                {
                    return;
                }

                if (!TryRequired(values, "weights", out var weights) || !TryRequired(values, "kind", out var kindField) || !TryRequired(values, "source", out var source))
                {
                    return;
                }

                bool open;
                switch (weights!.Text)
                {
                    case "open":
                        open = true;
                        break;
                    case "closed":
                        open = false;
                        break;
                    default:
                        Error(weights.Column, weights.Text.Length, "weights must be 'open' or 'closed', not '" + weights.Text + "'");
                        return;
                }

                if (!Enum.TryParse<ModelKind>(kindField!.Text, ignoreCase: true, out var kind) || !char.IsLetter(kindField.Text[0]))
                {
                    Error(kindField.Column, kindField.Text.Length, "kind must be one of chat, reasoning, code, embedding, rerank, image, audio, moderation; not '" + kindField.Text + "'");
                    return;
                }

                if (!TryCountry(values, "country", required: false, out var country))
                {
                    return;
                }

                var examples = new List<string>();
                if (values.TryGetValue("examples", out var examplesField))
                {
                    foreach (var part in examplesField.Text.Split(','))
                    {
                        var example = part.Trim();
                        if (!ModelIdShape.IsPlausible(example))
                        {
                            var at = Math.Max(0, examplesField.Text.IndexOf(example, StringComparison.Ordinal));
                            Error(examplesField.Column + at, Math.Max(1, example.Length), "example '" + example + "' is not a model id");
                            return;
                        }

                        examples.Add(example);
                    }
                }

                file.Families.Add(new ModelFamily(name.ToLowerInvariant(), vendor!, country ?? vendor!.Country, patterns!, open, kind, source!.Text, Optional(values, "note"), Origin, examples) { Reason = Optional(values, "reason") });
            }

            private void ReadHost(string name, int nameColumn)
            {
                var invalid = Glob.Validate(name);
                if (invalid != null)
                {
                    Error(nameColumn, name.Length, "host pattern '" + name + "': " + invalid);
                    return;
                }

                if (!TryGetFields(HostKeys, out var values) || !TryVendor(values, "operator", out var vendor))
                {
                    return;
                }

                if (!TryRequired(values, "serves", out var serves) || !TryRequired(values, "source", out var source))
                {
                    return;
                }

                if (serves!.Text != "own" && serves.Text != "many")
                {
                    Error(serves.Column, serves.Text.Length, "serves must be 'own' or 'many', not '" + serves.Text + "'");
                    return;
                }

                if (!TryCountry(values, "country", required: false, out var country))
                {
                    return;
                }

                var paths = new List<string>();
                if (values.TryGetValue("paths", out var pathsField))
                {
                    foreach (var part in pathsField.Text.Split(','))
                    {
                        var path = part.Trim();
                        if (path.Length < 2 || path[0] != '/' || path.IndexOf(' ') >= 0)
                        {
                            var at = Math.Max(0, pathsField.Text.IndexOf(path, StringComparison.Ordinal));
                            Error(pathsField.Column + at, Math.Max(1, path.Length), "path '" + path + "' must start with '/' (the API's path prefix on this host)");
                            return;
                        }

                        paths.Add(path);
                    }
                }

                RegionSpec? region = null;
                if (values.TryGetValue("region", out var regionField) && !TryRegionSpec(name, regionField, values, out region))
                {
                    return;
                }

                if (region == null && (values.ContainsKey("region_source") || values.ContainsKey("region_note")))
                {
                    Error(0, line.TrimEnd().Length, "region_source= and region_note= need a 'region=' field");
                    return;
                }

                file.Hosts.Add(new HostEntry(name.ToLowerInvariant(), vendor!, country ?? vendor!.Country, serves.Text == "many", source!.Text, Optional(values, "note"), Origin, paths, region) { Reason = Optional(values, "reason") });
            }

            /// <summary><c>region=US</c>, <c>EU</c>, <c>EEA+CH</c>, <c>unknown</c>, or <c>aws:*</c> (the cloud region code where the pattern has its one '*').</summary>
            private bool TryRegionSpec(string pattern, Field field, Dictionary<string, Field> values, out RegionSpec? region)
            {
                region = null;
                if (!TryRequired(values, "region_source", out var sourceField))
                {
                    return false;
                }

                var source = sourceField!.Text;
                var note = Optional(values, "region_note");
                var text = field.Text;
                if (string.Equals(text, "unknown", StringComparison.OrdinalIgnoreCase))
                {
                    if (note == null)
                    {
                        Error(field.Column, text.Length, "region=unknown needs a region_note= saying why the host does not fix its region");
                        return false;
                    }

                    region = RegionSpec.Fixed(new EndpointRegion(null, Array.Empty<string>(), null, null, source, note));
                    return true;
                }

                var colon = text.IndexOf(':');
                if (colon >= 0)
                {
                    var table = text.Substring(0, colon);
                    if (text.Substring(colon + 1) != "*")
                    {
                        Error(field.Column, text.Length, "region '" + text + "': a cloud's region is written '" + table + ":*', read from the host name where the pattern has its '*'");
                        return false;
                    }

                    if (pattern.IndexOf('*') < 0 || pattern.IndexOf('*') != pattern.LastIndexOf('*') || pattern.IndexOf('?') >= 0)
                    {
                        Error(field.Column, text.Length, "region '" + text + "' needs a host pattern with exactly one '*' (and no '?'), not '" + pattern + "'");
                        return false;
                    }

                    var regions = scope.RegionsOf(table);
                    if (regions.Count == 0)
                    {
                        Error(field.Column, colon, "unknown cloud '" + table + "': declare its codes with 'region " + table + ":<code>' lines first");
                        return false;
                    }

                    region = RegionSpec.FromHostName(table.ToLowerInvariant(), regions, source, note);
                    return true;
                }

                var countries = new List<string>();
                var offset = 0;
                foreach (var part in text.Split('+'))
                {
                    if (!scope.TryExpand(part.Trim(), countries))
                    {
                        Error(field.Column + offset, Math.Max(1, part.Length), "region '" + part.Trim() + "' is not an ISO 3166-1 alpha-2 country code, a country group, 'unknown' or '<cloud>:*'");
                        return false;
                    }

                    offset += part.Length + 1;
                }

                var code = string.Join("+", text.Split('+').Select(p => Countries.IsCountry(p.Trim()) ? p.Trim().ToUpperInvariant() : scope.GroupName(p.Trim())));
                region = RegionSpec.Fixed(new EndpointRegion(code, countries.Distinct(StringComparer.Ordinal).ToList(), null, null, source, note));
                return true;
            }

            /// <summary><c>region aws:eu-central-1 | country=DE | name=Europe (Frankfurt) | source=…</c></summary>
            private void ReadRegion(string name, int nameColumn)
            {
                var colon = name.IndexOf(':');
                if (colon <= 0 || colon == name.Length - 1 || name.IndexOf(' ') >= 0 || name.IndexOf('*') >= 0)
                {
                    Error(nameColumn, name.Length, "region '" + name + "': expected <cloud>:<code>, such as aws:eu-central-1");
                    return;
                }

                if (!TryGetFields(RegionKeys, out var values) || !TryCountry(values, "country", required: true, out var country) || !TryRequired(values, "source", out var source))
                {
                    return;
                }

                var table = name.Substring(0, colon).ToLowerInvariant();
                var code = name.Substring(colon + 1).ToLowerInvariant();
                if (scope.HasRegion(table, code))
                {
                    Error(nameColumn, name.Length, "region '" + name + "' is declared twice");
                    return;
                }

                var region = new CloudRegion(table, code, country!, Optional(values, "name"), source!.Text, Optional(values, "note"), Origin);
                scope.Add(region);
                file.Regions.Add(region);
            }

            /// <summary><c>group EEA | countries=EU, IS, LI, NO | source=… | read=2026-12-01</c></summary>
            private void ReadGroup(string name, int nameColumn)
            {
                if (Countries.IsCountry(name) || name.Any(c => !(char.IsLetterOrDigit(c) || c == '-' || c == '_')) || !char.IsLetter(name[0]))
                {
                    Error(nameColumn, name.Length, "group name '" + name + "' must be letters, digits, '-' or '_', and not a country code");
                    return;
                }

                if (scope.GroupName(name) != null)
                {
                    Error(nameColumn, name.Length, "group '" + name + "' is already defined");
                    return;
                }

                if (!TryGetFields(GroupKeys, out var values) || !TryRequired(values, "countries", out var countriesField) || !TryRequired(values, "source", out var source) || !TryRequired(values, "read", out var read))
                {
                    return;
                }

                if (!IsDate(read!.Text))
                {
                    Error(read.Column, read.Text.Length, "read= is the date the source was read, as yyyy-MM-dd; not '" + read.Text + "'");
                    return;
                }

                var countries = new List<string>();
                var offset = 0;
                foreach (var part in countriesField!.Text.Split(','))
                {
                    var item = part.Trim();
                    if (!scope.TryExpand(item, countries))
                    {
                        var at = countriesField.Column + offset + (part.Length - part.TrimStart().Length);
                        Error(at, Math.Max(1, item.Length), "'" + item + "' is not an ISO 3166-1 alpha-2 country code or a group declared before this line");
                        return;
                    }

                    offset += part.Length + 1;
                }

                var group = new CountryGroup(name, countries.Distinct(StringComparer.Ordinal).ToList(), source!.Text, read.Text, Optional(values, "note"), Origin);
                scope.Add(group);
                file.Groups.Add(group);
            }

            private void ReadAlias(string name, int nameColumn)
            {
                var invalid = Glob.Validate(name);
                if (invalid != null)
                {
                    Error(nameColumn, name.Length, "alias '" + name + "': " + invalid);
                    return;
                }

                if (!TryGetFields(AliasKeys, out var values) || !TryRequired(values, "model", out var target))
                {
                    return;
                }

                file.Aliases.Add(new ModelAlias(name.ToLowerInvariant(), target!.Text, Origin) { Reason = Optional(values, "reason") });
            }

            private bool TryGetFields(string[] allowed, out Dictionary<string, Field> values)
            {
                values = new Dictionary<string, Field>(StringComparer.Ordinal);
                for (var i = 1; i < fields.Count; i++)
                {
                    var field = fields[i];
                    var eq = field.Text.IndexOf('=');
                    if (eq <= 0)
                    {
                        Error(field.Column, Math.Max(1, field.Text.Length), "expected 'key=value', found '" + field.Text + "'");
                        return false;
                    }

                    var key = field.Text.Substring(0, eq).Trim();
                    var rawValue = field.Text.Substring(eq + 1);
                    var value = rawValue.Trim();
                    var valueColumn = field.Column + eq + 1 + (rawValue.Length - rawValue.TrimStart().Length);
                    if (Array.IndexOf(allowed, key) < 0)
                    {
                        Error(field.Column, key.Length, "unknown key '" + key + "': expected one of " + string.Join(", ", allowed));
                        return false;
                    }

                    if (values.ContainsKey(key))
                    {
                        Error(field.Column, key.Length, "key '" + key + "' is given twice");
                        return false;
                    }

                    if (value.Length == 0)
                    {
                        Error(field.Column, field.Text.Length, "key '" + key + "' has no value");
                        return false;
                    }

                    values.Add(key, new Field(value, valueColumn));
                }

                return true;
            }

            private bool TryRequired(Dictionary<string, Field> values, string key, out Field? field)
            {
                if (values.TryGetValue(key, out field))
                {
                    return true;
                }

                Error(0, line.TrimEnd().Length, "missing '" + key + "=' field");
                return false;
            }

            private static string? Optional(Dictionary<string, Field> values, string key) =>
                values.TryGetValue(key, out var field) ? field.Text : null;

            private bool TryCountry(Dictionary<string, Field> values, string key, bool required, out string? country)
            {
                country = null;
                if (!values.TryGetValue(key, out var field))
                {
                    if (required)
                    {
                        Error(0, line.TrimEnd().Length, "missing '" + key + "=' field");
                        return false;
                    }

                    return true;
                }

                if (!Countries.IsCountry(field.Text))
                {
                    Error(field.Column, field.Text.Length, "'" + field.Text + "' is not an ISO 3166-1 alpha-2 country code");
                    return false;
                }

                country = field.Text.ToUpperInvariant();
                return true;
            }

            private bool TryVendor(Dictionary<string, Field> values, string key, out Vendor? vendor)
            {
                vendor = null;
                if (!TryRequired(values, key, out var field))
                {
                    return false;
                }

                if (vendors.TryGetValue(field!.Text, out vendor) || (known != null && known.TryGetVendor(field.Text, out vendor)))
                {
                    return true;
                }

                Error(field.Column, field.Text.Length, "unknown vendor '" + field.Text + "': declare it with a 'vendor' line first");
                return false;
            }

            private bool TryPatterns(Dictionary<string, Field> values, out List<string>? patterns)
            {
                patterns = null;
                if (!TryRequired(values, "match", out var field))
                {
                    return false;
                }

                patterns = new List<string>();
                var offset = 0;
                foreach (var part in field!.Text.Split(','))
                {
                    var pattern = part.Trim();
                    var column = field.Column + offset + (part.Length - part.TrimStart().Length);
                    offset += part.Length + 1;
                    var invalid = Glob.Validate(pattern.Length > 1 && pattern[0] == '~' ? pattern.Substring(1) : pattern);
                    if (invalid != null)
                    {
                        Error(column, Math.Max(1, pattern.Length), "pattern '" + pattern + "': " + invalid);
                        return false;
                    }

                    if (pattern.Trim('*', '?', '~').Length == 0)
                    {
                        Error(column, pattern.Length, "pattern '" + pattern + "' would match every id");
                        return false;
                    }

                    patterns.Add(pattern.ToLowerInvariant());
                }

                return true;
            }

            private void Error(int column, int length, string message) =>
                file.Errors.Add(new CatalogError(path, lineNumber, column, length, message));
        }

        private sealed class Field
        {
            public Field(string text, int column)
            {
                Text = text;
                Column = column;
            }

            public string Text { get; }

            public int Column { get; }
        }
    }

    /// <summary>What one catalog file declares, and its bad lines.</summary>
    public sealed class CatalogFile
    {
        public CatalogFile(string path) => Path = path;

        public string Path { get; }

        public List<Vendor> Vendors { get; } = new List<Vendor>();

        public List<ModelFamily> Families { get; } = new List<ModelFamily>();

        public List<HostEntry> Hosts { get; } = new List<HostEntry>();

        public List<ModelAlias> Aliases { get; } = new List<ModelAlias>();

        public List<CloudRegion> Regions { get; } = new List<CloudRegion>();

        public List<CountryGroup> Groups { get; } = new List<CountryGroup>();

        public List<CatalogError> Errors { get; } = new List<CatalogError>();
    }

    /// <summary>What lines of a file can refer to: its own vendors, groups and cloud regions, and those of the catalogs it extends.</summary>
    internal sealed class Scope
    {
        private readonly Dictionary<string, CountryGroup> groups = new Dictionary<string, CountryGroup>(StringComparer.OrdinalIgnoreCase);
        private readonly List<CloudRegion> regions = new List<CloudRegion>();
        private readonly HashSet<string> regionKeys = new HashSet<string>(StringComparer.Ordinal);

        public Scope(Dictionary<string, Vendor> vendors, ModelCatalog? known)
        {
            Vendors = vendors;
            Known = known;
        }

        public Dictionary<string, Vendor> Vendors { get; }

        public ModelCatalog? Known { get; }

        public void Add(CountryGroup group) => groups[group.Name] = group;

        public void Add(CloudRegion region)
        {
            regions.Add(region);
            regionKeys.Add(region.Table + ":" + region.Code);
        }

        /// <summary>Whether <c>table:code</c> is declared in this scope or the catalog it extends (table and code lower-case).</summary>
        public bool HasRegion(string table, string code)
        {
            if (regionKeys.Contains(table + ":" + code))
            {
                return true;
            }

            if (Known != null)
            {
                foreach (var region in Known.CloudRegions)
                {
                    if (string.Equals(region.Table, table, StringComparison.OrdinalIgnoreCase) && region.Code == code)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The group's name as declared, or null when no such group is in scope.</summary>
        public string? GroupName(string name) =>
            groups.TryGetValue(name, out var group) ? group.Name : Known != null && Known.TryGetGroup(name, out var knownGroup) ? knownGroup!.Name : null;

        public List<CloudRegion> RegionsOf(string table)
        {
            var list = regions.Where(r => string.Equals(r.Table, table, StringComparison.OrdinalIgnoreCase)).ToList();
            if (Known != null)
            {
                list.AddRange(Known.CloudRegions.Where(r => string.Equals(r.Table, table, StringComparison.OrdinalIgnoreCase) && !list.Any(l => l.Code == r.Code)));
            }

            return list;
        }

        public bool TryExpand(string item, List<string> into)
        {
            if (Countries.IsCountry(item))
            {
                into.Add(item.ToUpperInvariant());
                return true;
            }

            if (groups.TryGetValue(item, out var group))
            {
                into.AddRange(group.Countries);
                return true;
            }

            if (Known != null && Known.TryGetGroup(item, out var knownGroup))
            {
                into.AddRange(knownGroup!.Countries);
                return true;
            }

            return false;
        }
    }
}
