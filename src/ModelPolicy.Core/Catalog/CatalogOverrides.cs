using System;
using System.Collections.Generic;

namespace ModelPolicy.Catalog
{
    /// <summary>What kind of repository catalog line changed a built-in attribution.</summary>
    public enum CatalogOverrideKind
    {
        /// <summary>A <c>model</c> line whose globs take ids of a built-in family to another vendor, country or weights.</summary>
        Model,

        /// <summary>An <c>alias</c> line whose name is an id the built-in catalog knows, pointing at another model.</summary>
        Alias,

        /// <summary>A <c>host</c> line for a host the built-in catalog knows, with another operator or country.</summary>
        Host,

        /// <summary>A <c>vendor</c> line that declares a built-in vendor again with another country.</summary>
        Vendor,
    }

    /// <summary>
    /// A repository catalog line (ModelCatalog*.txt) that changes who made a model id the built-in catalog knows,
    /// the maker's country or the openness of its weights; or the operator or country of a known host.
    /// </summary>
    public sealed class CatalogOverride
    {
        public CatalogOverride(
            CatalogOverrideKind kind,
            string value,
            CatalogOrigin origin,
            string? reason,
            string builtinVendor,
            string builtinCountry,
            bool? builtinOpenWeights,
            CatalogOrigin builtinOrigin,
            string vendor,
            string country,
            bool? openWeights)
        {
            Kind = kind;
            Value = value;
            Origin = origin;
            Reason = reason;
            BuiltinVendor = builtinVendor;
            BuiltinCountry = builtinCountry;
            BuiltinOpenWeights = builtinOpenWeights;
            BuiltinOrigin = builtinOrigin;
            Vendor = vendor;
            Country = country;
            OpenWeights = openWeights;
        }

        public CatalogOverrideKind Kind { get; }

        /// <summary>The re-attributed model id (<c>deepseek-chat</c>), host or vendor name.</summary>
        public string Value { get; }

        /// <summary>The repository line that does it.</summary>
        public CatalogOrigin Origin { get; }

        /// <summary>The line's <c>reason=</c>, or null: an override with a reason is an audited exception.</summary>
        public string? Reason { get; }

        public string BuiltinVendor { get; }

        public string BuiltinCountry { get; }

        /// <summary>Null for hosts and vendors.</summary>
        public bool? BuiltinOpenWeights { get; }

        /// <summary>The built-in entry that is overridden.</summary>
        public CatalogOrigin BuiltinOrigin { get; }

        public string Vendor { get; }

        public string Country { get; }

        public bool? OpenWeights { get; }

        /// <summary>"DeepSeek, CN, open weights (builtin.catalog line 317)": what the built-in catalog says.</summary>
        public string DescribeBuiltin() => Describe(BuiltinVendor, BuiltinCountry, BuiltinOpenWeights) + " (" + BuiltinOrigin.Path + " line " + BuiltinOrigin.Line + ")";

        /// <summary>"OpenAI, US, closed weights": what the repository line says.</summary>
        public string DescribeOverride() => Describe(Vendor, Country, OpenWeights);

        /// <summary>"attribution from ModelCatalog.txt line 3 (built-in: DeepSeek, CN, open weights)": for a finding's message.</summary>
        public string AttributionNote => "attribution from " + System.IO.Path.GetFileName(Origin.Path) + " line " + Origin.Line + " (built-in: " + Describe(BuiltinVendor, BuiltinCountry, BuiltinOpenWeights) + ")";

        /// <summary>
        /// "ModelCatalog.txt line 3 re-attributes model 'deepseek-chat' from DeepSeek, CN, open weights (builtin.catalog
        /// line 317) to OpenAI, US, closed weights".
        /// </summary>
        public override string ToString() =>
            System.IO.Path.GetFileName(Origin.Path) + " line " + Origin.Line + " re-attributes " + KindWord(Kind) + " '" + Value + "' from "
            + DescribeBuiltin() + " to " + DescribeOverride();

        internal static string KindWord(CatalogOverrideKind kind) => kind switch
        {
            CatalogOverrideKind.Host => "host",
            CatalogOverrideKind.Vendor => "vendor",
            _ => "model",
        };

        private static string Describe(string vendor, string country, bool? open) =>
            vendor + ", " + country + (open == null ? string.Empty : open.Value ? ", open weights" : ", closed weights");
    }

    /// <summary>
    /// Finds the lines of a repository's catalog files that override what the built-in catalog says of an id it
    /// knows. Probes are the ids both sides name: each built-in family's literal globs, examples and glob prefixes,
    /// and each repository line's. An id counts as overridden when the extended catalog's answer comes from a
    /// repository line and differs from the built-in answer in vendor, country or weights.
    /// </summary>
    internal static class CatalogOverrides
    {
        public static List<CatalogOverride> Find(ModelCatalog builtin, ModelCatalog extended, IReadOnlyList<CatalogFile> files)
        {
            var found = new List<CatalogOverride>();
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            if (files.Count == 0)
            {
                return found;
            }

            var repositoryAliases = new List<ModelAlias>();
            foreach (var file in files)
            {
                repositoryAliases.AddRange(file.Aliases);
            }

            foreach (var probe in ModelProbes(builtin, files))
            {
                var before = builtin.MatchModel(probe);
                if (before == null)
                {
                    continue;
                }

                var after = extended.MatchModel(probe);
                if (after == null || !Differs(before, after))
                {
                    continue;
                }

                CatalogOrigin origin;
                string? reason;
                CatalogOverrideKind kind;
                var alias = after.AliasTarget == null ? null : FirstAlias(repositoryAliases, probe);
                if (alias != null)
                {
                    origin = alias.Origin;
                    reason = alias.Reason;
                    kind = CatalogOverrideKind.Alias;
                }
                else if (after.Family.Origin.Path != ModelCatalog.BuiltinPath && after.AliasTarget == null)
                {
                    origin = after.Family.Origin;
                    reason = after.Family.Reason;
                    kind = CatalogOverrideKind.Model;
                }
                else
                {
                    continue; // a built-in alias or family answers: nothing of the repository's
                }

                if (seen.Add(origin + "\0" + probe))
                {
                    found.Add(new CatalogOverride(
                        kind, probe, origin, reason,
                        before.Vendor.Name, before.Country, before.Family.OpenWeights, before.Family.Origin,
                        after.Vendor.Name, after.Country, after.Family.OpenWeights));
                }
            }

            foreach (var probe in HostProbes(builtin, files))
            {
                var before = builtin.MatchHost(probe);
                var after = extended.MatchHost(probe);
                if (before == null || after == null || after.Origin.Path == ModelCatalog.BuiltinPath)
                {
                    continue;
                }

                if ((!string.Equals(before.Operator.Name, after.Operator.Name, StringComparison.OrdinalIgnoreCase) || before.Country != after.Country)
                    && seen.Add(after.Origin + "\0" + probe))
                {
                    found.Add(new CatalogOverride(
                        CatalogOverrideKind.Host, probe, after.Origin, after.Reason,
                        before.Operator.Name, before.Country, null, before.Origin,
                        after.Operator.Name, after.Country, null));
                }
            }

            foreach (var file in files)
            {
                foreach (var vendor in file.Vendors)
                {
                    if (builtin.TryGetVendor(vendor.Name, out var known) && known!.Country != vendor.Country && seen.Add(vendor.Origin + "\0vendor"))
                    {
                        found.Add(new CatalogOverride(
                            CatalogOverrideKind.Vendor, known.Name, vendor.Origin, vendor.Reason,
                            known.Name, known.Country, null, known.Origin,
                            vendor.Name, vendor.Country, null));
                    }
                }
            }

            found.Sort((a, b) =>
            {
                var order = string.CompareOrdinal(a.Origin.Path, b.Origin.Path);
                order = order != 0 ? order : a.Origin.Line.CompareTo(b.Origin.Line);
                return order != 0 ? order : string.CompareOrdinal(a.Value, b.Value);
            });
            return found;
        }

        private static bool Differs(ModelMatch before, ModelMatch after) =>
            !string.Equals(before.Vendor.Name, after.Vendor.Name, StringComparison.OrdinalIgnoreCase)
            || before.Country != after.Country
            || before.Family.OpenWeights != after.Family.OpenWeights;

        private static ModelAlias? FirstAlias(List<ModelAlias> aliases, string id)
        {
            foreach (var alias in aliases)
            {
                if (Text.Glob.IsMatch(alias.Pattern, id))
                {
                    return alias;
                }
            }

            return null;
        }

        private static IEnumerable<string> ModelProbes(ModelCatalog builtin, IReadOnlyList<CatalogFile> files)
        {
            foreach (var file in files)
            {
                foreach (var family in file.Families)
                {
                    foreach (var probe in FamilyProbes(family))
                    {
                        yield return probe;
                    }
                }

                foreach (var alias in file.Aliases)
                {
                    if (Probe(alias.Pattern) is { } probe)
                    {
                        yield return probe;
                    }
                }
            }

            foreach (var family in builtin.Families)
            {
                foreach (var probe in FamilyProbes(family))
                {
                    yield return probe;
                }
            }
        }

        private static IEnumerable<string> FamilyProbes(ModelFamily family)
        {
            foreach (var example in family.Examples)
            {
                yield return example;
            }

            foreach (var pattern in family.Patterns)
            {
                if (Probe(pattern.TrimStart('~')) is { } probe)
                {
                    yield return probe;
                }
            }
        }

        private static IEnumerable<string> HostProbes(ModelCatalog builtin, IReadOnlyList<CatalogFile> files)
        {
            foreach (var file in files)
            {
                foreach (var host in file.Hosts)
                {
                    yield return HostProbe(host.Pattern);
                }
            }

            foreach (var host in builtin.Hosts)
            {
                yield return HostProbe(host.Pattern);
            }
        }

        /// <summary>A literal glob as it is; otherwise the text before its first wildcard, when that is an id.</summary>
        private static string? Probe(string pattern)
        {
            var wildcard = pattern.IndexOfAny(new[] { '*', '?', '[' });
            var text = wildcard < 0 ? pattern : pattern.Substring(0, wildcard).TrimEnd('-', '.', ':', '/', '_');
            return ModelIdShape.IsPlausible(text) ? text : null;
        }

        /// <summary><c>*.openai.azure.com</c> → <c>x.openai.azure.com</c>.</summary>
        private static string HostProbe(string pattern) => pattern.Replace("*", "x").Replace("?", "x");
    }
}
