namespace ModelPolicy.Analyzers.Analysis
{
    internal enum ValueKind
    {
        Model,
        Endpoint,
    }

    internal enum Strength
    {
        /// <summary>Anywhere in code: only ids and hosts the catalog knows with confidence.</summary>
        Anywhere,

        /// <summary>A model-like name on a user's own type: ids the catalog knows, ambiguous ones too.</summary>
        Weak,

        /// <summary>A model or endpoint parameter/property of an AI SDK, or a request-body key: unknown values count.</summary>
        Strong,
    }

    /// <summary>Where a value is used: what it must be, how sure we are, and the name that says so.</summary>
    internal readonly struct Position
    {
        public Position(ValueKind kind, Strength strength, string name)
        {
            Kind = kind;
            Strength = strength;
            Name = name;
        }

        public ValueKind Kind { get; }

        public Strength Strength { get; }

        /// <summary>The parameter, property or key name, or empty for "anywhere".</summary>
        public string Name { get; }

        public static Position Anywhere(ValueKind kind) => new Position(kind, Strength.Anywhere, string.Empty);
    }
}
