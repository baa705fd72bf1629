using System;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// One place a request can go: a model id, optionally an endpoint and a provider name. A route's
    /// primary backend and each of its fallbacks are backends.
    /// </summary>
    public sealed class ModelBackend : IEquatable<ModelBackend>
    {
        public ModelBackend(string model, Uri? endpoint = null, string? provider = null)
            : this(model, endpoint, provider, null, null, null, null)
        {
        }

        internal ModelBackend(string model, Uri? endpoint, string? provider, string? routeName, string? deniedReason, string? vendor, string? country)
        {
            if (string.IsNullOrWhiteSpace(model))
            {
                throw new ArgumentException("A model backend needs a model id.", nameof(model));
            }

            Model = model.Trim();
            Endpoint = endpoint;
            Provider = string.IsNullOrWhiteSpace(provider) ? null : provider!.Trim();
            RouteName = routeName;
            DeniedReason = deniedReason;
            Vendor = vendor;
            Country = country;
        }

        /// <summary>The model id sent to the provider (<c>gpt-4o</c>, <c>mistral-large-latest</c>).</summary>
        public string Model { get; }

        /// <summary>The endpoint, or null for the provider's default one.</summary>
        public Uri? Endpoint { get; }

        /// <summary>The provider name that picks the client factory (<c>openai</c>, <c>ollama</c>...), or null for the default factory.</summary>
        public string? Provider { get; }

        /// <summary>The route this backend is the primary of, or null for an inline fallback.</summary>
        public string? RouteName { get; }

        /// <summary>Why the model policy denies this backend (route, model, origin and rule), or null when it is allowed.</summary>
        public string? DeniedReason { get; }

        public bool IsDenied => DeniedReason != null;

        /// <summary>Who made the model, from the catalog (<c>OpenAI</c>, <c>Mistral AI</c>), or null when the catalog does not know it.</summary>
        public string? Vendor { get; }

        /// <summary>The vendor's country from the catalog (ISO 3166-1 alpha-2, <c>US</c>, <c>FR</c>), or null when the catalog does not know the model.</summary>
        public string? Country { get; }

        /// <summary>Same model, endpoint and provider (route and verdict are not compared).</summary>
        public bool Equals(ModelBackend? other) =>
            other != null
            && string.Equals(Model, other.Model, StringComparison.OrdinalIgnoreCase)
            && string.Equals(Provider, other.Provider, StringComparison.OrdinalIgnoreCase)
            && Equals(Endpoint, other.Endpoint);

        public override bool Equals(object? obj) => Equals(obj as ModelBackend);

        public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Model);

        /// <summary><c>gpt-4o (openai, https://api.openai.com/v1)</c>.</summary>
        public override string ToString()
        {
            var provider = Provider ?? "default provider";
            return Endpoint == null ? Model + " (" + provider + ")" : Model + " (" + provider + ", " + Endpoint + ")";
        }
    }
}
