using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// <c>modelpolicy fix</c> on a generated tree without appsettings.json: App references ModelPolicy.Routing (the
    /// repository's own project) and has ids in code, in JSON and in an attribute (which no fix can move); Lib does
    /// not reference ModelPolicy.Routing. The tool's own analyzer finds them; no package is needed.
    /// </summary>
    [Trait("Rule", "MP0001")]
    public sealed class FixCommandTests
    {
        private static readonly string RoutingProject = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "src", "ModelPolicy.Routing", "ModelPolicy.Routing.csproj"));

        private const string Clients = """
            using System.ComponentModel;

            namespace Fix.App
            {
                public static class Clients
                {
                    public static object Body() => new { model = "gpt-4o-mini", temperature = 0.2 };

                    public static string Json() => "{\"model\": \"mistral-large-latest\", \"messages\": []}";

                    public static string Endpoint() => "https://api.deepseek.com/v1";

                    [Description("claude-3-5-sonnet-latest")]
                    public static void Documented() { }
                }
            }
            """;

        private const string LibSource = """
            namespace Fix.Lib
            {
                public static class Requests
                {
                    public static object Body() => new { model = "gpt-4.1" };
                }
            }
            """;

        private static string CreateTree()
        {
            var root = Path.Combine(Path.GetTempPath(), "modelpolicy-fix-tests-" + Guid.NewGuid().ToString("N").Substring(0, 8));
            Write(root, ".editorconfig", "root = true\n\n[*.cs]\nmodel_policy.denied_endpoint_origins = none\n");
            Write(root, "App/App.csproj", $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <ProjectReference Include="{RoutingProject}" />
                  </ItemGroup>
                </Project>
                """);
            Write(root, "App/Clients.cs", Clients);
            Write(root, "Lib/Lib.csproj", """
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                  </PropertyGroup>
                </Project>
                """);
            Write(root, "Lib/Requests.cs", LibSource);
            Restore(Path.Combine(root, "App", "App.csproj"));
            Restore(Path.Combine(root, "Lib", "Lib.csproj"));
            return root;
        }

        private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
        {
            var output = new StringWriter();
            var error = new StringWriter();
            var exit = await Program.RunAsync(args, output, error, CancellationToken.None);
            return (exit, output.ToString(), error.ToString());
        }

        [Fact]
        public async Task CreatesAppSettingsMovesWhatItCanAndSaysWhyTheRestIsLeft()
        {
            var root = CreateTree();
            try
            {
                var (exit, output, error) = await RunAsync("fix", root, "--quiet");

                // Left: the attribute argument (only a constant compiles there) and Lib's id (no ModelPolicy.Routing).
                Assert.True(exit == 1, output + error);
                Assert.Contains("created  App/appsettings.json", output, StringComparison.Ordinal);
                Assert.Contains("changed  App/Clients.cs", output, StringComparison.Ordinal);
                Assert.Contains("2 finding(s) were left:", output, StringComparison.Ordinal);
                // The analyzer reports an attribute's id on the member it describes.
                Assert.Contains("App/Clients.cs(" + SampleSolution.LineOf(Clients, "Documented()") + ",", output, StringComparison.Ordinal);
                Assert.Contains("Lib/Requests.cs(" + SampleSolution.LineOf(LibSource, "gpt-4.1") + ",", output, StringComparison.Ordinal);
                Assert.Contains("project Lib does not reference ModelPolicy.Routing", output, StringComparison.Ordinal);
                Assert.Contains("a place only a constant may take", output, StringComparison.Ordinal);

                using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "App", "appsettings.json")));
                var routes = settings.RootElement.GetProperty("ModelRoutes").EnumerateObject().Select(r => r.Value).ToList();
                var models = routes.Where(r => r.TryGetProperty("Model", out _)).Select(r => r.GetProperty("Model").GetString()).ToList();
                var endpoints = routes.Where(r => r.TryGetProperty("Endpoint", out _)).Select(r => r.GetProperty("Endpoint").GetString()).ToList();
                Assert.Contains("gpt-4o-mini", models);
                Assert.Contains("mistral-large-latest", models);
                Assert.Contains("https://api.deepseek.com/v1", endpoints);

                var fixedSource = File.ReadAllText(Path.Combine(root, "App", "Clients.cs"));
                Assert.Contains("model = ModelRoutes.Default.GetModel(\"chat\")", fixedSource, StringComparison.Ordinal);
                Assert.Contains("$\"{{\\\"model\\\": \\\"{ModelRoutes.Default.GetModel(\"chat-2\")}\\\", \\\"messages\\\": []}}\"", fixedSource, StringComparison.Ordinal);
                Assert.Contains("[Description(\"claude-3-5-sonnet-latest\")]", fixedSource, StringComparison.Ordinal);
                Assert.Equal(LibSource, File.ReadAllText(Path.Combine(root, "Lib", "Requests.cs")));
                Assert.False(File.Exists(Path.Combine(root, "Lib", "appsettings.json")));

                // Run again: what was moved is gone, only the two that cannot be fixed are found.
                var (again, againOutput, _) = await RunAsync("fix", Path.Combine(root, "App", "App.csproj"), "--quiet", "--diagnostics", "MP0001");
                Assert.Equal(1, again);
                Assert.Contains("1 finding(s) (MP0001 1)", againOutput, StringComparison.Ordinal);
            }
            finally
            {
                Delete(root);
            }
        }

        [Fact]
        public async Task DryRunPrintsThePlanAndWritesNothing()
        {
            var root = CreateTree();
            try
            {
                var (exit, output, _) = await RunAsync("fix", Path.Combine(root, "App", "App.csproj"), "--dry-run", "--quiet");
                Assert.Equal(1, exit); // the attribute's id would be left
                Assert.Contains("would move 3 value(s) into 3 route(s):", output, StringComparison.Ordinal);
                // Paths are relative to the project's folder when a project is given.
                Assert.Contains("created  appsettings.json", output, StringComparison.Ordinal);
                Assert.Matches(@"Clients\.cs:" + SampleSolution.LineOf(Clients, "mistral-large-latest") + @" +model +mistral-large-latest +-> ModelRoutes:chat-2  \(in a JSON string\)", output);
                Assert.False(File.Exists(Path.Combine(root, "App", "appsettings.json")));
                Assert.Equal(Clients, File.ReadAllText(Path.Combine(root, "App", "Clients.cs")));
            }
            finally
            {
                Delete(root);
            }
        }

        [Fact]
        public async Task BadInputGetsAMessageAndExitTwo()
        {
            var (unknownRule, _, unknownError) = await RunAsync("fix", ".", "--diagnostics", "MP0009");
            Assert.Equal(2, unknownRule);
            Assert.Contains("'MP0009' is not a rule this command can fix", unknownError, StringComparison.Ordinal);

            var missing = Path.Combine(Path.GetTempPath(), "modelpolicy-no-such-" + Guid.NewGuid().ToString("N"));
            var (notThere, _, notThereError) = await RunAsync("fix", missing);
            Assert.Equal(2, notThere);
            Assert.Contains("does not exist", notThereError, StringComparison.Ordinal);
        }

        private static void Write(string root, string relative, string content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        private static void Restore(string project)
        {
            using var process = Process.Start(new ProcessStartInfo("dotnet", $"restore \"{project}\" -v q")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, "dotnet restore " + project + " failed");
        }

        private static void Delete(string root)
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
