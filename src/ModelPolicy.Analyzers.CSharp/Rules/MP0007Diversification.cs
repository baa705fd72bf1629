using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Json;
using ModelPolicy.Policy;

namespace ModelPolicy.Analyzers.Rules
{
    /// <summary>
    /// MP0007: model sources that are not diversified. Two checks, both reported at compilation end:
    /// <see cref="CheckRoutes"/> — a configured route whose primary and fallbacks share one vendor (or one origin country,
    /// with <c>model_policy.diversification = origin</c>, the default), or has no fallback where diversification is set
    /// explicitly; <see cref="CheckProject"/> — every model use of the project (code and configuration) from one vendor.
    /// No code fix (add a fallback route). Docs: docs/rules/MP0007.md.
    /// </summary>
    internal static class MP0007Diversification
    {
        public const string RoutesSection = "ModelRoutes";

        public static readonly DiagnosticDescriptor Descriptor = Descriptors.Create(
            RuleIdentifiers.Diversification,
            "Model sources are not diversified",
            "{0}",
            DiagnosticSeverity.Info,
            "A route whose primary and fallbacks share one vendor (or one origin country) cannot fail over across vendors or countries; a project whose every model comes from one vendor depends on that vendor alone. model_policy.diversification = off | vendor | origin.",
            WellKnownDiagnosticTags.CompilationEnd);

        /// <summary>The routes of a configuration file's <c>ModelRoutes</c> section.</summary>
        /// <param name="locate">The location of a JSON node in the file.</param>
        public static void CheckRoutes(JsonObject routes, ModelCatalog catalog, ModelPolicySettings policy, Func<JsonNode, Location> locate, Action<Diagnostic> report)
        {
            if (policy.Diversification == Diversification.Off)
            {
                return;
            }

            foreach (var route in routes.Properties)
            {
                if (route.Value is not JsonObject body)
                {
                    continue;
                }

                var backends = new List<ModelMatch>();
                var fallbacks = 0;
                AddBackend(body, catalog, backends);
                if (body.GetProperty("Fallbacks", StringComparison.OrdinalIgnoreCase)?.Value is JsonArray list)
                {
                    foreach (var item in list.Items)
                    {
                        fallbacks++;
                        if (item is JsonObject inline)
                        {
                            AddBackend(inline, catalog, backends);
                        }
                        else if (item is JsonString name && routes.GetProperty(name.Value, StringComparison.OrdinalIgnoreCase)?.Value is JsonObject named)
                        {
                            AddBackend(named, catalog, backends);
                        }
                    }
                }

                // Without fallbacks a route cannot fail over at all; that is reported only where the team asked for it.
                if (backends.Count == 0 || (fallbacks == 0 && !policy.DiversificationExplicit))
                {
                    continue;
                }

                if (RouteMessage(route.Name, backends, fallbacks, policy.Diversification) is { } message)
                {
                    report(Diagnostic.Create(Descriptor, locate(route.NameNode), message));
                }
            }
        }

        /// <summary>Every model use of the project from one vendor; off when any policy of the project sets diversification = off.</summary>
        public static Diagnostic? CheckProject(ModelUseTally uses, IEnumerable<ModelPolicySettings> policies)
        {
            if (uses.SingleVendor() is not { } only || only.Uses < 2 || policies.Any(p => p.Diversification == Diversification.Off))
            {
                return null;
            }

            return Diagnostic.Create(
                Descriptor,
                Location.None,
                "Every model this project uses (" + only.Uses + " uses) comes from " + only.Vendor + ": add a route or fallback from another vendor");
        }

        private static string? RouteMessage(string route, List<ModelMatch> backends, int fallbacks, Diversification diversification)
        {
            if (diversification != Diversification.Vendor && diversification != Diversification.Origin)
            {
                return null;
            }

            if (backends.Select(b => b.Vendor.Name).Distinct().Count() == 1)
            {
                return "Route '" + route + "' " + (fallbacks == 0 ? "has no fallback" : "fails over only within " + backends[0].Vendor.Name) + ": add a fallback from another vendor";
            }

            if (diversification == Diversification.Origin && backends.Select(b => b.Country).Distinct().Count() == 1)
            {
                return "Route '" + route + "' fails over only within origin " + backends[0].Country + ": add a fallback from another country";
            }

            return null;
        }

        private static void AddBackend(JsonObject backend, ModelCatalog catalog, List<ModelMatch> into)
        {
            foreach (var property in backend.Properties)
            {
                if (property.Value is JsonString id && Text.PositionNames.IsModelName(property.Name) && catalog.MatchModel(id.Value) is { } match)
                {
                    into.Add(match);
                    return;
                }
            }
        }
    }
}
