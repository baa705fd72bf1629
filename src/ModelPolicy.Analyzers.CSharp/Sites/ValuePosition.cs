namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>What a position expects: a model id or an endpoint URL.</summary>
    internal enum ValueKind
    {
        Model,
        Endpoint,
    }

    /// <summary>What, besides the value's own text, says that a value is a model id or endpoint.</summary>
    internal enum Evidence
    {
        /// <summary>Nothing: a literal anywhere in code. Only ids and hosts the catalog knows with confidence count.</summary>
        TextOnly,

        /// <summary>
        /// An endpoint-like name of the .NET framework (<c>new Uri(uriString)</c>, <c>HttpClient.BaseAddress</c>), which every
        /// HTTP call goes through, or of a type that does not bind: as on the user's own type, except that ASP.NET Core's
        /// development ports (<c>http://localhost:5000</c>, <c>:5001</c>) do not make a model server.
        /// </summary>
        NameOnFrameworkType,

        /// <summary>A model- or endpoint-like name on the user's own type: ids the catalog knows count, ambiguous ones too.</summary>
        NameOnUserType,

        /// <summary>An AI SDK's model or endpoint parameter or property, or a request-body key: unknown values count too (MP0005).</summary>
        ApiPosition,
    }

    /// <summary>Where a value is used: what it must be, the evidence for it, and the name that says so.</summary>
    internal readonly struct ValuePosition
    {
        public ValuePosition(ValueKind kind, Evidence evidence, string name)
        {
            Kind = kind;
            Evidence = evidence;
            Name = name;
        }

        public ValueKind Kind { get; }

        public Evidence Evidence { get; }

        /// <summary>The parameter, property or key name; empty for a literal anywhere.</summary>
        public string Name { get; }

        public static ValuePosition Unnamed(ValueKind kind) => new ValuePosition(kind, Evidence.TextOnly, string.Empty);
    }
}
