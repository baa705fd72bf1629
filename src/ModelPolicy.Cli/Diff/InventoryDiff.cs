using System;
using System.Collections.Generic;
using System.Linq;

namespace ModelPolicy.Cli.Diff
{
    /// <summary>What <c>--fail-on</c> makes the diff exit 1 on.</summary>
    internal enum DiffFailOn
    {
        /// <summary>Never: the diff is a report.</summary>
        None,

        /// <summary>A model origin country (the country of whoever made the weights) the base lacks.</summary>
        NewOrigin,

        /// <summary>A model vendor the base lacks.</summary>
        NewVendor,

        /// <summary>An endpoint operator, an operator's country or an endpoint region the base lacks.</summary>
        NewEndpoint,

        /// <summary>Any of the above (the default).</summary>
        Any,
    }

    /// <summary>One set of names compared: what the head adds and what it drops.</summary>
    internal sealed record Change(string Title, IReadOnlyList<string> Added, IReadOnlyList<string> Removed)
    {
        public bool IsEmpty => Added.Count == 0 && Removed.Count == 0;
    }

    /// <summary>
    /// Two inventories compared on the three axes: models (and their vendors and origin countries), endpoint hosts
    /// (and their operators, the operators' countries and the hosts' regions).
    /// </summary>
    internal sealed class InventoryDiff
    {
        private InventoryDiff(InventorySnapshot @base, InventorySnapshot head)
        {
            Base = @base;
            Head = head;
            var baseModels = @base.Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
            var headModels = head.Models.ToDictionary(m => m.Id, StringComparer.Ordinal);
            var baseHosts = @base.Endpoints.ToDictionary(e => e.Host, StringComparer.OrdinalIgnoreCase);
            var headHosts = head.Endpoints.ToDictionary(e => e.Host, StringComparer.OrdinalIgnoreCase);

            Models = new Change(
                "Models",
                headModels.Values.Where(m => !baseModels.ContainsKey(m.Id)).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                baseModels.Values.Where(m => !headModels.ContainsKey(m.Id)).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList());
            Vendors = Compare("Vendors", @base.Models.Select(m => m.Vendor), head.Models.Select(m => m.Vendor));
            Origins = Compare("Model origins", @base.Models.Select(m => m.Origin), head.Models.Select(m => m.Origin));
            Endpoints = new Change(
                "Endpoints",
                headHosts.Values.Where(e => !baseHosts.ContainsKey(e.Host)).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList(),
                baseHosts.Values.Where(e => !headHosts.ContainsKey(e.Host)).Select(Describe).OrderBy(s => s, StringComparer.Ordinal).ToList());
            Operators = Compare("Endpoint operators", @base.Endpoints.Select(e => e.Operator), head.Endpoints.Select(e => e.Operator));
            OperatorCountries = Compare("Endpoint operator countries", @base.Endpoints.Select(e => e.Country), head.Endpoints.Select(e => e.Country));
            Regions = Compare("Endpoint regions", @base.Endpoints.Select(e => e.Region), head.Endpoints.Select(e => e.Region));
        }

        public InventorySnapshot Base { get; }

        public InventorySnapshot Head { get; }

        public Change Models { get; }

        public Change Vendors { get; }

        public Change Origins { get; }

        public Change Endpoints { get; }

        public Change Operators { get; }

        public Change OperatorCountries { get; }

        public Change Regions { get; }

        public IEnumerable<Change> All => new[] { Models, Vendors, Origins, Endpoints, Operators, OperatorCountries, Regions };

        public bool IsEmpty => All.All(c => c.IsEmpty);

        public static InventoryDiff Compare(InventorySnapshot @base, InventorySnapshot head) => new InventoryDiff(@base, head);

        /// <summary>Why the diff fails under <paramref name="failOn"/>, one line per new name; empty when it does not.</summary>
        public IReadOnlyList<string> Failures(DiffFailOn failOn)
        {
            var failures = new List<string>();
            if (failOn is DiffFailOn.NewVendor or DiffFailOn.Any)
            {
                failures.AddRange(Vendors.Added.Select(v => "new vendor " + v));
            }

            if (failOn is DiffFailOn.NewOrigin or DiffFailOn.Any)
            {
                failures.AddRange(Origins.Added.Select(o => "new model origin " + o));
            }

            if (failOn is DiffFailOn.NewEndpoint or DiffFailOn.Any)
            {
                failures.AddRange(Operators.Added.Select(o => "new endpoint operator " + o));
                failures.AddRange(OperatorCountries.Added.Select(c => "new endpoint operator country " + c));
                failures.AddRange(Regions.Added.Select(r => "new endpoint region " + r));
            }

            return failures;
        }

        private static string Describe(SnapshotModel model) =>
            model.Id + " (" + (model.Vendor ?? "not in the catalog") + (model.Origin == null ? string.Empty : ", " + model.Origin) + ")";

        private static string Describe(SnapshotEndpoint endpoint) =>
            endpoint.Host + " (" + (endpoint.Operator == null ? "not in the catalog" : endpoint.Operator + ", " + (endpoint.Country ?? "?")) + ", region " + (endpoint.Region ?? "-") + ")";

        private static Change Compare(string title, IEnumerable<string?> before, IEnumerable<string?> after)
        {
            var a = new HashSet<string>(before.Where(v => v != null).Select(v => v!), StringComparer.OrdinalIgnoreCase);
            var b = new HashSet<string>(after.Where(v => v != null).Select(v => v!), StringComparer.OrdinalIgnoreCase);
            return new Change(
                title,
                b.Where(v => !a.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToList(),
                a.Where(v => !b.Contains(v)).OrderBy(v => v, StringComparer.Ordinal).ToList());
        }
    }
}
