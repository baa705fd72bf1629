using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using ModelPolicy.Routing.Guard;

namespace ModelPolicy.Routing
{
    /// <summary>The compiled routes: graph checked, fallbacks expanded, every backend judged by the guard.</summary>
    internal sealed class ModelRouteTable : IModelRoutes
    {
        private readonly Dictionary<string, ModelRoute> routes;
        private readonly string sectionName;

        private ModelRouteTable(Dictionary<string, ModelRoute> routes, string sectionName)
        {
            this.routes = routes;
            this.sectionName = sectionName;
            Names = routes.Keys.OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
        }

        public IReadOnlyCollection<string> Names { get; }

        public string SectionName => sectionName;

        /// <summary>
        /// Builds the table and collects every problem: bad policy values, empty models, bad endpoints,
        /// unknown fallback routes, cycles, and (when enforced at start-up) denied backends. The table is
        /// null when the routes themselves are unusable.
        /// </summary>
        public static ModelRouteTable? Build(ModelRoutingOptions options, List<string> errors, List<string> denials)
        {
            var guard = RouteGuard.Read(options, errors);
            var section = options.SectionName;
            var primaries = new Dictionary<string, ModelBackend>(StringComparer.OrdinalIgnoreCase);
            var inline = new Dictionary<string, List<ModelBackend?>>(StringComparer.OrdinalIgnoreCase);

            foreach (var pair in options.Routes.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase))
            {
                var name = pair.Key;
                var route = pair.Value ?? new ModelRouteOptions();
                var path = section + ":" + name;
                var subject = "Model route '" + name + "'";
                var primary = MakeBackend(subject, path, route.Model, route.Endpoint, route.Provider, name, guard, errors, denials);
                if (primary != null)
                {
                    primaries[name] = primary;
                }

                var chain = new List<ModelBackend?>();
                for (var i = 0; i < route.Fallbacks.Count; i++)
                {
                    var fallback = route.Fallbacks[i] ?? new ModelFallbackOptions();
                    var itemPath = path + ":Fallbacks:" + i;
                    var isRoute = !string.IsNullOrWhiteSpace(fallback.Route);
                    var isInline = !string.IsNullOrWhiteSpace(fallback.Model) || !string.IsNullOrWhiteSpace(fallback.Endpoint) || !string.IsNullOrWhiteSpace(fallback.Provider);
                    if (isRoute && isInline)
                    {
                        errors.Add(itemPath + " sets both Route and Model/Endpoint/Provider: a fallback is either a route name or an inline backend.");
                        chain.Add(null);
                    }
                    else if (isRoute)
                    {
                        var target = fallback.Route!.Trim();
                        if (!options.Routes.ContainsKey(target))
                        {
                            errors.Add(itemPath + " names model route '" + target + "', which does not exist. The routes are: "
                                + string.Join(", ", options.Routes.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase)) + ".");
                        }

                        chain.Add(null); // a route reference: expanded below
                    }
                    else
                    {
                        var fallbackSubject = "Fallback " + (i + 1) + " of model route '" + name + "' (" + itemPath + ")";
                        chain.Add(MakeBackend(fallbackSubject, itemPath, fallback.Model, fallback.Endpoint, fallback.Provider, null, guard, errors, denials)
                            ?? new ModelBackend("?", null, null, null, null, null, null));
                    }
                }

                inline[name] = chain;
            }

            FindCycles(options, section, errors);
            if (errors.Count > 0)
            {
                return null;
            }

            var compiled = new Dictionary<string, ModelRoute>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in options.Routes.Keys)
            {
                var expanded = new List<ModelBackend>();
                Expand(name, options, primaries, inline, expanded, new HashSet<string>(StringComparer.OrdinalIgnoreCase));
                var primary = expanded[0];
                compiled[name] = new ModelRoute(name, primary, expanded.Skip(1).ToArray());
            }

            return new ModelRouteTable(compiled, section);
        }

        /// <summary>Builds the table, throwing <see cref="Microsoft.Extensions.Options.OptionsValidationException"/> on any problem.</summary>
        public static ModelRouteTable Create(ModelRoutingOptions options)
        {
            var errors = new List<string>();
            return TryCreate(options, errors) ?? throw Invalid(errors);
        }

        /// <summary>
        /// Builds the table, or returns null and fills <paramref name="errors"/>: every route and policy error and,
        /// when <see cref="ModelRoutingOptions.EnforcePolicyAtStartup"/> is on, every denied backend.
        /// </summary>
        public static ModelRouteTable? TryCreate(ModelRoutingOptions options, List<string> errors)
        {
            var denials = new List<string>();
            var table = Build(options, errors, denials);
            if (options.EnforcePolicyAtStartup)
            {
                errors.AddRange(denials);
            }

            return table == null || errors.Count > 0 ? null : table;
        }

        public static Microsoft.Extensions.Options.OptionsValidationException Invalid(IEnumerable<string> errors) =>
            new Microsoft.Extensions.Options.OptionsValidationException(
                Microsoft.Extensions.Options.Options.DefaultName, typeof(ModelRoutingOptions), errors);

        public ModelRoute Get(string name)
        {
            if (name == null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            return routes.TryGetValue(name, out var route) ? route : throw new ModelRouteNotFoundException(name, Names, sectionName);
        }

        public bool TryGet(string name, [NotNullWhen(true)] out ModelRoute? route)
        {
            if (name == null)
            {
                route = null;
                return false;
            }

            return routes.TryGetValue(name, out route);
        }

        public string GetModel(string routeName) => Allowed(routeName).Model;

        public Uri GetEndpoint(string routeName)
        {
            var primary = Allowed(routeName);
            return primary.Endpoint ?? throw new InvalidOperationException(
                "Model route '" + routeName + "' has no endpoint (model '" + primary.Model + "'): set " + sectionName + ":" + routeName + ":Endpoint to an absolute http(s) URI.");
        }

        private ModelBackend Allowed(string routeName)
        {
            var route = Get(routeName);
            return route.Primary.IsDenied ? throw new ModelRouteDeniedException(route.Name, route.Primary) : route.Primary;
        }

        private static ModelBackend? MakeBackend(
            string subject, string path, string? model, string? endpoint, string? provider, string? routeName,
            RouteGuard guard, List<string> errors, List<string> denials)
        {
            if (string.IsNullOrWhiteSpace(model))
            {
                errors.Add(path + ":Model is empty: " + subject + " needs a model id.");
                return null;
            }

            Uri? uri = null;
            if (!string.IsNullOrWhiteSpace(endpoint))
            {
                if (!Uri.TryCreate(endpoint!.Trim(), UriKind.Absolute, out uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
                {
                    errors.Add(path + ":Endpoint = '" + endpoint + "' is not an absolute http or https URI.");
                    return null;
                }
            }

            var denied = guard.Judge(subject, model!.Trim(), uri);
            if (denied != null)
            {
                denials.Add(denied);
            }

            var origin = guard.Describe(model!.Trim());
            return new ModelBackend(model!, uri, provider, routeName, denied, origin?.Vendor.Name, origin?.Country);
        }

        private static void FindCycles(ModelRoutingOptions options, string section, List<string> errors)
        {
            var state = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase); // 1 visiting, 2 done
            var reported = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var name in options.Routes.Keys.OrderBy(k => k, StringComparer.OrdinalIgnoreCase))
            {
                Visit(name, new List<string>());
            }

            void Visit(string name, List<string> stack)
            {
                if (!options.Routes.TryGetValue(name, out var route))
                {
                    return;
                }

                if (state.TryGetValue(name, out var s))
                {
                    if (s == 1)
                    {
                        var start = stack.FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
                        var cycle = stack.Skip(start).Concat(new[] { name }).ToList();
                        if (reported.Add(string.Join(">", cycle.Skip(1).OrderBy(n => n, StringComparer.OrdinalIgnoreCase))))
                        {
                            errors.Add(section + ": the fallbacks of model route '" + cycle[0] + "' form a cycle: " + string.Join(" -> ", cycle) + ".");
                        }
                    }

                    return;
                }

                state[name] = 1;
                stack.Add(name);
                foreach (var fallback in route?.Fallbacks ?? Array.Empty<ModelFallbackOptions>())
                {
                    if (fallback != null && !string.IsNullOrWhiteSpace(fallback.Route))
                    {
                        Visit(fallback.Route!.Trim(), stack);
                    }
                }

                stack.RemoveAt(stack.Count - 1);
                state[name] = 2;
            }
        }

        private static void Expand(
            string name, ModelRoutingOptions options, Dictionary<string, ModelBackend> primaries, Dictionary<string, List<ModelBackend?>> inline,
            List<ModelBackend> into, HashSet<string> visiting)
        {
            if (!visiting.Add(name))
            {
                return;
            }

            AddOnce(into, primaries[name]);
            var configured = options.Routes[name].Fallbacks;
            var chain = inline[name];
            for (var i = 0; i < chain.Count; i++)
            {
                var backend = chain[i];
                if (backend != null)
                {
                    AddOnce(into, backend);
                }
                else
                {
                    Expand(configured[i].Route!.Trim(), options, primaries, inline, into, visiting);
                }
            }
        }

        private static void AddOnce(List<ModelBackend> into, ModelBackend backend)
        {
            if (!into.Contains(backend))
            {
                into.Add(backend);
            }
        }
    }
}
