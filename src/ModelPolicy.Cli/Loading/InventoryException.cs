using System;

namespace ModelPolicy.Cli.Loading
{
    /// <summary>A problem with what the user asked for (exit code 2), told in a sentence.</summary>
    internal sealed class InventoryException : Exception
    {
        public InventoryException(string message)
            : base(message)
        {
        }

        public InventoryException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
