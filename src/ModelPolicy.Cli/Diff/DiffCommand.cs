using System.CommandLine;
using System.IO;
using System.Threading.Tasks;

namespace ModelPolicy.Cli.Diff
{
    /// <summary>
    /// <c>modelpolicy diff &lt;base.cdx.json&gt; &lt;head.cdx.json&gt;</c>: what a change adds to and drops from the inventory
    /// (models, vendors, origin countries, endpoints, operators, operator countries, regions). Exit 1 when the head brings
    /// a vendor, origin, operator or region the base lacks (as <c>--fail-on</c> chooses), 0 otherwise, 2 on bad input.
    /// </summary>
    internal static class DiffCommand
    {
        public static Command Build(TextWriter stdout, TextWriter stderr)
        {
            var basePath = new Argument<string>("base") { Description = "The base inventory: a CycloneDX file that 'modelpolicy inventory --format cyclonedx' wrote (for a pull request: the target branch's)." };
            var headPath = new Argument<string>("head") { Description = "The head inventory, written the same way from the changed tree." };
            var failOn = new Option<string>("--fail-on")
            {
                Description = "any (default): exit 1 when the head adds a vendor, a model origin, an endpoint operator, an operator country or a region; new-vendor, new-origin, new-endpoint (operator, operator country or region): only that; none: always 0.",
                DefaultValueFactory = _ => "any",
                HelpName = "none|new-origin|new-vendor|new-endpoint|any",
            };
            failOn.AcceptOnlyFromAmong("none", "new-origin", "new-vendor", "new-endpoint", "any");
            var format = new Option<string>("--format", "-f")
            {
                Description = "text (default), or markdown for a pull-request comment.",
                DefaultValueFactory = _ => "text",
                HelpName = "text|markdown",
            };
            format.AcceptOnlyFromAmong("text", "markdown");

            var command = new Command("diff", "Compare two inventories: models, vendors, origins, endpoint operators and regions added and removed.");
            command.Arguments.Add(basePath);
            command.Arguments.Add(headPath);
            command.Options.Add(failOn);
            command.Options.Add(format);
            command.SetAction((parse, cancellationToken) => Task.FromResult(Run(
                parse.GetValue(basePath)!,
                parse.GetValue(headPath)!,
                Parse(parse.GetValue(failOn)),
                parse.GetValue(format) == "markdown",
                stdout,
                stderr)));
            return command;
        }

        public static int Run(string basePath, string headPath, DiffFailOn failOn, bool markdown, TextWriter stdout, TextWriter stderr)
        {
            InventorySnapshot before;
            InventorySnapshot after;
            try
            {
                before = InventorySnapshot.Read(basePath);
                after = InventorySnapshot.Read(headPath);
            }
            catch (InventoryFileException e)
            {
                stderr.WriteLine("modelpolicy: error: " + e.Message);
                return ExitCodes.UsageOrLoadError;
            }

            var diff = InventoryDiff.Compare(before, after);
            if (markdown)
            {
                DiffWriter.WriteMarkdown(diff, failOn, stdout);
            }
            else
            {
                DiffWriter.WriteText(diff, failOn, stdout);
            }

            return diff.Failures(failOn).Count == 0 ? ExitCodes.Success : ExitCodes.Violation;
        }

        private static DiffFailOn Parse(string? value) => value switch
        {
            "none" => DiffFailOn.None,
            "new-origin" => DiffFailOn.NewOrigin,
            "new-vendor" => DiffFailOn.NewVendor,
            "new-endpoint" => DiffFailOn.NewEndpoint,
            _ => DiffFailOn.Any,
        };
    }
}
