using System.Collections.Immutable;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>
    /// One judged use of a model id or endpoint, before it becomes a diagnostic: what it is, what the catalog knows of
    /// it, what the policy says, and the properties the code fixes and the CLI read (<see cref="DiagnosticProperties"/>).
    /// </summary>
    internal sealed class Finding
    {
        private Finding(string kind, string value, string description, Verdict verdict, ImmutableDictionary<string, string?> properties, ModelMatch? model = null, HostEntry? host = null)
        {
            Model = model;
            Host = host;
            Kind = kind;
            Value = value;
            Description = description;
            Verdict = verdict;
            Properties = properties;
        }

        /// <summary><see cref="ValueKinds.Model"/> or <see cref="ValueKinds.Endpoint"/>.</summary>
        public string Kind { get; }

        /// <summary>The model id, or the endpoint's host in lower case.</summary>
        public string Value { get; }

        /// <summary>
        /// The same finding for a value inside a JSON text in a string: where in the string's value text it is
        /// (<see cref="DiagnosticProperties.ValueSpanStart"/>), so the code fix rewrites that value and no other.
        /// </summary>
        public Finding InJsonText(int valueStart, int valueLength) =>
            new Finding(Kind, Value, Description, Verdict, Properties
                .SetItem(DiagnosticProperties.ValueSpanStart, valueStart.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .SetItem(DiagnosticProperties.ValueSpanLength, valueLength.ToString(System.Globalization.CultureInfo.InvariantCulture)), Model, Host);

        /// <summary>"Alibaba, CN, open weights"; "Amazon, US, region US" (operator, its country, where prompts are processed); "not in the catalog".</summary>
        public string Description { get; }

        public Verdict Verdict { get; }

        public ImmutableDictionary<string, string?> Properties { get; }

        public bool IsModel => Kind == ValueKinds.Model;

        /// <summary>What the catalog knows of a model id, or null.</summary>
        public ModelMatch? Model { get; }

        /// <summary>What the catalog knows of an endpoint's host, or null.</summary>
        public HostEntry? Host { get; }

        public static Finding ForModel(string id, ModelMatch? match, Verdict verdict, string positionName)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[DiagnosticProperties.Kind] = ValueKinds.Model;
            properties[DiagnosticProperties.Value] = id;
            properties[DiagnosticProperties.Position] = positionName;
            properties[DiagnosticProperties.PolicyKey] = verdict.Rule;
            if (match != null)
            {
                properties[DiagnosticProperties.Vendor] = match.Vendor.Name;
                properties[DiagnosticProperties.Country] = match.Country;
                properties[DiagnosticProperties.OpenWeights] = match.Family.OpenWeights ? "true" : "false";
                properties[DiagnosticProperties.Family] = match.Family.Name;
                properties[DiagnosticProperties.ModelKind] = match.Family.Kind.ToString().ToLowerInvariant();
                if (match.AliasTarget != null)
                {
                    properties[DiagnosticProperties.AliasOf] = match.AliasTarget;
                }

                if (match.Override != null)
                {
                    properties[DiagnosticProperties.CatalogLine] = match.Override.Origin.ToString(); // MP0011: the inventory marks it overridden
                }
            }

            return new Finding(ValueKinds.Model, id, DescribeModel(match), verdict, properties.ToImmutable(), model: match);
        }

        public static Finding ForEndpoint(string host, HostEntry? entry, bool local, Verdict verdict, string positionName, ModelServer? server = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties[DiagnosticProperties.Kind] = ValueKinds.Endpoint;
            properties[DiagnosticProperties.Value] = host;
            properties[DiagnosticProperties.Position] = positionName;
            properties[DiagnosticProperties.PolicyKey] = verdict.Rule;
            if (entry != null)
            {
                properties[DiagnosticProperties.Vendor] = entry.Operator.Name;
                properties[DiagnosticProperties.Country] = entry.Country;
                var region = verdict.Region;
                properties[DiagnosticProperties.Region] = region?.Display ?? RegionValues.Unknown;
                if (region != null && region.IsKnown)
                {
                    properties[DiagnosticProperties.RegionCountries] = string.Join(",", region.Countries);
                }

                if (region?.CloudRegion != null)
                {
                    properties[DiagnosticProperties.CloudRegion] = region.CloudRegion;
                }

                if (entry.Override != null)
                {
                    properties[DiagnosticProperties.CatalogLine] = entry.Override.Origin.ToString(); // MP0011: the inventory marks it overridden
                }
            }

            if (server != null)
            {
                properties[DiagnosticProperties.Vendor] = server.Name;
            }

            var description = server != null ? "self-hosted " + server.Name : EndpointDescription.Describe(entry, verdict, local);
            return new Finding(ValueKinds.Endpoint, host, description, verdict, properties.ToImmutable(), host: entry);
        }

        /// <summary>"Alibaba, CN, open weights" (and "alias of gpt-4o, …" for a repository alias); "not in the catalog".</summary>
        public static string DescribeModel(ModelMatch? match)
        {
            if (match == null)
            {
                return "not in the catalog";
            }

            var text = match.Vendor.Name + ", " + match.Country + ", " + (match.Family.OpenWeights ? "open weights" : "closed weights")
                + (match.Override == null ? string.Empty : ", " + match.Override.AttributionNote); // MP0011: where the attribution came from
            return match.AliasTarget == null ? text : "alias of " + match.AliasTarget + ", " + text;
        }

    }
}
