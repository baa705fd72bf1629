using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// One semantic-model action per file, without walking the file's nodes: <see cref="HotText"/> finds in the file's
    /// text the few places a value can be (a quote, a name with model, endpoint or AI-call words), the tree is entered
    /// there (<see cref="SyntaxNode.FindToken"/>), and each place hands its leaf (<see cref="Leaf"/>: a string, an
    /// interpolated text, an SDK enum member) and the uses around it to their sites. A walk over every node was 40 % of
    /// this analyzer's time in a build; syntax-node actions made each binding three times dearer, as they run before the
    /// compiler has finished the file (docs/performance.md).
    /// <para>Who reports what is fixed by <see cref="Ownership"/>, not by the order places are met in.</para>
    /// </summary>
    internal static class SiteDispatcher
    {
        /// <param name="everyString">For tests: every string is a place (<see cref="HotText.PassesOverNoString"/>).</param>
        public static void Register(CompilationStartAnalysisContext start, CompilationState state, VerdictPipeline pipeline, bool everyString = false)
        {
            start.RegisterSemanticModelAction(c =>
            {
                if (!c.IsGeneratedCode)
                {
                    Scan(c.SemanticModel, new FileScan(c.SemanticModel, c.ReportDiagnostic, c.CancellationToken, state, pipeline), everyString);
                }
            });
        }

        [MethodImpl(HotPath.Optimized)]
        private static void Scan(SemanticModel model, FileScan file, bool everyString)
        {
            var tree = model.SyntaxTree;
            var text = tree.GetText(file.CancellationToken).ToString();
            var root = tree.GetRoot(file.CancellationToken);
            SyntaxNode scope = root;
            var places = new HotText(text, file.State.Catalog) { PassesOverNoString = everyString };
            while (places.MoveNext())
            {
                var position = places.Position;

                // Places come in order and close together: enter the tree from the last place's nearest common ancestor.
                while (scope.Parent != null && !scope.FullSpan.Contains(position))
                {
                    scope = scope.Parent;
                }

                var token = scope.FindToken(position);
                scope = token.Parent ?? root;
                if (!places.Enter(token, position))
                {
                    continue; // in trivia: a comment, a directive, disabled text
                }

                file.CancellationToken.ThrowIfCancellationRequested();
                Visit(token, file);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        private static void Visit(SyntaxToken token, FileScan file)
        {
            switch (token.Parent)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    file.JudgeLeaf(literal);
                    break;
                case InterpolatedStringTextSyntax part:
                    file.JudgeLeaf(part);
                    break;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax text)
                        {
                            file.JudgeLeaf(text);
                        }
                    }

                    break;
            }

            // The uses around the place: the one whose value or name holds it, and the arguments of a call it names.
            var depth = 0;
            for (var node = token.Parent; node != null && depth < 16; node = node.Parent, depth++)
            {
                switch (node)
                {
                    case MemberAccessExpressionSyntax access when SdkEnumMemberSite.HasShape(access):
                        file.JudgeLeaf(access);
                        break;
                    case InvocationExpressionSyntax invocation when !invocation.ArgumentList.Span.Contains(token.Span):
                        file.RunArguments(invocation.ArgumentList);
                        break;
                    case BaseObjectCreationExpressionSyntax creation when creation.ArgumentList != null && !creation.ArgumentList.Span.Contains(token.Span):
                        file.RunArguments(creation.ArgumentList);
                        break;
                    case ConstructorInitializerSyntax initializer when !initializer.ArgumentList.Span.Contains(token.Span):
                        file.RunArguments(initializer.ArgumentList);
                        break;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                    case AccessorDeclarationSyntax:
                        return;
                    default:
                        file.RunUse(node); // an argument, assignment, parameter, request-body member (UseValue says which)
                        break;
                }
            }
        }

        /// <summary>
        /// The site of a use node. From the file's scan it reports what the value's names lead to; from a leaf's walk
        /// up (<see cref="Leaf.Judge"/>) the same code reports that leaf only (<see cref="Ownership"/>).
        /// </summary>
        public static void Use(SyntaxNode node, SiteContext site)
        {
            switch (node)
            {
                case ArgumentSyntax argument:
                    ArgumentSite.Scan(argument, site);
                    break;
                case AssignmentExpressionSyntax assignment:
                    AssignmentSite.Scan(assignment, site);
                    break;
                case ParameterSyntax parameter:
                    AssignmentSite.ScanParameterDefault(parameter, site);
                    break;
                case AnonymousObjectMemberDeclaratorSyntax member:
                    RequestBodySite.ScanAnonymousMember(member, site);
                    break;
                case InitializerExpressionSyntax entry:
                    RequestBodySite.ScanDictionaryEntry(entry, site);
                    break;
            }
        }

        /// <summary>The value a use node hands on: an argument's expression, an assignment's right side, a default, a member's value.</summary>
        public static ExpressionSyntax? UseValue(SyntaxNode node) => node switch
        {
            ArgumentSyntax argument => argument.Expression,
            AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) => assignment.Right,
            ParameterSyntax parameter => parameter.Default?.Value,
            AnonymousObjectMemberDeclaratorSyntax member => member.Expression,
            InitializerExpressionSyntax entry when entry.IsKind(SyntaxKind.ComplexElementInitializerExpression) && entry.Expressions.Count == 2 => entry.Expressions[1],
            _ => null,
        };
    }
}
