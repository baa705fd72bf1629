using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelPolicy.Catalog
{
    /// <summary>
    /// A named set of countries (<c>EU</c>, <c>EEA</c>, <c>foreign-adversaries</c>), with the legal or official text
    /// it is taken from and the date that text was read. A policy key that takes countries takes a group's name too.
    /// </summary>
    public sealed class CountryGroup
    {
        public CountryGroup(string name, IReadOnlyList<string> countries, string source, string read, string? note, CatalogOrigin origin)
        {
            Name = name;
            Countries = countries;
            Source = source;
            Read = read;
            Note = note;
            Origin = origin;
        }

        /// <summary>As written in the catalog (matched case-insensitively).</summary>
        public string Name { get; }

        /// <summary>ISO 3166-1 alpha-2 codes, groups already expanded, in the order written.</summary>
        public IReadOnlyList<string> Countries { get; }

        public string Source { get; }

        /// <summary>The date (yyyy-MM-dd) the cited text was read for this entry.</summary>
        public string Read { get; }

        public string? Note { get; }

        public CatalogOrigin Origin { get; }
    }

    /// <summary>A cloud's region code and the country its data centres are in (<c>aws:eu-central-1</c> is DE).</summary>
    public sealed class CloudRegion
    {
        public CloudRegion(string table, string code, string country, string? name, string source, string? note, CatalogOrigin origin)
        {
            Table = table;
            Code = code;
            Country = country;
            Name = name;
            Source = source;
            Note = note;
            Origin = origin;
        }

        /// <summary>The cloud whose codes these are: <c>aws</c>, <c>gcp</c>, <c>ibm</c>.</summary>
        public string Table { get; }

        /// <summary>The region code as the host name carries it (<c>eu-central-1</c>, <c>europe-west4</c>).</summary>
        public string Code { get; }

        public string Country { get; }

        /// <summary>The operator's own name for it (<c>Europe (Frankfurt)</c>).</summary>
        public string? Name { get; }

        public string Source { get; }

        public string? Note { get; }

        public CatalogOrigin Origin { get; }

        public string Key => Table + ":" + Code;
    }

    /// <summary>
    /// Where an endpoint processes (and stores) prompts: one country (<c>DE</c>), a zone the operator promises
    /// (<c>EU</c>, <c>EEA+CH</c>), or unknown. A zone is judged by all its countries: it is inside an allow-list only
    /// when every one of them is, and hits a deny-list when any one of them does.
    /// </summary>
    public sealed class EndpointRegion
    {
        internal static readonly EndpointRegion Unrecorded = new EndpointRegion(null, Array.Empty<string>(), null, null, null, "the catalog records no processing region for this host");

        public EndpointRegion(string? code, IReadOnlyList<string> countries, string? cloudRegion, string? cloudRegionName, string? source, string? note)
        {
            Code = code;
            Countries = countries;
            CloudRegion = cloudRegion;
            CloudRegionName = cloudRegionName;
            Source = source;
            Note = note;
        }

        /// <summary>"US", "DE", "EU", "EEA+CH"; null when unknown.</summary>
        public string? Code { get; }

        /// <summary>The ISO codes the region may be in; empty when unknown.</summary>
        public IReadOnlyList<string> Countries { get; }

        /// <summary>The cloud region the host names (<c>eu-central-1</c>), when it names one.</summary>
        public string? CloudRegion { get; }

        /// <summary>The cloud's name for it (<c>Europe (Frankfurt)</c>).</summary>
        public string? CloudRegionName { get; }

        /// <summary>Where the fact comes from; null for a host whose catalog line records no region.</summary>
        public string? Source { get; }

        /// <summary>Why it is unknown, or what the operator's promise leaves open.</summary>
        public string? Note { get; }

        public bool IsKnown => Code != null;

        /// <summary>"US", "EEA+CH" or "unknown", as messages and inventories show it.</summary>
        public string Display => Code ?? "unknown";

        public override string ToString() => Display;
    }

    /// <summary>
    /// A host line's <c>region=</c>: a country, a group, a union (<c>EEA+CH</c>), <c>unknown</c>, or
    /// <c>&lt;cloud&gt;:*</c> for the cloud region code that the host name carries where the pattern has its one <c>*</c>.
    /// </summary>
    public sealed class RegionSpec
    {
        public static readonly RegionSpec Unrecorded = new RegionSpec(EndpointRegion.Unrecorded, null, null, null, null);

        private readonly EndpointRegion? fixedRegion;
        private readonly Dictionary<string, CloudRegion>? table;

        private RegionSpec(EndpointRegion? fixedRegion, string? tableName, Dictionary<string, CloudRegion>? table, string? source, string? note)
        {
            this.fixedRegion = fixedRegion;
            TableName = tableName;
            this.table = table;
            Source = source;
            Note = note;
        }

        /// <summary>The cloud whose region codes the host name carries, or null for a fixed region.</summary>
        public string? TableName { get; }

        /// <summary>The host line's <c>region_source=</c>.</summary>
        public string? Source { get; }

        /// <summary>The host line's <c>region_note=</c>.</summary>
        public string? Note { get; }

        public static RegionSpec Fixed(EndpointRegion region) => new RegionSpec(region, null, null, region.Source, region.Note);

        public static RegionSpec FromHostName(string tableName, IEnumerable<CloudRegion> regions, string source, string? note) =>
            new RegionSpec(null, tableName, regions.ToDictionary(r => r.Code, StringComparer.OrdinalIgnoreCase), source, note);

        internal EndpointRegion Resolve(string pattern, string host)
        {
            if (fixedRegion != null)
            {
                return fixedRegion;
            }

            var star = pattern.IndexOf('*');
            var suffix = pattern.Length - star - 1;
            if (star < 0 || host.Length < star + suffix)
            {
                return new EndpointRegion(null, Array.Empty<string>(), null, null, Source, "the host name does not carry a region code");
            }

            var code = host.Substring(star, host.Length - star - suffix);
            if (table!.TryGetValue(code, out var region))
            {
                return new EndpointRegion(region.Country, new[] { region.Country }, region.Code, region.Name, region.Source, Note == null ? region.Note : region.Note == null ? Note : Note + "; " + region.Note);
            }

            return new EndpointRegion(null, Array.Empty<string>(), code, null, Source, "the catalog does not know " + TableName + " region '" + code + "'");
        }
    }
}
