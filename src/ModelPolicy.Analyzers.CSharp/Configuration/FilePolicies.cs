using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>A bad model_policy value, and a file it applies to (for the message).</summary>
    internal readonly struct PolicyErrorAt
    {
        public PolicyErrorAt(PolicyError error, string path)
        {
            Error = error;
            Path = path;
        }

        public PolicyError Error { get; }

        public string Path { get; }
    }

    /// <summary>
    /// The policy in force for each file of one compilation: the model_policy.* keys of the .editorconfig sections that
    /// apply to it and the project's ModelPolicyProfile, read once per distinct options object (the compiler shares one
    /// per set of matching sections). Every bad value met is kept, once, for MP0008.
    /// </summary>
    internal sealed class FilePolicies
    {
        private readonly ConditionalWeakTable<AnalyzerConfigOptions, PolicyResult> policies = new ConditionalWeakTable<AnalyzerConfigOptions, PolicyResult>();

        // The compiler makes one options object per file, most of them with the same model_policy keys: each distinct
        // set of keys and values is read once (it was 8 % of this analyzer's time in a build, docs/performance.md).
        private readonly ConcurrentDictionary<string, PolicyResult> byKeys = new ConcurrentDictionary<string, PolicyResult>(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<PolicyError, string> errors = new ConcurrentDictionary<PolicyError, string>();
        private readonly AnalyzerConfigOptionsProvider optionsProvider;
        private readonly ModelCatalog catalog;
        private readonly string? projectProfile;

        public FilePolicies(AnalyzerConfigOptionsProvider optionsProvider, ModelCatalog catalog)
        {
            this.optionsProvider = optionsProvider;
            this.catalog = catalog;
            optionsProvider.GlobalOptions.TryGetValue(PolicyKeys.ProfileBuildProperty, out projectProfile);
        }

        public ModelPolicySettings For(SyntaxTree tree) => Read(optionsProvider.GetOptions(tree), tree.FilePath);

        /// <summary>
        /// The policy for a configuration file: its own .editorconfig sections where they set any model_policy key,
        /// else those of the C# file nearest to it (<c>[Payments/**.cs]</c> sections name C# files only, yet a
        /// Payments/appsettings.json is under the Payments policy).
        /// </summary>
        public ModelPolicySettings For(AdditionalText file, Compilation compilation)
        {
            var options = optionsProvider.GetOptions(file);
            if (options.Keys.Any(k => k.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase)))
            {
                return Read(options, file.Path);
            }

            var nearest = NearestTree(System.IO.Path.GetDirectoryName(file.Path) ?? string.Empty, compilation);
            return nearest == null ? Read(options, file.Path) : For(nearest);
        }

        /// <summary>Every file's policy (cheap after the first read of each options object): for compilation-end rules.</summary>
        public IEnumerable<ModelPolicySettings> ForEveryFile(Compilation compilation) => compilation.SyntaxTrees.Select(For);

        /// <summary>The bad values met so far, in a stable order (call after <see cref="ForEveryFile"/> for all of them).</summary>
        public IEnumerable<PolicyErrorAt> Errors =>
            errors.OrderBy(p => p.Key.Key, StringComparer.Ordinal).ThenBy(p => p.Key.Value, StringComparer.Ordinal).Select(p => new PolicyErrorAt(p.Key, p.Value));

        private ModelPolicySettings Read(AnalyzerConfigOptions options, string path)
        {
            if (!policies.TryGetValue(options, out var result))
            {
                result = policies.GetValue(options, ReadDistinct);
                foreach (var error in result.Errors)
                {
                    errors.TryAdd(error, path);
                }
            }

            return result.Settings;
        }

        private PolicyResult ReadDistinct(AnalyzerConfigOptions options)
        {
            var pairs = new List<KeyValuePair<string, string>>(PolicyOptions(options));
            var fingerprint = new System.Text.StringBuilder();
            foreach (var pair in pairs)
            {
                fingerprint.Append(pair.Key).Append('\u0001').Append(pair.Value).Append('\u0002');
            }

            return byKeys.GetOrAdd(fingerprint.ToString(), _ => PolicyReader.Read(pairs, projectProfile, catalog));
        }

        private static IEnumerable<KeyValuePair<string, string>> PolicyOptions(AnalyzerConfigOptions options)
        {
            foreach (var key in options.Keys)
            {
                if (key.StartsWith(PolicyKeys.Prefix, StringComparison.OrdinalIgnoreCase) && options.TryGetValue(key, out var value))
                {
                    yield return new KeyValuePair<string, string>(key, value);
                }
            }
        }

        private static SyntaxTree? NearestTree(string directory, Compilation compilation)
        {
            SyntaxTree? nearest = null;
            var nearestLength = -1;
            var nearestDirectoryLength = int.MaxValue;
            foreach (var tree in compilation.SyntaxTrees)
            {
                var treeDirectory = System.IO.Path.GetDirectoryName(tree.FilePath) ?? string.Empty;
                var common = CommonPrefixLength(directory, treeDirectory);
                if (common > nearestLength || (common == nearestLength && treeDirectory.Length < nearestDirectoryLength))
                {
                    nearest = tree;
                    nearestLength = common;
                    nearestDirectoryLength = treeDirectory.Length;
                }
            }

            return nearest;
        }

        private static int CommonPrefixLength(string a, string b)
        {
            var n = Math.Min(a.Length, b.Length);
            var i = 0;
            while (i < n && a[i] == b[i])
            {
                i++;
            }

            return i;
        }
    }
}
