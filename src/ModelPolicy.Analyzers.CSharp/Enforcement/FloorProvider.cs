using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Enforcement
{
    /// <summary>
    /// The organisation floors of a compilation (AdditionalFiles with <c>ModelPolicyFloor="true"</c>), for judging each
    /// use in the build as <c>modelpolicy inventory --policy</c> does: <see cref="PolicyLevels.EvaluateModel"/> with
    /// <see cref="For"/> as the floor, and a file regulated when its policy or <see cref="IsRegulated"/> says so.
    /// Built once per compilation; <see cref="None"/> when there is no floor (then nothing changes).
    /// </summary>
    public sealed class FloorProvider
    {
        public static readonly FloorProvider None = new FloorProvider(new List<PolicyFloor>(), ModelCatalog.Builtin);

        private readonly List<PolicyFloor> floors;
        private readonly ModelCatalog catalog;
        private readonly ConcurrentDictionary<string, ModelPolicySettings[]> byPath = new ConcurrentDictionary<string, ModelPolicySettings[]>(StringComparer.Ordinal);

        private FloorProvider(List<PolicyFloor> floors, ModelCatalog catalog)
        {
            this.floors = floors;
            this.catalog = catalog;
        }

        public bool HasFloor => floors.Count > 0;

        public static FloorProvider Create(AnalyzerOptions options, ModelCatalog catalog, CancellationToken cancellationToken)
        {
            var floors = new List<PolicyFloor>();
            foreach (var file in options.AdditionalFiles.OrderBy(f => f.Path, StringComparer.Ordinal))
            {
                if (options.AnalyzerConfigOptionsProvider.GetOptions(file).TryGetValue(EnforcementAnalysis.FloorMetadataKey, out var value)
                    && string.Equals(value, "true", StringComparison.OrdinalIgnoreCase)
                    && file.GetText(cancellationToken) is { } text)
                {
                    floors.Add(PolicyFloor.Parse(file.Path, text.ToString()));
                }
            }

            return floors.Count == 0 ? None : new FloorProvider(floors, catalog);
        }

        /// <summary>Each floor's policy for a file; empty without a floor.</summary>
        public IReadOnlyList<ModelPolicySettings> For(string path) =>
            floors.Count == 0 ? Array.Empty<ModelPolicySettings>() : byPath.GetOrAdd(path, p => floors.Select(f => f.SettingsFor(p, catalog)).ToArray());

        /// <summary>True when a floor makes the file regulated.</summary>
        public bool IsRegulated(string path) => For(path).Any(f => f.IsRegulated);

        /// <summary>The first floor's verdict that denies the model, else the repository's: a deny at any level wins.</summary>
        public Verdict EvaluateModel(string path, ModelPolicySettings repository, string id, ModelMatch? match)
        {
            foreach (var floor in For(path))
            {
                var verdict = PolicyLevels.EvaluateModel(floor, ModelPolicySettings.Empty, id, match);
                if (verdict.IsDenied)
                {
                    return verdict;
                }
            }

            return PolicyEvaluator.EvaluateModel(repository, id, match);
        }

        /// <summary>The first floor's verdict that denies the endpoint, else the repository's.</summary>
        public Verdict EvaluateEndpoint(string path, ModelPolicySettings repository, string host, HostEntry? entry)
        {
            foreach (var floor in For(path))
            {
                var verdict = PolicyLevels.EvaluateEndpoint(floor, ModelPolicySettings.Empty, host, entry);
                if (verdict.IsDenied)
                {
                    return verdict;
                }
            }

            return PolicyEvaluator.EvaluateEndpoint(repository, host, entry);
        }
    }
}
