using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using ModelPolicy.Analyzers.CodeFixes.Routes;
using ModelPolicy.Analyzers.Diagnostics;

namespace ModelPolicy.Analyzers.CodeFixes
{
    /// <summary>
    /// MP0001, MP0002, MP0005: "Move model id to configuration route 'chat'"; MP0003, MP0004: "Move endpoint to
    /// configuration route 'chat'". The literal becomes <c>routes.GetModel("chat")</c> (or <c>GetEndpoint</c>) and
    /// the route is added to the project's appsettings.json. Offered only where the project references
    /// ModelPolicy.Routing and the result compiles. A value inside JSON in a string becomes a hole of an interpolated
    /// string (<c>{routes.GetModel("chat")}</c>). Where the project has no appsettings.json and the host cannot add
    /// files, the action changes nothing and its title says what it needs.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MoveToRouteCodeFixProvider)), Shared]
    public sealed class MoveToRouteCodeFixProvider : CodeFixProvider
    {
        public const string ModelEquivalenceKey = "ModelPolicy.MoveModelToRoute";
        public const string EndpointEquivalenceKey = "ModelPolicy.MoveEndpointToRoute";

        /// <summary>The key of the action offered where the project has no appsettings.json and the host cannot add one.</summary>
        public const string NeedsSettingsFileEquivalenceKey = "ModelPolicy.MoveToRoute.NeedsAppSettings";

        public const string NeedsSettingsFileSuffix = " (needs appsettings.json: this host cannot create files; add the file to the project or run 'modelpolicy fix')";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
            RuleIdentifiers.HardCodedModel,
            RuleIdentifiers.ModelNotAllowed,
            RuleIdentifiers.UnknownModel,
            RuleIdentifiers.HardCodedEndpoint,
            RuleIdentifiers.EndpointNotAllowed);

        public override FixAllProvider GetFixAllProvider() => MoveToRouteFixAllProvider.Instance;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                var document = context.Document;
                var candidates = await RouteRewriter.PlanAsync(document.Project.Solution, new[] { (document, diagnostic) }, context.CancellationToken).ConfigureAwait(false);
                var own = candidates.FirstOrDefault(c => c.Target.Span.Contains(diagnostic.Location.SourceSpan));
                if (own == null)
                {
                    continue;
                }

                var title = (own.IsEndpoint ? "Move endpoint" : "Move model id") + " to configuration route '" + own.RouteName + "'";
                if (own.NeedsSettingsFile)
                {
                    // MSBuildWorkspace and other hosts that cannot add files: say what is needed, change nothing.
                    context.RegisterCodeFix(
                        CodeAction.Create(title + NeedsSettingsFileSuffix, _ => Task.FromResult(document.Project.Solution), NeedsSettingsFileEquivalenceKey),
                        diagnostic);
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        cancellationToken => RouteRewriter.ApplyAsync(document.Project.Solution, new[] { (document, diagnostic) }, cancellationToken),
                        own.IsEndpoint ? EndpointEquivalenceKey : ModelEquivalenceKey),
                    diagnostic);
            }
        }
    }
}
