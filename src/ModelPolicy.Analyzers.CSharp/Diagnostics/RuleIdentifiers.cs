namespace ModelPolicy.Analyzers.Diagnostics
{
    /// <summary>Every diagnostic id of the package.</summary>
    public static class RuleIdentifiers
    {
        public const string HardCodedModel = "MP0001";
        public const string ModelNotAllowed = "MP0002";
        public const string HardCodedEndpoint = "MP0003";
        public const string EndpointNotAllowed = "MP0004";
        public const string UnknownModel = "MP0005";
        public const string ConfigurationNotAllowed = "MP0006";
        public const string Diversification = "MP0007";
        public const string InvalidPolicy = "MP0008";
        public const string UnjustifiedSuppression = "MP0009";
        public const string Inventory = "MP0010";
    }
}
