using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests
{
    /// <summary>
    /// Each docs/rules/MPxxxx.md header against the code (IDisposableAnalyzers' DocumentationTests): the title, the
    /// category, the default severity and the regulated severity from the descriptor, and the code-fix cell from the
    /// fix providers' FixableDiagnosticIds. A stale cell fails here, naming the page and the cell.
    /// </summary>
    public class DocumentationTests
    {
        public static TheoryData<string> RuleIds()
        {
            var data = new TheoryData<string>();
            foreach (var descriptor in Descriptors.All)
            {
                data.Add(descriptor.Id);
            }

            return data;
        }

        /// <summary>Every code-fix provider of the package, by the Name it is exported under.</summary>
        internal static IReadOnlyList<(string Name, CodeFixProvider Provider)> FixProviders { get; } = typeof(ModelPolicy.Analyzers.CodeFixes.MoveToRouteCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .Select(t => (t.GetCustomAttribute<ExportCodeFixProviderAttribute>()?.Name ?? t.Name, (CodeFixProvider)Activator.CreateInstance(t)!))
            .OrderBy(p => p.Item1, StringComparer.Ordinal)
            .ToList();

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RulePageHeaderMatchesTheDescriptor(string id)
        {
            var descriptor = Descriptors.All.Single(d => d.Id == id);
            var page = RulePage.Read(id);

            Assert.Equal(id + ": " + descriptor.Title, page.Title);
            Assert.Equal(descriptor.Category, page.Cell("Category"));
            Assert.Equal(descriptor.DefaultSeverity.ToString(), Plain(page.Cell("Default severity")));
            Assert.Equal(RegulatedSeverity(descriptor).ToString(), Plain(page.Cell("Regulated profile")));
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RulePageCodeFixCellNamesEveryFixProviderOfTheRule(string id)
        {
            var cell = RulePage.Read(id).Cell("Code fix");
            var fixes = FixProviders.Where(p => p.Provider.FixableDiagnosticIds.Contains(id)).Select(p => p.Name).ToList();
            if (fixes.Count == 0)
            {
                Assert.True(cell.StartsWith("none", StringComparison.Ordinal), "docs/rules/" + id + ".md: no fix provider fixes " + id + ", but the Code fix cell says '" + cell + "'");
                return;
            }

            foreach (var fix in fixes)
            {
                Assert.True(cell.Contains("`" + fix + "`", StringComparison.Ordinal), "docs/rules/" + id + ".md: the Code fix cell '" + cell + "' does not name `" + fix + "`");
            }

            foreach (var other in FixProviders.Select(p => p.Name).Except(fixes))
            {
                Assert.False(cell.Contains("`" + other + "`", StringComparison.Ordinal), "docs/rules/" + id + ".md names `" + other + "`, which does not fix " + id);
            }

            Assert.DoesNotContain("planned", cell, StringComparison.OrdinalIgnoreCase);
        }

        [Theory]
        [MemberData(nameof(RuleIds))]
        public void RulePageHasTheSections(string id)
        {
            var text = RulePage.Read(id).Text;
            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress" })
            {
                Assert.True(text.Contains(section, StringComparison.Ordinal), "docs/rules/" + id + ".md has no '" + section + "' section");
            }
        }

        [Fact]
        public void ReadmeRuleTableMatchesTheDescriptors()
        {
            var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
            foreach (var descriptor in Descriptors.All)
            {
                var row = readme.Split('\n').FirstOrDefault(l => l.StartsWith("| " + descriptor.Id + " |", StringComparison.Ordinal));
                Assert.True(row != null, "README.md has no rule-table row for " + descriptor.Id);
                var cells = row!.Split('|').Select(c => c.Trim()).ToArray();
                Assert.Equal(descriptor.Title.ToString(), cells[2]);
                Assert.Equal(descriptor.DefaultSeverity.ToString(), Plain(cells[3]));
                Assert.Equal(RegulatedSeverity(descriptor).ToString(), Plain(cells[4]));
                var fixes = FixProviders.Where(p => p.Provider.FixableDiagnosticIds.Contains(descriptor.Id)).Select(p => "`" + p.Name + "`").ToList();
                Assert.Equal(fixes.Count == 0 ? "none" : string.Join(", ", fixes), cells[5]);
            }
        }

        [Fact]
        public void AParsedPageWithAStaleCellIsCaught()
        {
            // The check itself can fail: a page that calls a shipped fix "planned", or names the wrong severity.
            var stale = RulePage.Parse("MP0002", "# MP0002: Model not allowed by the model policy\n\n| | |\n|-|-|\n| Category | ModelPolicy |\n| Default severity | Error |\n| Regulated profile | **Error** |\n| Code fix | planned |\n");
            Assert.NotEqual(Descriptors.All.Single(d => d.Id == "MP0002").DefaultSeverity.ToString(), Plain(stale.Cell("Default severity")));
            Assert.Contains("planned", stale.Cell("Code fix"), StringComparison.Ordinal);
            Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => stale.Cell("Severity"));
        }

        /// <summary>What a regulated scope makes of the rule: a violation rule and a catalog override (MP0011) are errors; the others keep their default.</summary>
        private static DiagnosticSeverity RegulatedSeverity(DiagnosticDescriptor descriptor) =>
            RuleIdentifiers.IsViolationRule(descriptor.Id) || descriptor.Id == RuleIdentifiers.CatalogOverride ? DiagnosticSeverity.Error : descriptor.DefaultSeverity;

        /// <summary>A severity cell without its emphasis and its parenthesised note: "**Error**", "Error (reported only …)".</summary>
        private static string Plain(string cell)
        {
            var text = cell.Replace("*", string.Empty, StringComparison.Ordinal);
            var note = text.IndexOf(" (", StringComparison.Ordinal);
            return (note >= 0 ? text.Substring(0, note) : text).Trim();
        }

        internal sealed class RulePage
        {
            private readonly string id;
            private readonly Dictionary<string, string> cells;

            private RulePage(string id, string title, Dictionary<string, string> cells, string text)
            {
                this.id = id;
                Title = title;
                this.cells = cells;
                Text = text;
            }

            public string Title { get; }

            public string Text { get; }

            public static RulePage Read(string id)
            {
                var path = Path.Combine(Repository.Root, "docs", "rules", id + ".md");
                Assert.True(File.Exists(path), "docs/rules/" + id + ".md is missing");
                return Parse(id, File.ReadAllText(path));
            }

            public static RulePage Parse(string id, string text)
            {
                var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
                var title = lines[0].StartsWith("# ", StringComparison.Ordinal) ? lines[0].Substring(2).Trim() : string.Empty;
                var cells = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var line in lines.Skip(1).SkipWhile(l => !l.StartsWith("|", StringComparison.Ordinal)).TakeWhile(l => l.StartsWith("|", StringComparison.Ordinal)))
                {
                    var match = Regex.Match(line, @"^\|\s*([^|]+?)\s*\|\s*(.*?)\s*\|\s*$");
                    if (match.Success && !match.Groups[1].Value.StartsWith("-", StringComparison.Ordinal))
                    {
                        cells[match.Groups[1].Value] = match.Groups[2].Value;
                    }
                }

                return new RulePage(id, title, cells, text);
            }

            public string Cell(string name)
            {
                Assert.True(cells.TryGetValue(name, out var value), "docs/rules/" + id + ".md has no '" + name + "' row in its header table");
                return value!;
            }
        }
    }
}
