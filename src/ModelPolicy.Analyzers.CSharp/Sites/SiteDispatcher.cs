using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Hands each node kind that can carry a model id or endpoint to the site that owns that way of using a value. The
    /// compiler's own dispatch finds the nodes (syntax-node actions), in document order within a declaration, so a use (an
    /// argument, an assignment, a request-body member) is met before the literals inside it; a literal that a use has
    /// reported is not reported again by <see cref="LiteralSite"/> (<see cref="ReportedValues"/>).
    /// </summary>
    internal static class SiteDispatcher
    {
        public static void Register(CompilationStartAnalysisContext start, CompilationState state, VerdictPipeline pipeline)
        {
            start.RegisterSyntaxNodeAction(c => LiteralSite.ScanLiteral((LiteralExpressionSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.StringLiteralExpression, SyntaxKind.Utf8StringLiteralExpression);
            start.RegisterSyntaxNodeAction(c => LiteralSite.ScanInterpolatedText((InterpolatedStringTextSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.InterpolatedStringText);
            start.RegisterSyntaxNodeAction(c => ArgumentSite.Scan((ArgumentSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.Argument);
            start.RegisterSyntaxNodeAction(c => AssignmentSite.Scan((AssignmentExpressionSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.SimpleAssignmentExpression);
            start.RegisterSyntaxNodeAction(c => AssignmentSite.ScanParameterDefault((ParameterSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.Parameter);
            start.RegisterSyntaxNodeAction(c => RequestBodySite.ScanAnonymousMember((AnonymousObjectMemberDeclaratorSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.AnonymousObjectMemberDeclarator);
            start.RegisterSyntaxNodeAction(c => RequestBodySite.ScanDictionaryEntry((InitializerExpressionSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.ComplexElementInitializerExpression);
            start.RegisterSyntaxNodeAction(c => SdkEnumMemberSite.Scan((MemberAccessExpressionSyntax)c.Node, new SiteContext(c, state, pipeline)), SyntaxKind.SimpleMemberAccessExpression);
        }
    }

    /// <summary>
    /// What a site sees of the node it was handed: the catalog and the semantic model for its cheap tests, and the file's
    /// front end, made only when a value is to be judged (a node rejected on its syntax allocates nothing).
    /// </summary>
    internal readonly struct SiteContext
    {
        private readonly SyntaxNodeAnalysisContext context;
        private readonly CompilationState state;
        private readonly VerdictPipeline pipeline;

        public SiteContext(SyntaxNodeAnalysisContext context, CompilationState state, VerdictPipeline pipeline)
        {
            this.context = context;
            this.state = state;
            this.pipeline = pipeline;
        }

        public ModelCatalog Catalog => state.Catalog;

        public SemanticModel Model => context.SemanticModel;

        public CancellationToken CancellationToken => context.CancellationToken;

        public CodeFrontEnd Front() => new CodeFrontEnd(context.SemanticModel, state, pipeline, context.ReportDiagnostic, context.CancellationToken);
    }
}
