using System;
using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelPolicy.Cli.Fixing;
using ModelPolicy.Cli.Loading;

namespace ModelPolicy.Cli
{
    /// <summary>What <c>modelpolicy fix</c> was asked to do.</summary>
    internal sealed record FixOptions(
        string Path,
        IReadOnlyList<string> Diagnostics,
        bool DryRun,
        IReadOnlyDictionary<string, string> Properties,
        bool Quiet);

    /// <summary>
    /// <c>modelpolicy fix &lt;solution|project|folder&gt; [--diagnostics MP0001 …] [--dry-run]</c>: the move-to-route
    /// Fix All of the code-fix package, applied with a workspace whose files this tool writes, so a project without
    /// appsettings.json gets one. Exit 0: everything asked for was fixed; 1: something was left (listed with the
    /// reason); 2: a bad command line or a load that failed.
    /// </summary>
    internal static class FixCommand
    {
        public static Command Create(TextWriter stdout, TextWriter stderr)
        {
            var path = new Argument<string>("path")
            {
                Description = "A solution (.sln, .slnx, .slnf), a C# project (.csproj), or a folder: the one solution closest to it, else every *.csproj under it.",
                Arity = ArgumentArity.ZeroOrOne,
                DefaultValueFactory = _ => ".",
            };
            var diagnostics = new Option<string[]>("--diagnostics", "-d")
            {
                Description = "The rules to fix (default: every rule the move-to-route fix handles: " + string.Join(", ", FixRunner.FixableIds) + ").",
                HelpName = "MPxxxx",
                AllowMultipleArgumentsPerToken = true,
            };
            diagnostics.Validators.Add(result =>
            {
                foreach (var value in result.Tokens.Select(t => t.Value))
                {
                    if (!FixRunner.FixableIds.Contains(value.Trim().ToUpperInvariant()))
                    {
                        result.AddError($"--diagnostics: '{value}' is not a rule this command can fix ({string.Join(", ", FixRunner.FixableIds)}).");
                    }
                }
            });
            var dryRun = new Option<bool>("--dry-run", "-n") { Description = "Print what would change; write nothing." };
            var property = CommonOptions.Property("An MSBuild global property for loading, as Name=Value. Repeatable.");
            var quiet = CommonOptions.Quiet();

            var fix = new Command("fix", "Move hard-coded model ids and endpoints into configuration routes (appsettings.json, created where missing), as the code fix's Fix All does.");
            fix.Arguments.Add(path);
            fix.Options.Add(diagnostics);
            fix.Options.Add(dryRun);
            fix.Options.Add(property);
            fix.Options.Add(quiet);
            fix.SetAction((parse, cancellationToken) =>
            {
                var ids = (parse.GetValue(diagnostics) ?? Array.Empty<string>()).Select(v => v.Trim().ToUpperInvariant()).Distinct().ToList();
                var properties = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                foreach (var value in parse.GetValue(property) ?? Array.Empty<string>())
                {
                    var equals = value.IndexOf('=', StringComparison.Ordinal);
                    properties[value.Substring(0, equals).Trim()] = value.Substring(equals + 1).Trim();
                }

                var options = new FixOptions(parse.GetValue(path) ?? ".", ids.Count == 0 ? FixRunner.FixableIds : ids, parse.GetValue(dryRun), properties, parse.GetValue(quiet));
                return RunAsync(options, stdout, stderr, cancellationToken);
            });
            return fix;
        }

        public static async Task<int> RunAsync(FixOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            try
            {
                var target = InventoryTarget.Resolve(options.Path);
                try
                {
                    MSBuildSetup.EnsureRegistered();
                }
                catch (InvalidOperationException e)
                {
                    throw new InventoryException("no .NET SDK found to load projects with (MSBuildLocator): " + e.Message, e);
                }

                var progress = options.Quiet ? null : stderr;
                using var loaded = await WorkspaceLoader.LoadAsync(target, options.Properties, progress, cancellationToken).ConfigureAwait(false);
                foreach (var failure in loaded.Warnings.Distinct(StringComparer.Ordinal).Where(w => w.StartsWith("failure:", StringComparison.Ordinal)))
                {
                    progress?.WriteLine("  " + failure);
                }

                var result = await FixRunner.RunAsync(loaded, target, options.Diagnostics, options.DryRun, progress, cancellationToken).ConfigureAwait(false);
                FixReport.Write(result, target.Root, options.DryRun, stdout);
                return result.Remaining.Count == 0 && result.WriteErrors.Count == 0 ? ExitCodes.Success : ExitCodes.Violation;
            }
            catch (InventoryException e)
            {
                stderr.WriteLine("modelpolicy: error: " + e.Message);
                return ExitCodes.UsageOrLoadError;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Nothing was written if this happens before the write; say what failed rather than crash.
                stderr.WriteLine($"modelpolicy: error: the fix failed ({e.GetType().Name}): {e.Message}");
                return ExitCodes.UsageOrLoadError;
            }
        }
    }
}
