using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests
{
    /// <summary>
    /// The public contract (Diagnostics/PublicContract.cs) against what else states it, and the house rules of the
    /// analyzer assemblies: no static mutable state, no source file over 400 lines.
    /// </summary>
    public class PublicContractTests
    {
        private static readonly Assembly[] AnalyzerAssemblies =
        {
            typeof(ModelPolicyAnalyzer).Assembly,
            typeof(ModelPolicy.Analyzers.CodeFixes.MoveToRouteCodeFixProvider).Assembly,
        };

        [Fact]
        public void PackageTargetsMakeExactlyTheViolationRulesErrorsInARegulatedProfile()
        {
            var targets = File.ReadAllText(Path.Combine(Repository.Root, "nuget", "ModelPolicy.Analyzers.Package", "build", "ModelPolicy.Analyzers.targets"));
            var match = Regex.Match(targets, @"<WarningsAsErrors>\$\(WarningsAsErrors\);([^<]*)</WarningsAsErrors>");
            Assert.True(match.Success, "ModelPolicy.Analyzers.targets has no WarningsAsErrors line for the regulated profile");
            Assert.Equal(RuleIdentifiers.ViolationRules.OrderBy(i => i), match.Groups[1].Value.Split(';', StringSplitOptions.RemoveEmptyEntries).Select(i => i.Trim()).OrderBy(i => i));
        }

        [Fact]
        public void EveryRuleIdConstantHasADescriptorAndBack()
        {
            var constants = typeof(RuleIdentifiers).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Where(f => f.IsLiteral && f.FieldType == typeof(string))
                .Select(f => (string)f.GetRawConstantValue()!)
                .OrderBy(i => i)
                .ToList();
            Assert.Equal(constants, Descriptors.All.Select(d => d.Id).OrderBy(i => i));
            Assert.Equal(Descriptors.All, new ModelPolicyAnalyzer().SupportedDiagnostics);
            Assert.All(RuleIdentifiers.ViolationRules, id => Assert.Contains(id, constants));
            Assert.All(RuleIdentifiers.SuppressibleViolationRules, id => Assert.Contains(id, RuleIdentifiers.ViolationRules));
        }

        [Fact]
        public void NoStaticMutableStateInTheAnalyzerAssemblies()
        {
            var offenders = new List<string>();
            foreach (var type in AnalyzerAssemblies.SelectMany(a => a.GetTypes()))
            {
                if (type.GetCustomAttribute<CompilerGeneratedAttribute>() != null)
                {
                    continue;
                }

                foreach (var field in type.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
                {
                    if (field.IsLiteral || field.GetCustomAttribute<CompilerGeneratedAttribute>() != null)
                    {
                        continue;
                    }

                    if (!field.IsInitOnly)
                    {
                        offenders.Add(type.FullName + "." + field.Name + " is static and not readonly");
                    }
                    else if (IsMutableCollection(field.FieldType))
                    {
                        offenders.Add(type.FullName + "." + field.Name + " is a static " + field.FieldType.Name);
                    }
                }
            }

            Assert.True(offenders.Count == 0, string.Join("\n", offenders));
        }

        [Fact]
        public void TheStaticStateCheckCatchesAStaticDictionary()
        {
            Assert.True(IsMutableCollection(typeof(System.Collections.Concurrent.ConcurrentDictionary<string, int>)));
            Assert.True(IsMutableCollection(typeof(Dictionary<string, int>)));
            Assert.False(IsMutableCollection(typeof(System.Collections.Immutable.ImmutableArray<string>)));
            Assert.False(IsMutableCollection(typeof(string)));
        }

        [Fact]
        public void NoAnalyzerSourceFileIsOver400Lines()
        {
            var src = Path.Combine(Repository.Root, "src");
            var tooLong = Directory.GetDirectories(src, "ModelPolicy.Analyzers.CSharp*")
                .SelectMany(d => Directory.GetFiles(d, "*.cs", SearchOption.AllDirectories))
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar, StringComparison.Ordinal)
                    && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                .Select(f => (Path: Path.GetRelativePath(Repository.Root, f), Lines: File.ReadAllLines(f).Length))
                .Where(f => f.Lines > 400)
                .Select(f => f.Path + ": " + f.Lines + " lines")
                .ToList();
            Assert.True(tooLong.Count == 0, string.Join("\n", tooLong));
        }

        /// <summary>A collection type whose contents can change (arrays are allowed: private word lists that are never written).</summary>
        private static bool IsMutableCollection(Type type) =>
            !type.IsArray
            && type != typeof(string)
            && !(type.Namespace ?? string.Empty).StartsWith("System.Collections.Immutable", StringComparison.Ordinal)
            && typeof(IEnumerable).IsAssignableFrom(type);
    }
}
