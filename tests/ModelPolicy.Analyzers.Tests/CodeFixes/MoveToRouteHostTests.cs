using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;
using ModelPolicy.Analyzers;
using ModelPolicy.Analyzers.CodeFixes;
using ModelPolicy.Analyzers.Tests.Verifiers;
using Xunit;

namespace ModelPolicy.Analyzers.Tests.CodeFixes
{
    /// <summary>
    /// The move-to-route fix in a host that cannot add files, as MSBuildWorkspace under <c>dotnet format</c>:
    /// it never adds an additional document there. Without appsettings.json it changes nothing and says what it
    /// needs; with the placeholder item the package's targets give such hosts, it fills that file.
    /// </summary>
    [Trait("Rule", "MP0001")]
    public class MoveToRouteHostTests
    {
        private const string Source = """
            using OpenAI.Chat;

            public static class Clients
            {
                public static ChatClient Chat(string key) => new ChatClient("gpt-4o", key);

                public static ChatClient Mini(string key) => new ChatClient("gpt-4o-mini", key);
            }
            """;

        /// <summary>A workspace with MSBuildWorkspace's rule: it can change additional documents but not add them.</summary>
        private sealed class NoAddedFilesWorkspace : Workspace
        {
            public NoAddedFilesWorkspace()
                : base(MefHostServices.DefaultHost, "Test.NoAddedFiles")
            {
            }

            public override bool CanApplyChange(ApplyChangesKind feature) => feature != ApplyChangesKind.AddAdditionalDocument;

            public Solution Open(SolutionInfo info)
            {
                OnSolutionAdded(info);
                return CurrentSolution;
            }
        }

        private static (Workspace Workspace, Document Document) Create(bool canAddFiles, string? appSettings)
        {
            var projectId = ProjectId.CreateNewId();
            var documentId = DocumentId.CreateNewId(projectId);
            var additional = appSettings == null
                ? Array.Empty<DocumentInfo>()
                : new[] { DocumentInfo.Create(DocumentId.CreateNewId(projectId), "appsettings.json", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(appSettings), VersionStamp.Default)), filePath: "/p/appsettings.json") };
            var project = ProjectInfo.Create(
                projectId,
                VersionStamp.Default,
                "P",
                "P",
                LanguageNames.CSharp,
                filePath: "/p/P.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
                parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
                documents: new[] { DocumentInfo.Create(documentId, "Clients.cs", loader: TextLoader.From(TextAndVersion.Create(SourceText.From(Source), VersionStamp.Default)), filePath: "/p/Clients.cs") },
                metadataReferences: SdkReferences.All,
                additionalDocuments: additional);
            var info = SolutionInfo.Create(SolutionId.CreateNewId(), VersionStamp.Default, projects: new[] { project });
            Workspace workspace;
            if (canAddFiles)
            {
                var adhoc = new AdhocWorkspace();
                adhoc.AddSolution(info);
                workspace = adhoc;
            }
            else
            {
                var restricted = new NoAddedFilesWorkspace();
                restricted.Open(info);
                workspace = restricted;
            }

            return (workspace, workspace.CurrentSolution.GetDocument(documentId)!);
        }

        private static async Task<ImmutableArray<Diagnostic>> DiagnosticsAsync(Project project)
        {
            var compilation = (await project.GetCompilationAsync())!;
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new ModelPolicyAnalyzer()), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
            return diagnostics.Where(d => d.Id == "MP0001").OrderBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
        }

        private static async Task<CodeAction?> FixAllAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey)
        {
            var provider = new MoveToRouteCodeFixProvider();
            var context = new FixAllContext(document, provider, FixAllScope.Solution, equivalenceKey!, new[] { "MP0001" }, new Provider(diagnostics), CancellationToken.None);
            return await provider.GetFixAllProvider().GetFixAsync(context);
        }

        private static async Task<Solution> ChangedSolutionAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return Assert.Single(operations.OfType<ApplyChangesOperation>()).ChangedSolution;
        }

        [Fact]
        public async Task WithoutAppSettingsTheSingleFixSaysWhatItNeedsAndChangesNothing()
        {
            var (workspace, document) = Create(canAddFiles: false, appSettings: null);
            using var _ = workspace;
            var diagnostics = await DiagnosticsAsync(document.Project);
            Assert.Equal(2, diagnostics.Length);

            var actions = new List<CodeAction>();
            var context = new CodeFixContext(document, diagnostics[0], (action, _) => actions.Add(action), CancellationToken.None);
            await new MoveToRouteCodeFixProvider().RegisterCodeFixesAsync(context);

            var offered = Assert.Single(actions);
            Assert.Equal("Move model id to configuration route 'chat'" + MoveToRouteCodeFixProvider.NeedsSettingsFileSuffix, offered.Title);
            var changed = await ChangedSolutionAsync(offered);
            Assert.Empty(changed.GetChanges(document.Project.Solution).GetProjectChanges());
        }

        [Fact]
        public async Task WithoutAppSettingsFixAllOffersNothingAndNeverThrows()
        {
            var (workspace, document) = Create(canAddFiles: false, appSettings: null);
            using var _ = workspace;
            var diagnostics = await DiagnosticsAsync(document.Project);

            // dotnet format passes the key of the action offered for the first diagnostic, or none.
            Assert.Null(await FixAllAsync(document, diagnostics, MoveToRouteCodeFixProvider.NeedsSettingsFileEquivalenceKey));
            Assert.Null(await FixAllAsync(document, diagnostics, null));
        }

        [Fact]
        public async Task ThePlaceholderAppSettingsIsFilledByChangingItNeverByAddingAFile()
        {
            // What MSBuildWorkspace loads from the package's targets for a project without the file: an empty item.
            var (workspace, document) = Create(canAddFiles: false, appSettings: string.Empty);
            using var _ = workspace;
            var diagnostics = await DiagnosticsAsync(document.Project);

            var action = await FixAllAsync(document, diagnostics, MoveToRouteCodeFixProvider.ModelEquivalenceKey);
            Assert.NotNull(action);
            var changed = await ChangedSolutionAsync(action!);
            var changes = Assert.Single(changed.GetChanges(document.Project.Solution).GetProjectChanges());
            Assert.Empty(changes.GetAddedAdditionalDocuments());
            var settings = Assert.Single(changes.GetChangedAdditionalDocuments());
            var text = (await changed.GetAdditionalDocument(settings)!.GetTextAsync()).ToString();
            Assert.Contains("\"Model\": \"gpt-4o\"", text, StringComparison.Ordinal);
            Assert.Contains("\"Model\": \"gpt-4o-mini\"", text, StringComparison.Ordinal);

            // The host accepts the result: TryApplyChanges throws NotSupportedException for an added additional document.
            Assert.True(workspace.TryApplyChanges(changed));
            Assert.Contains("ModelRoutes.Default.GetModel(\"chat\")", (await workspace.CurrentSolution.GetDocument(document.Id)!.GetTextAsync()).ToString(), StringComparison.Ordinal);
        }

        [Fact]
        public async Task AHostThatCanAddFilesGetsANewAppSettings()
        {
            var (workspace, document) = Create(canAddFiles: true, appSettings: null);
            using var _ = workspace;
            var diagnostics = await DiagnosticsAsync(document.Project);

            var action = await FixAllAsync(document, diagnostics, MoveToRouteCodeFixProvider.ModelEquivalenceKey);
            Assert.Equal("Move model ids to configuration routes", action!.Title);
            var changes = Assert.Single((await ChangedSolutionAsync(action)).GetChanges(document.Project.Solution).GetProjectChanges());
            Assert.Single(changes.GetAddedAdditionalDocuments());
        }

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics) => this.diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

            public override Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken) =>
                Task.FromResult(diagnostics.Where(d => d.Location.SourceTree?.FilePath == document.FilePath));

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) => Task.FromResult(Enumerable.Empty<Diagnostic>());
        }
    }
}
