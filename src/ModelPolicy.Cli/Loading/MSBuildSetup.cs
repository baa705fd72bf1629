using Microsoft.Build.Locator;

namespace ModelPolicy.Cli.Loading
{
    /// <summary>
    /// Finds the SDK's MSBuild (the one <c>dotnet build</c> uses) and makes it the one this process loads.
    /// Must run before any method that touches an MSBuild type is compiled, so MSBuild-touching code lives
    /// in methods of its own (<see cref="ProjectProperties"/>), never in the caller.
    /// </summary>
    internal static class MSBuildSetup
    {
        private static readonly object Gate = new object();

        public static void EnsureRegistered()
        {
            lock (Gate)
            {
                if (!MSBuildLocator.IsRegistered)
                {
                    MSBuildLocator.RegisterDefaults();
                }
            }
        }
    }
}
