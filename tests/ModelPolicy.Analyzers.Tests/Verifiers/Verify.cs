using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>Shorthands for tests of <see cref="ModelPolicyAnalyzer"/>.</summary>
    public static class Verify
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning);

        public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity) => new DiagnosticResult(id, severity);

        /// <summary>Runs the analyzer on the source; markup like <c>{|MP0001:"gpt-4o"|}</c> states what is expected.</summary>
        public static Task AnalyzerAsync(string source, string? editorconfig = null, params DiagnosticResult[] expected) =>
            AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>.RunAsync(source, editorconfig, expected);

        /// <summary>A test to fill in: several files, additional files, a global config.</summary>
        public static AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider> Test(string? editorconfig = null)
        {
            var test = new AnalyzerTest<ModelPolicyAnalyzer, EmptyCodeFixProvider>();
            if (editorconfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorconfig));
            }

            return test;
        }

        /// <summary>A root .editorconfig with the given lines in a [*.cs] section.</summary>
        public static string Policy(params string[] lines) => "root = true\n\n[*.cs]\n" + string.Join("\n", lines) + "\n";
    }
}
