using System.Reflection;

namespace ModelPolicy.Cli.Output
{
    /// <summary>This tool, as the BOM and the SARIF log name it.</summary>
    internal static class ToolInfo
    {
        public const string Name = "modelpolicy";
        public const string PackageId = "ModelPolicy.Cli";
        public const string InformationUri = "https://github.com/modelpolicy/ModelPolicy.Analyzers";

        public static string Version { get; } = ReadVersion();

        private static string ReadVersion()
        {
            var informational = typeof(ToolInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            if (informational == null)
            {
                return typeof(ToolInfo).Assembly.GetName().Version?.ToString() ?? "0.0.0";
            }

            var plus = informational.IndexOf('+');
            return plus < 0 ? informational : informational.Substring(0, plus); // no commit hash
        }
    }
}
