using System;
using System.IO;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>
    /// Code whose values are not choices of a model: test code (where an id the catalog does not know is a placeholder,
    /// not a deployment) and Entity Framework migrations (seed rows of a price or model table, replayed per migration).
    /// </summary>
    internal static class CodeKinds
    {
        /// <summary>A test project: MSBuild's IsTestProject (Microsoft.NET.Test.Sdk sets it), compiler-visible through the package's props.</summary>
        public static bool IsTestProject(Microsoft.CodeAnalysis.Diagnostics.AnalyzerConfigOptionsProvider options) =>
            options.GlobalOptions.TryGetValue(Diagnostics.BuildProperties.IsTestProject, out var value) && string.Equals(value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

        /// <summary>A file under a test folder (<c>test/</c>, <c>tests/</c>, <c>*.Tests/</c>, <c>*.UnitTests/</c>) or named <c>*Tests.cs</c>.</summary>
        public static bool IsTestFile(string path)
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            var name = Path.GetFileNameWithoutExtension(path);
            if (name.EndsWith("Tests", StringComparison.Ordinal) || name.EndsWith("Test", StringComparison.Ordinal) || name.EndsWith("Specs", StringComparison.Ordinal))
            {
                return true;
            }

            foreach (var segment in path.Split('/', '\\'))
            {
                if (segment.Equals("test", StringComparison.OrdinalIgnoreCase) || segment.Equals("tests", StringComparison.OrdinalIgnoreCase)
                    || segment.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith(".Test", StringComparison.OrdinalIgnoreCase)
                    || segment.EndsWith("UnitTests", StringComparison.OrdinalIgnoreCase) || segment.EndsWith("IntegrationTests", StringComparison.OrdinalIgnoreCase)
                    || segment.EndsWith(".Specs", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Inside an Entity Framework migration or model snapshot (a class deriving from Migration or ModelSnapshot).</summary>
        public static bool IsInMigration(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is ClassDeclarationSyntax type && type.BaseList != null)
                {
                    foreach (var baseType in type.BaseList.Types)
                    {
                        var name = baseType.Type switch
                        {
                            SimpleNameSyntax simple => simple.Identifier.ValueText,
                            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                            _ => string.Empty,
                        };
                        if (name == "Migration" || name == "ModelSnapshot")
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
