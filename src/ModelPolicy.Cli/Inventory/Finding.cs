using System.Collections.Generic;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Cli.Inventory
{
    /// <summary>SARIF's levels, which Roslyn's severities map to one for one (Hidden is <c>none</c>).</summary>
    internal enum FindingLevel
    {
        None,
        Note,
        Warning,
        Error,
    }

    /// <summary>One diagnostic of the analyzer, as plain data: what the writers need and no Roslyn type.</summary>
    /// <param name="Id">MP0001–MP0010.</param>
    /// <param name="Level">The effective severity in that file (after .editorconfig and the regulated profile).</param>
    /// <param name="Project">The project's name (without a target-framework suffix).</param>
    /// <param name="Path">The file, relative to the inventory's root, with '/' separators; empty when the finding has no file.</param>
    /// <param name="Suppressed">Suppressed in source (<c>#pragma warning disable</c>, <c>[SuppressMessage]</c>).</param>
    /// <param name="Properties">The diagnostic's properties (see docs/rules/MP0010.md).</param>
    internal sealed record Finding(
        string Id,
        FindingLevel Level,
        string Message,
        string Project,
        string Path,
        int Line,
        int Column,
        int EndLine,
        int EndColumn,
        bool Suppressed,
        IReadOnlyDictionary<string, string?> Properties)
    {
        public string? Property(string name) => Properties.TryGetValue(name, out var value) && !string.IsNullOrEmpty(value) ? value : null;

        public string Kind => Property(DiagnosticProperties.Kind) ?? string.Empty;

        public string Value => Property(DiagnosticProperties.Value) ?? string.Empty;
    }

    /// <summary>A rule of the analyzer, for SARIF's <c>tool.driver.rules</c>.</summary>
    internal sealed record RuleInfo(string Id, string Title, string Description, string HelpUri, FindingLevel DefaultLevel);

    /// <summary>Everything one run found.</summary>
    /// <param name="Name">The solution's, project's or folder's name.</param>
    /// <param name="Root">The folder that paths are relative to.</param>
    /// <param name="Projects">The C# projects analyzed, by name.</param>
    /// <param name="Findings">All diagnostics, MP0010 entries included, ordered by file and position.</param>
    /// <param name="LoadWarnings">What the workspace said while loading (missing references and the like).</param>
    internal sealed record InventoryResult(
        string Name,
        string Root,
        string? SolutionPath,
        IReadOnlyList<string> Projects,
        IReadOnlyList<Finding> Findings,
        IReadOnlyList<RuleInfo> Rules,
        IReadOnlyList<string> LoadWarnings);
}
