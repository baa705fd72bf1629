using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Verdicts;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Walks one file once, in document order, and hands each node to the site that owns that way of using a value. A use
    /// (an argument, an assignment, a request-body member) is met before the literals inside it, so a literal that a use
    /// has reported is not reported again by <see cref="LiteralSite"/> (the front end reports each literal once).
    /// </summary>
    internal static class SiteDispatcher
    {
        public static void Scan(CodeFrontEnd file)
        {
            var root = file.Model.SyntaxTree.GetRoot(file.CancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                switch (node.Kind())
                {
                    case SyntaxKind.StringLiteralExpression:
                    case SyntaxKind.Utf8StringLiteralExpression:
                        LiteralSite.ScanLiteral((LiteralExpressionSyntax)node, file);
                        break;
                    case SyntaxKind.InterpolatedStringText:
                        LiteralSite.ScanInterpolatedText((InterpolatedStringTextSyntax)node, file);
                        break;
                    case SyntaxKind.Argument:
                        ArgumentSite.Scan((ArgumentSyntax)node, file);
                        break;
                    case SyntaxKind.SimpleAssignmentExpression:
                        AssignmentSite.Scan((AssignmentExpressionSyntax)node, file);
                        break;
                    case SyntaxKind.AnonymousObjectMemberDeclarator:
                        RequestBodySite.ScanAnonymousMember((AnonymousObjectMemberDeclaratorSyntax)node, file);
                        break;
                    case SyntaxKind.ComplexElementInitializerExpression:
                        RequestBodySite.ScanDictionaryEntry((InitializerExpressionSyntax)node, file);
                        break;
                    case SyntaxKind.SimpleMemberAccessExpression:
                        SdkEnumMemberSite.Scan((MemberAccessExpressionSyntax)node, file);
                        break;
                }
            }
        }
    }
}
