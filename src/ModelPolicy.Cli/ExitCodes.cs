namespace ModelPolicy.Cli
{
    /// <summary>The tool's exit codes (docs/inventory.md).</summary>
    internal static class ExitCodes
    {
        /// <summary>The inventory was written (and, with <c>--fail-on violation</c>, nothing violates the policy).</summary>
        public const int Success = 0;

        /// <summary><c>--fail-on violation</c>: an unsuppressed MP0002, MP0004, MP0006 or MP0009, or a denied use.</summary>
        public const int Violation = 1;

        /// <summary>A bad command line, nothing to load, or a load that failed.</summary>
        public const int UsageOrLoadError = 2;
    }
}
