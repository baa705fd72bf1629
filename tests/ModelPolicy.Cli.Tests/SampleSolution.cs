using System;
using System.Diagnostics;
using System.IO;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// A small two-project tree written to a temp folder: plain strings only (request bodies as anonymous
    /// objects and JSON, constants), so it needs no SDK package, under an .editorconfig policy with a
    /// regulated folder, a ModelCatalog.txt alias, and a project that sets ModelPolicyProfile without making
    /// it compiler-visible.
    /// </summary>
    internal static class SampleSolution
    {
        public const string EditorConfig = """
            root = true

            [*.cs]
            model_policy.denied_endpoint_origins = CN
            model_policy.unknown_models = warn

            [App/Payments/**.cs]
            model_policy.profile = regulated
            model_policy.allowed_origins = US, EU
            """;

        public const string AppProject = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <AdditionalFiles Include="ModelCatalog.txt" />
              </ItemGroup>
            </Project>
            """;

        public const string Catalog = """
            # Our Azure deployment names, and what runs behind them.
            alias team-chat | model=gpt-4o
            """;

        // Line numbers matter: the tests check the occurrences.
        public const string Chat = """
            namespace Sample.App
            {
                public static class ChatRequests
                {
                    public const string DeepSeekApi = "https://api.deepseek.com/v1";

                    public static object Body() => new { model = "gpt-4o-mini", temperature = 0.2 };

                    public static object Team() => new { model = "team-chat" };

                    public const string Json = "{\"model\": \"mistral-large-latest\", \"messages\": []}";
                }
            }
            """;

        public const string Refunds = """
            namespace Sample.App.Payments
            {
                public static class Refunds
                {
                    public static object Explain() => new { model = "qwen-max" };

            #pragma warning disable MP0002 // Approved by the risk committee, RISK-142
                    public static object Legacy() => new { model = "deepseek-chat" };
            #pragma warning restore MP0002

                    public static object Summary() => new { model = "claude-3-5-sonnet-latest", endpoint = "https://api.anthropic.com" };
                }
            }
            """;

        public const string RegulatedProject = """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <ModelPolicyProfile>regulated</ModelPolicyProfile>
              </PropertyGroup>
            </Project>
            """;

        public const string Ranking = """
            namespace Sample.Regulated
            {
                public static class Ranking
                {
                    public static object Body() => new { model = "llama3.2:3b", url = "https://api.moonshot.cn/v1" };
                }
            }
            """;

        /// <summary>Writes the tree and restores it (a design-time build needs project.assets.json).</summary>
        public static string Create()
        {
            var root = Path.Combine(Path.GetTempPath(), "modelpolicy-cli-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Write(root, ".editorconfig", EditorConfig);
            Write(root, "App/App.csproj", AppProject);
            Write(root, "App/ModelCatalog.txt", Catalog);
            Write(root, "App/Chat.cs", Chat);
            Write(root, "App/Payments/Refunds.cs", Refunds);
            Write(root, "Regulated/Regulated.csproj", RegulatedProject);
            Write(root, "Regulated/Ranking.cs", Ranking);
            Restore(Path.Combine(root, "App", "App.csproj"));
            Restore(Path.Combine(root, "Regulated", "Regulated.csproj"));
            return root;
        }

        /// <summary>The 1-based line of the first line of <paramref name="source"/> that contains <paramref name="text"/>.</summary>
        public static int LineOf(string source, string text)
        {
            var lines = source.Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Contains(text, StringComparison.Ordinal))
                {
                    return i + 1;
                }
            }

            throw new ArgumentException($"'{text}' is not in the source");
        }

        private static void Write(string root, string relative, string text)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text + "\n");
        }

        internal static void RestoreProject(string project) => Restore(project);

        private static void Restore(string project)
        {
            var start = new ProcessStartInfo("dotnet", $"restore \"{project}\" -nologo")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(180_000))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("dotnet restore took more than 3 minutes");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"dotnet restore {project} failed: {output.Result}{error.Result}");
            }
        }
    }
}
