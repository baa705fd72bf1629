using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The Microsoft.CodeAnalysis.Testing harness, set up once: C# 12, .NET 10 reference assemblies and the
    /// real AI SDKs, nothing downloaded at run time. Policy goes in <c>TestState.AnalyzerConfigFiles</c>.
    /// </summary>
    public sealed class AnalyzerTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public AnalyzerTest()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(SdkReferences.All);
            FixedState.AdditionalReferences.AddRange(SdkReferences.All);
            TestState.OutputKind = OutputKind.DynamicallyLinkedLibrary;

            // The framework's own suppression pass adds '#pragma warning disable' without a reason, which in a
            // regulated scope is MP0009 by design; MP0009's tests cover pragmas.
            TestBehaviors |= TestBehaviors.SkipSuppressionCheck;
        }

        public LanguageVersion LanguageVersion { get; set; } = LanguageVersion.CSharp12;

        /// <summary>MP0007 (diversification) is off in tests unless asked for: most tests use one vendor on purpose.</summary>
        public bool IncludeDiversification { get; set; }

        protected override ParseOptions CreateParseOptions() =>
            ((CSharpParseOptions)base.CreateParseOptions()).WithLanguageVersion(LanguageVersion);

        protected override CompilationOptions CreateCompilationOptions() =>
            ((CSharpCompilationOptions)base.CreateCompilationOptions())
                .WithNullableContextOptions(NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(new[]
                {
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("MP0007", IncludeDiversification ? ReportDiagnostic.Default : ReportDiagnostic.Suppress),
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS1591", ReportDiagnostic.Suppress),
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("CS8019", ReportDiagnostic.Suppress),

                    // The hidden inventory entry goes with every finding; its own tests read it directly.
                    new System.Collections.Generic.KeyValuePair<string, ReportDiagnostic>("MP0010", ReportDiagnostic.Suppress),
                });

        public static Task RunAsync(string source, string? editorconfig = null, params DiagnosticResult[] expected) =>
            RunAsync(source, editorconfig, CancellationToken.None, expected);

        public static async Task RunAsync(string source, string? editorconfig, CancellationToken cancellationToken, params DiagnosticResult[] expected)
        {
            var test = new AnalyzerTest<TAnalyzer, TCodeFix> { TestCode = source };
            if (editorconfig != null)
            {
                test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorconfig));
            }

            test.ExpectedDiagnostics.AddRange(expected);
            await test.RunAsync(cancellationToken);
        }
    }
}
