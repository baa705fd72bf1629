using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace ModelPolicy.Cli
{
    /// <summary>The command line: <c>modelpolicy inventory &lt;solution|project|folder&gt; [options]</c>.</summary>
    internal static class Program
    {
        private static Task<int> Main(string[] args) => RunAsync(args, Console.Out, Console.Error, CancellationToken.None);

        public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            var root = BuildCommand(out var inventory, stdout, stderr);
            var parsed = root.Parse(args);
            var helpRequested = args.Any(a => a == "-h" || a == "--help" || a == "-?" || a == "/?");
            if (parsed.Errors.Count > 0 && !helpRequested)
            {
                foreach (var error in parsed.Errors)
                {
                    stderr.WriteLine("modelpolicy: error: " + error.Message);
                }

                stderr.WriteLine(parsed.CommandResult.Command == inventory
                    ? "Run 'modelpolicy inventory --help' for usage."
                    : "Run 'modelpolicy --help' for usage.");
                return ExitCodes.UsageOrLoadError;
            }

            var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
            return await parsed.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }

        private static RootCommand BuildCommand(out Command inventory, TextWriter stdout, TextWriter stderr)
        {
            var path = new Argument<string>("path")
            {
                Description = "A solution (.sln, .slnx, .slnf), a C# project (.csproj), or a folder: the one solution closest to it, else every *.csproj under it.",
                Arity = ArgumentArity.ZeroOrOne,
                DefaultValueFactory = _ => ".",
            };
            var format = new Option<string>("--format", "-f")
            {
                Description = "table (default): models and endpoints for people; cyclonedx: a CycloneDX 1.6 ML-BOM; sarif: SARIF 2.1.0 with every finding and inventory entry.",
                DefaultValueFactory = _ => "table",
                HelpName = "table|cyclonedx|sarif",
            };
            format.AcceptOnlyFromAmong("table", "cyclonedx", "sarif");
            var output = new Option<string?>("--output", "-o") { Description = "Write to this file instead of standard output.", HelpName = "file" };
            var failOn = new Option<string>("--fail-on")
            {
                Description = "violation: exit 1 when an unsuppressed MP0002, MP0004, MP0006 or MP0009 is found, or a use is denied; none (default): exit 0.",
                DefaultValueFactory = _ => "none",
                HelpName = "violation|none",
            };
            failOn.AcceptOnlyFromAmong("violation", "none");
            var property = CommonOptions.Property("An MSBuild global property for loading, as Name=Value (e.g. -p Configuration=Release, -p ModelPolicyProfile=regulated). Repeatable.");
            var quiet = CommonOptions.Quiet();
            var policy = new Option<string?>("--policy") { Description = "An organisation's policy floor (model_policy.* keys in [glob] sections): combined with the repository's, a deny at either level wins; uses are judged whatever the repository's severity settings and suppressions (docs/security.md).", HelpName = "file" };

            inventory = new Command("inventory", "List the AI models and provider endpoints the code hard-codes, with maker, origin, open weights and policy status.");
            inventory.Arguments.Add(path);
            inventory.Options.Add(format);
            inventory.Options.Add(output);
            inventory.Options.Add(failOn);
            inventory.Options.Add(property);
            inventory.Options.Add(quiet);
            inventory.Options.Add(policy);
            inventory.SetAction((parse, cancellationToken) =>
            {
                var options = new InventoryOptions(
                    parse.GetValue(path) ?? ".",
                    parse.GetValue(format) switch
                    {
                        "cyclonedx" => OutputFormat.CycloneDx,
                        "sarif" => OutputFormat.Sarif,
                        _ => OutputFormat.Table,
                    },
                    parse.GetValue(output),
                    parse.GetValue(failOn) == "violation",
                    Properties(parse.GetValue(property)),
                    parse.GetValue(quiet)) { PolicyFile = parse.GetValue(policy) };
                return InventoryCommand.RunAsync(options, stdout, stderr, cancellationToken);
            });

            var root = new RootCommand("modelpolicy: the AI model inventory of a .NET solution, judged against the model-origin policy in .editorconfig.");
            root.Subcommands.Add(inventory);
            root.Subcommands.Add(Diff.DiffCommand.Build(stdout, stderr));
            root.Subcommands.Add(FixCommand.Create(stdout, stderr));
            return root;
        }

        private static IReadOnlyDictionary<string, string> Properties(string[]? values)
        {
            var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            foreach (var value in values ?? Array.Empty<string>())
            {
                var equals = value.IndexOf('=', StringComparison.Ordinal);
                properties[value.Substring(0, equals).Trim()] = value.Substring(equals + 1).Trim();
            }

            return properties;
        }
    }
}
