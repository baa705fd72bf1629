using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Rules;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Enforcement
{
    public static partial class EnforcementAnalysis
    {
        private sealed partial class Run
        {
            /// <summary>
            /// An .editorconfig section that makes files regulated, or denies something in a regulated file, set aside
            /// for some of them by a nested <c>root = true</c> file or a later section.
            /// </summary>
            public void CheckSetAside()
            {
                foreach (var config in configs.Where(c => !c.IsGlobal))
                {
                    foreach (var section in config.Sections.Where(s => s.Glob != null))
                    {
                        foreach (var entry in section.Entries)
                        {
                            var isProfile = entry.Key == PolicyKeys.Profile && IsRegulatedWord(entry.Value);
                            var isDeny = Array.IndexOf(DeniedKeys, entry.Key) >= 0;
                            if (!isProfile && !isDeny)
                            {
                                continue;
                            }

                            foreach (var state in trees.Values)
                            {
                                cancellationToken.ThrowIfCancellationRequested();
                                if (!config.Applies(section, state.Tree.FilePath))
                                {
                                    continue;
                                }

                                var setting = entry.Key + " = " + entry.Value;
                                var at = System.IO.Path.GetFileName(config.Path) + " line " + (entry.Line + 1) + " [" + section.Glob + "]";
                                if (isProfile && !state.Regulated)
                                {
                                    var now = state.Value(PolicyKeys.Profile);
                                    AddSetting(
                                        setting + " (" + at + ")",
                                        "is set aside" + (now == null ? " (no profile is in force)" : " (the profile in force is '" + now + "')") + " by a nested .editorconfig with root = true or a later section",
                                        "for",
                                        state.Tree.FilePath,
                                        config.LocationOf(entry),
                                        state.Exception,
                                        scope: string.Empty);
                                }
                                else if (isDeny && state.Regulated)
                                {
                                    var lost = Lost(entry.Key, entry.Value, state.Value(entry.Key));
                                    if (lost.Count > 0)
                                    {
                                        AddSetting(
                                            setting + " (" + at + ")",
                                            "is relaxed (" + string.Join(", ", lost) + " no longer denied; in force: '" + (state.Value(entry.Key) ?? "unset") + "') by a nested .editorconfig with root = true or a later section",
                                            "for",
                                            state.Tree.FilePath,
                                            config.LocationOf(entry),
                                            state.Exception);
                                    }
                                }
                            }
                        }
                    }
                }
            }

            private static List<string> Lost(string key, string declared, string? effective)
            {
                var was = Items(key, declared);
                var now = Items(key, effective ?? string.Empty);
                return was.Where(w => !now.Contains(w)).OrderBy(w => w, StringComparer.Ordinal).ToList();
            }

            private static HashSet<string> Items(string key, string value)
            {
                var set = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                var trimmed = value.Trim();
                if (trimmed.Length == 0 || trimmed.Equals("none", StringComparison.OrdinalIgnoreCase))
                {
                    return set;
                }

                foreach (var part in trimmed.Split(','))
                {
                    var item = part.Trim();
                    if (item.Length == 0)
                    {
                        continue;
                    }

                    if (!(key.EndsWith("origins", StringComparison.Ordinal) && Countries.TryExpand(item, set)))
                    {
                        set.Add(item);
                    }
                }

                return set;
            }
        }
    }
}
