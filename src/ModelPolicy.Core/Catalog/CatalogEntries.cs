using System.Collections.Generic;

namespace ModelPolicy.Catalog
{
    /// <summary>Where an entry came from: a catalog file and a 1-based line.</summary>
    public readonly struct CatalogOrigin
    {
        public CatalogOrigin(string path, int line)
        {
            Path = path;
            Line = line;
        }

        public string Path { get; }

        public int Line { get; }

        public override string ToString() => Path + "(" + Line + ")";
    }

    /// <summary>A company that makes models or runs endpoints, with its home country.</summary>
    public sealed class Vendor
    {
        public Vendor(string name, string country, string source, string? note, CatalogOrigin origin)
        {
            Name = name;
            Country = country;
            Source = source;
            Note = note;
            Origin = origin;
        }

        public string Name { get; }

        /// <summary>ISO 3166-1 alpha-2 code of the vendor's home country.</summary>
        public string Country { get; }

        public string Source { get; }

        public string? Note { get; }

        public CatalogOrigin Origin { get; }

        /// <summary>The repository line's <c>reason=</c>: why it overrides a built-in attribution (null if none).</summary>
        public string? Reason { get; internal set; }

    }

    /// <summary>What a model is for; the code fixes suggest replacements of the same kind.</summary>
    public enum ModelKind
    {
        Chat,
        Reasoning,
        Code,
        Embedding,
        Rerank,
        Image,
        Audio,
        Moderation,
    }

    /// <summary>A family of models from one vendor, recognised by id globs.</summary>
    public sealed class ModelFamily
    {
        public ModelFamily(string name, Vendor vendor, string country, IReadOnlyList<string> patterns, bool openWeights, ModelKind kind, string source, string? note, CatalogOrigin origin, IReadOnlyList<string>? examples = null)
        {
            Examples = examples ?? System.Array.Empty<string>();
            Name = name;
            Vendor = vendor;
            Country = country;
            Patterns = patterns;
            OpenWeights = openWeights;
            Kind = kind;
            Source = source;
            Note = note;
            Origin = origin;
        }

        public string Name { get; }

        public Vendor Vendor { get; }

        /// <summary>Origin of the weights: the vendor's country unless the entry says otherwise.</summary>
        public string Country { get; }

        /// <summary>Lower-case globs matched against the normalised id.</summary>
        public IReadOnlyList<string> Patterns { get; }

        public bool OpenWeights { get; }

        public ModelKind Kind { get; }

        /// <summary>Concrete ids of the family, newest or most used first: what a code fix can offer as a replacement.</summary>
        public IReadOnlyList<string> Examples { get; }

        public string Source { get; }

        public string? Note { get; }

        public CatalogOrigin Origin { get; }

        /// <summary>The repository line's <c>reason=</c>: why it overrides a built-in attribution (null if none).</summary>
        public string? Reason { get; internal set; }

    }

    /// <summary>An API host. The host decides where the prompt goes, never the model's origin.</summary>
    public sealed class HostEntry
    {
        public HostEntry(string pattern, Vendor @operator, string country, bool multiVendor, string source, string? note, CatalogOrigin origin, IReadOnlyList<string>? paths = null, RegionSpec? region = null)
        {
            Region = region ?? RegionSpec.Unrecorded;
            Paths = paths ?? System.Array.Empty<string>();
            Pattern = pattern;
            Operator = @operator;
            Country = country;
            MultiVendor = multiVendor;
            Source = source;
            Note = note;
            Origin = origin;
        }

        /// <summary>Lower-case host glob, such as <c>*.openai.azure.com</c>.</summary>
        public string Pattern { get; }

        public Vendor Operator { get; }

        /// <summary>The country of whoever runs the host (the jurisdiction that can compel the operator).</summary>
        public string Country { get; }

        /// <summary>Where the host processes prompts, as the catalog line declares it (<c>region=</c>).</summary>
        public RegionSpec Region { get; }

        /// <summary>
        /// The processing region of a host this entry matches: fixed by the entry, or read from the host name
        /// (<c>bedrock-runtime.eu-central-1.amazonaws.com</c> is <c>aws:eu-central-1</c>, Germany). Unknown where
        /// the host name does not fix it.
        /// </summary>
        public EndpointRegion RegionOf(string host) => Region.Resolve(Pattern, host);

        /// <summary>
        /// Where a host is also a website (openrouter.ai), the path prefixes of its API (<c>/api</c>); a URL
        /// elsewhere on the host is a web page, not an endpoint. Empty: the whole host is the API.
        /// </summary>
        public IReadOnlyList<string> Paths { get; }

        /// <summary>True when the URL path at <c>text[start..]</c> is under the API, or the host has no such prefixes.</summary>
        public bool IsApiPath(string text, int start, int end)
        {
            if (Paths.Count == 0)
            {
                return true;
            }

            foreach (var path in Paths)
            {
                if (end - start >= path.Length && string.Compare(text, start, path, 0, path.Length, System.StringComparison.OrdinalIgnoreCase) == 0
                    && (end - start == path.Length || text[start + path.Length] == '/' || text[start + path.Length] == '?'))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True where the host serves many vendors' models (Together, Bedrock, OpenRouter…).</summary>
        public bool MultiVendor { get; }

        public string Source { get; }

        public string? Note { get; }

        public CatalogOrigin Origin { get; }

        /// <summary>The repository line's <c>reason=</c>: why it overrides a built-in attribution (null if none).</summary>
        public string? Reason { get; internal set; }

        /// <summary>When this repository host line changes a built-in host's operator or country, the override.</summary>
        public CatalogOverride? Override { get; internal set; }

    }

    /// <summary>A repository's own name for a known model (an Azure deployment, an internal fine-tune).</summary>
    public sealed class ModelAlias
    {
        public ModelAlias(string pattern, string target, CatalogOrigin origin)
        {
            Pattern = pattern;
            Target = target;
            Origin = origin;
        }

        public string Pattern { get; }

        public string Target { get; }

        public CatalogOrigin Origin { get; }

        /// <summary>The repository line's <c>reason=</c>: why it overrides a built-in attribution (null if none).</summary>
        public string? Reason { get; internal set; }

    }

    /// <summary>A bad line in a catalog file, with the span of the offending text within that line.</summary>
    public sealed class CatalogError
    {
        public CatalogError(string path, int line, int column, int length, string message)
        {
            Path = path;
            Line = line;
            Column = column;
            Length = length;
            Message = message;
        }

        public string Path { get; }

        /// <summary>1-based line.</summary>
        public int Line { get; }

        /// <summary>0-based column of the offending text.</summary>
        public int Column { get; }

        public int Length { get; }

        public string Message { get; }

        public override string ToString() => Path + "(" + Line + "," + (Column + 1) + "): " + Message;
    }
}
