using System;
using System.IO;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>Where the repository is, for tests that read its docs and samples.</summary>
    public static class Repository
    {
        public static string Root { get; } = Find();

        private static string Find()
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory != null && !File.Exists(Path.Combine(directory.FullName, "ModelPolicy.Analyzers.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new InvalidOperationException("repository root not found above " + AppContext.BaseDirectory);
        }
    }
}
