using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ModelPolicy.Cli.Analysis;
using ModelPolicy.Cli.Inventory;
using ModelPolicy.Cli.Loading;
using ModelPolicy.Cli.Output;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Cli
{
    internal enum OutputFormat
    {
        Table,
        CycloneDx,
        Sarif,
    }

    /// <summary>What <c>modelpolicy inventory</c> was asked to do.</summary>
    internal sealed record InventoryOptions(
        string Path,
        OutputFormat Format,
        string? OutputFile,
        bool FailOnViolation,
        IReadOnlyDictionary<string, string> Properties,
        bool Quiet)
    {
        /// <summary><c>--policy</c>: an organisation's policy floor (docs/security.md), or null.</summary>
        public string? PolicyFile { get; init; }
    }

    /// <summary><c>modelpolicy inventory</c>: load, analyze, write, and tell by the exit code whether the policy holds.</summary>
    internal static class InventoryCommand
    {
        public static async Task<int> RunAsync(InventoryOptions options, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
        {
            InventoryResult result;
            Policy.PolicyFloorFile? floor = null;
            if (options.PolicyFile != null)
            {
                var loaded = Policy.FloorRun.Load(options.PolicyFile);
                if (loaded.Floor == null)
                {
                    stderr.WriteLine("modelpolicy: error: " + loaded.Error);
                    return ExitCodes.UsageOrLoadError;
                }

                floor = new Policy.PolicyFloorFile(loaded.Floor, loaded.Text);
            }

            try
            {
                result = await AnalyzeAsync(options.Path, options.Properties, options.Quiet ? null : stderr, cancellationToken, floor).ConfigureAwait(false);
            }
            catch (InventoryException e)
            {
                stderr.WriteLine("modelpolicy: error: " + e.Message);
                return ExitCodes.UsageOrLoadError;
            }

            return Write(result, options, stdout, stderr);
        }

        /// <summary>Resolves the argument, loads it with the SDK's MSBuild and runs the analyzer on every C# project.</summary>
        public static async Task<InventoryResult> AnalyzeAsync(string path, IReadOnlyDictionary<string, string> properties, TextWriter? progress, CancellationToken cancellationToken, Policy.PolicyFloorFile? floor = null)
        {
            var target = InventoryTarget.Resolve(path);
            try
            {
                MSBuildSetup.EnsureRegistered();
            }
            catch (InvalidOperationException e)
            {
                throw new InventoryException("no .NET SDK found to load projects with (MSBuildLocator): " + e.Message, e);
            }

            using var loaded = await WorkspaceLoader.LoadAsync(target, properties, progress, cancellationToken).ConfigureAwait(false);
            var warnings = loaded.Warnings.Distinct(StringComparer.Ordinal).ToList();
            foreach (var failure in warnings.Where(w => w.StartsWith("failure:", StringComparison.Ordinal)))
            {
                progress?.WriteLine("  " + failure);
            }

            if (warnings.Any(w => !w.StartsWith("failure:", StringComparison.Ordinal)))
            {
                progress?.WriteLine($"  {warnings.Count(w => !w.StartsWith("failure:", StringComparison.Ordinal))} workspace warning(s) while loading (in the SARIF output's run properties)");
            }

            var result = await InventoryRunner.RunAsync(loaded, target, properties, progress, cancellationToken, floor).ConfigureAwait(false);
            progress?.WriteLine($"modelpolicy: {result.Findings.Count(f => f.Id == RuleIdentifiers.Inventory && f.Kind != ValueKinds.Suppression)} model and endpoint uses in {result.Projects.Count} project(s)");
            return result;
        }

        /// <summary>Writes the inventory in the asked format, to the asked place; returns the exit code.</summary>
        public static int Write(InventoryResult result, InventoryOptions options, TextWriter stdout, TextWriter stderr)
        {
            var report = new InventoryReport(result);
            try
            {
                if (options.OutputFile == null)
                {
                    Render(report, options.Format, stdout);
                }
                else
                {
                    var full = System.IO.Path.GetFullPath(options.OutputFile);
                    Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
                    using var file = new StreamWriter(full, append: false, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    Render(report, options.Format, file);
                    if (!options.Quiet)
                    {
                        stderr.WriteLine($"modelpolicy: wrote {options.OutputFile}");
                    }
                }
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                stderr.WriteLine($"modelpolicy: error: cannot write '{options.OutputFile}': {e.Message}");
                return ExitCodes.UsageOrLoadError;
            }

            if (!options.FailOnViolation)
            {
                return ExitCodes.Success;
            }

            var violations = report.Violations;
            if (violations.Count == 0)
            {
                return ExitCodes.Success;
            }

            stderr.WriteLine($"modelpolicy: {violations.Count(v => v.Id != RuleIdentifiers.Inventory)} policy violation(s):");
            foreach (var violation in violations.Where(v => v.Id != RuleIdentifiers.Inventory))
            {
                stderr.WriteLine($"  {violation.Path}({violation.Line},{violation.Column}): {violation.Id}: {violation.Message}");
            }

            return ExitCodes.Violation;
        }

        public static void Render(InventoryReport report, OutputFormat format, TextWriter output)
        {
            switch (format)
            {
                case OutputFormat.CycloneDx:
                    CycloneDxWriter.Write(report, output);
                    break;
                case OutputFormat.Sarif:
                    SarifWriter.Write(report, output);
                    break;
                default:
                    TableWriter.Write(report, output);
                    break;
            }
        }
    }
}
