using System;
using System.Collections.Generic;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// A named route: its primary backend and, in order, the backends it fails over to. Fallbacks that
    /// name another route are expanded into that route's own chain; a backend met twice is tried once.
    /// </summary>
    public sealed class ModelRoute
    {
        internal ModelRoute(string name, ModelBackend primary, IReadOnlyList<ModelBackend> fallbacks)
        {
            Name = name;
            Primary = primary;
            Fallbacks = fallbacks;
            var backends = new List<ModelBackend>(fallbacks.Count + 1) { primary };
            backends.AddRange(fallbacks);
            Backends = backends;
        }

        public string Name { get; }

        public ModelBackend Primary { get; }

        /// <summary>The fallbacks, expanded and in the order they are tried.</summary>
        public IReadOnlyList<ModelBackend> Fallbacks { get; }

        /// <summary>The primary, then the fallbacks.</summary>
        public IReadOnlyList<ModelBackend> Backends { get; }

        public string Model => Primary.Model;

        public Uri? Endpoint => Primary.Endpoint;

        public string? Provider => Primary.Provider;

        public override string ToString() => Name + " -> " + string.Join(" -> ", Backends);
    }
}
