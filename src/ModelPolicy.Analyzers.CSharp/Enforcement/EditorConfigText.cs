using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Enforcement
{
    /// <summary>
    /// An .editorconfig or .globalconfig the package's targets pass as an AdditionalFile, read only to point at the
    /// line of a key (the compiler has already applied it): its sections, each key's line, and whether a section
    /// applies to a file.
    /// </summary>
    internal sealed class EditorConfigText
    {
        private EditorConfigText(string path, SourceText text, bool isGlobal, bool isRoot, List<Section> sections)
        {
            Path = path;
            Text = text;
            IsGlobal = isGlobal;
            IsRoot = isRoot;
            Sections = sections;
            Directory = NormalisedDirectory(path);
        }

        public string Path { get; }

        public SourceText Text { get; }

        public bool IsGlobal { get; }

        public bool IsRoot { get; }

        /// <summary>The folder of the file, with '/' separators and a trailing '/'.</summary>
        public string Directory { get; }

        /// <summary>The preamble (Glob null) and the sections, in file order.</summary>
        public List<Section> Sections { get; }

        /// <summary>True for <c>.editorconfig</c>, <c>.globalconfig</c> and <c>*.globalconfig</c> names.</summary>
        public static bool IsConfigFile(string path)
        {
            var name = System.IO.Path.GetFileName(path);
            return string.Equals(name, ".editorconfig", StringComparison.OrdinalIgnoreCase)
                || name.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase);
        }

        public static EditorConfigText Parse(string path, SourceText text)
        {
            var sections = new List<Section>();
            var current = new Section(null, null, -1);
            sections.Add(current);
            bool isGlobal = path.EndsWith(".globalconfig", StringComparison.OrdinalIgnoreCase), isRoot = false;
            foreach (var line in text.Lines)
            {
                var content = line.ToString();
                var trimmed = content.Trim();
                if (trimmed.Length == 0 || trimmed[0] == '#' || trimmed[0] == ';')
                {
                    continue;
                }

                if (trimmed[0] == '[')
                {
                    var close = trimmed.LastIndexOf(']');
                    var glob = close > 1 ? trimmed.Substring(1, close - 1) : string.Empty;
                    current = new Section(glob, glob.Length == 0 ? null : Safe(glob), line.LineNumber);
                    sections.Add(current);
                    continue;
                }

                var equals = content.IndexOf('=');
                if (equals <= 0)
                {
                    continue;
                }

                var key = content.Substring(0, equals).Trim().ToLowerInvariant();
                var value = content.Substring(equals + 1).Trim();
                if (current.Glob == null && key == "is_global" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    isGlobal = true;
                }

                if (current.Glob == null && key == "root" && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase))
                {
                    isRoot = true;
                }

                var start = line.Start + (content.Length - content.TrimStart().Length);
                current.Entries.Add(new Entry(key, value, line.LineNumber, TextSpan.FromBounds(start, line.Start + content.TrimEnd().Length)));
            }

            return new EditorConfigText(path, text, isGlobal, isRoot, sections);
        }

        /// <summary>True when the section applies to the file (a global config's preamble applies to all).</summary>
        public bool Applies(Section section, string filePath)
        {
            if (section.Glob == null)
            {
                return IsGlobal;
            }

            if (IsGlobal || section.Pattern == null)
            {
                return false; // a global config's sections name absolute paths; not needed here
            }

            var path = filePath.Replace('\\', '/');
            if (!path.StartsWith(Directory, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            return section.Pattern.IsMatch(path.Substring(Directory.Length));
        }

        /// <summary>True when this file is in a folder at or above the file's.</summary>
        public bool IsAbove(string filePath) => filePath.Replace('\\', '/').StartsWith(Directory, StringComparison.OrdinalIgnoreCase);

        public Location LocationOf(Entry entry) => Location.Create(Path, entry.Span, Text.Lines.GetLinePositionSpan(entry.Span));

        private static Regex? Safe(string glob)
        {
            try
            {
                return SectionGlob.ToRegex(glob, anchored: true);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        private static string NormalisedDirectory(string path)
        {
            var directory = (System.IO.Path.GetDirectoryName(path) ?? string.Empty).Replace('\\', '/');
            return directory.EndsWith("/", StringComparison.Ordinal) ? directory : directory + "/";
        }

        internal sealed class Section
        {
            public Section(string? glob, Regex? pattern, int line)
            {
                Glob = glob;
                Pattern = pattern;
                Line = line;
            }

            public string? Glob { get; }

            public Regex? Pattern { get; }

            /// <summary>0-based line of the header; -1 for the preamble.</summary>
            public int Line { get; }

            public List<Entry> Entries { get; } = new List<Entry>();
        }

        internal sealed class Entry
        {
            public Entry(string key, string value, int line, TextSpan span)
            {
                Key = key;
                Value = value;
                Line = line;
                Span = span;
            }

            public string Key { get; }

            public string Value { get; }

            /// <summary>0-based.</summary>
            public int Line { get; }

            public TextSpan Span { get; }
        }
    }
}
