using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Policy
{
    /// <summary>
    /// An organisation's policy floor: the same <c>model_policy.*</c> keys as .editorconfig, in the same
    /// <c>[glob]</c> sections, from a file the repository does not own (<c>modelpolicy inventory --policy</c>, or an
    /// AdditionalFile with <c>ModelPolicyFloor="true"</c> that an organisation's package adds). It is combined with
    /// the repository's policy so that a deny at either level wins: the repository may tighten, never relax.
    /// <para>
    /// Keys before the first section apply to every file. A section glob without '/' matches the file name
    /// (<c>[*.cs]</c>); one with '/' matches the end of the path from a folder boundary (<c>[Payments/**.cs]</c>
    /// matches <c>src/ChatService/Payments/Refunds.cs</c>), because an organisation's file knows no repository root.
    /// </para>
    /// </summary>
    public sealed class PolicyFloor
    {
        private readonly List<Section> sections;

        private PolicyFloor(string path, List<Section> sections, List<PolicyError> errors)
        {
            Path = path;
            this.sections = sections;
            Errors = errors;
        }

        /// <summary>Where the floor was read from (shown in messages).</summary>
        public string Path { get; }

        /// <summary>Bad lines of the file (a line that is no section, key or comment; a bad glob).</summary>
        public IReadOnlyList<PolicyError> Errors { get; }

        /// <summary>Reads the floor file's text.</summary>
        public static PolicyFloor Parse(string path, string text)
        {
            var sections = new List<Section>();
            var errors = new List<PolicyError>();
            var current = new Section(null, null, 0);
            sections.Add(current);
            var lineNumber = 0;
            foreach (var raw in text.Split('\n'))
            {
                lineNumber++;
                var line = raw.Trim();
                if (line.Length == 0 || line[0] == '#' || line[0] == ';')
                {
                    continue;
                }

                if (line[0] == '[')
                {
                    var close = line.LastIndexOf(']');
                    if (close < 2)
                    {
                        errors.Add(new PolicyError("line " + lineNumber, line, "a section header is '[glob]'"));
                        current = new Section(null, null, lineNumber) { Broken = true };
                        continue;
                    }

                    var glob = line.Substring(1, close - 1);
                    current = new Section(glob, SectionGlob.ToRegex(glob, anchored: false), lineNumber);
                    sections.Add(current);
                    continue;
                }

                var equals = line.IndexOf('=');
                if (equals <= 0)
                {
                    errors.Add(new PolicyError("line " + lineNumber, line, "expected 'key = value', a '[section]' or a comment"));
                    continue;
                }

                var key = line.Substring(0, equals).Trim().ToLowerInvariant();
                var value = line.Substring(equals + 1).Trim();
                if (key == "root" || key == "is_global")
                {
                    continue;
                }

                if (!current.Broken)
                {
                    current.Keys[key] = value;
                }
            }

            return new PolicyFloor(path, sections, errors);
        }

        /// <summary>
        /// The floor's keys for a file, as .editorconfig gives them: later sections win for the same key. A
        /// configuration file (not .cs) that no section with a <c>model_policy</c> key matches takes the keys of a C#
        /// file in its folder, as the analyzer does with the repository's policy.
        /// </summary>
        public IReadOnlyDictionary<string, string> OptionsFor(string path)
        {
            var normalised = path.Replace('\\', '/');
            var options = Collect(normalised, out var sectionMatched);
            if (!sectionMatched && !normalised.EndsWith(".cs", StringComparison.OrdinalIgnoreCase))
            {
                var slash = normalised.LastIndexOf('/');
                options = Collect((slash < 0 ? string.Empty : normalised.Substring(0, slash + 1)) + "_.cs", out _);
            }

            return options;
        }

        /// <summary>The floor's policy for a file.</summary>
        public ModelPolicySettings SettingsFor(string path, ModelCatalog catalog) =>
            PolicyReader.Read(OptionsFor(path), null, catalog).Settings;

        private Dictionary<string, string> Collect(string path, out bool sectionMatched)
        {
            sectionMatched = false;
            var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var section in sections)
            {
                if (section.Broken || (section.Pattern != null && !section.Pattern.IsMatch(path)))
                {
                    continue;
                }

                foreach (var pair in section.Keys)
                {
                    if (pair.Key.StartsWith(PolicyKeys.Prefix, StringComparison.Ordinal))
                    {
                        options[pair.Key] = pair.Value;
                        sectionMatched |= section.Pattern != null;
                    }
                }
            }

            return options;
        }

        private sealed class Section
        {
            public Section(string? glob, Regex? pattern, int line)
            {
                Glob = glob;
                Pattern = pattern;
                Line = line;
            }

            public string? Glob { get; }

            public Regex? Pattern { get; }

            public int Line { get; }

            public bool Broken { get; set; }

            public Dictionary<string, string> Keys { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        }
    }
}
