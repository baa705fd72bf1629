using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>A repository catalog file (ModelCatalog.txt, ModelCatalog.*.txt) and its text.</summary>
    internal readonly struct CatalogSource
    {
        public CatalogSource(string path, SourceText text)
        {
            Path = path;
            Text = text;
        }

        public string Path { get; }

        public SourceText Text { get; }
    }

    /// <summary>
    /// The catalog a compilation judges with: the built-in one, extended by the project's ModelCatalog*.txt additional
    /// files in path order. One instance per analyzer instance; the extended catalog is kept weakly, keyed on the first
    /// file's <see cref="SourceText"/> (as Roslyn's own SourceTextValueProvider keys its values), so an IDE that makes a new
    /// compilation per keystroke reuses it while the files are unchanged, and nothing outlives the texts.
    /// </summary>
    internal sealed class CatalogProvider
    {
        private readonly ConditionalWeakTable<SourceText, ExtendedCatalog> extended = new ConditionalWeakTable<SourceText, ExtendedCatalog>();
        private readonly object gate = new object();

        /// <summary>A file named ModelCatalog.txt or ModelCatalog.*.txt (any case).</summary>
        public static bool IsCatalogFile(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return name.StartsWith("ModelCatalog", StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(".txt", StringComparison.OrdinalIgnoreCase)
                && (name.Length == "ModelCatalog.txt".Length || name["ModelCatalog".Length] == '.');
        }

        /// <summary>The catalog files among the additional files, in a deterministic (path) order.</summary>
        public static ImmutableArray<CatalogSource> FindSources(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
        {
            // Most projects have none: no sorting and no builder then (every compile pays for this at start-up).
            List<AdditionalText>? catalogs = null;
            foreach (var file in files)
            {
                if (IsCatalogFile(file.Path))
                {
                    (catalogs ??= new List<AdditionalText>()).Add(file);
                }
            }

            if (catalogs == null)
            {
                return ImmutableArray<CatalogSource>.Empty;
            }

            catalogs.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
            var sources = ImmutableArray.CreateBuilder<CatalogSource>(catalogs.Count);
            foreach (var file in catalogs)
            {
                if (file.GetText(cancellationToken) is { } text)
                {
                    sources.Add(new CatalogSource(file.Path, text));
                }
            }

            return sources.ToImmutable();
        }

        public ModelCatalog GetCatalog(ImmutableArray<CatalogSource> sources)
        {
            if (sources.IsEmpty)
            {
                return ModelCatalog.Builtin;
            }

            var key = sources[0].Text;
            if (extended.TryGetValue(key, out var cached) && cached.IsFor(sources))
            {
                return cached.Catalog;
            }

            var catalog = ModelCatalog.Extend(ModelCatalog.Builtin, sources.Select(s => new KeyValuePair<string, string>(s.Path, s.Text.ToString())));
            lock (gate)
            {
                extended.Remove(key);
                extended.Add(key, new ExtendedCatalog(sources, catalog));
            }

            return catalog;
        }

        private sealed class ExtendedCatalog
        {
            private readonly ImmutableArray<CatalogSource> sources;

            public ExtendedCatalog(ImmutableArray<CatalogSource> sources, ModelCatalog catalog)
            {
                this.sources = sources;
                Catalog = catalog;
            }

            public ModelCatalog Catalog { get; }

            public bool IsFor(ImmutableArray<CatalogSource> other)
            {
                if (other.Length != sources.Length)
                {
                    return false;
                }

                for (var i = 0; i < other.Length; i++)
                {
                    if (other[i].Path != sources[i].Path || !(ReferenceEquals(other[i].Text, sources[i].Text) || other[i].Text.ContentEquals(sources[i].Text)))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
