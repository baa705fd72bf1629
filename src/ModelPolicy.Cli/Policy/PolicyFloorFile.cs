using ModelPolicy.Policy;

namespace ModelPolicy.Cli.Policy
{
    /// <summary>The <c>--policy</c> file, parsed, with its text (passed to the analyzer as the floor AdditionalFile).</summary>
    internal sealed record PolicyFloorFile(PolicyFloor Floor, string Text);
}
