using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>A string value an expression can take, and the node to report it on.</summary>
    internal readonly struct ResolvedValue
    {
        public ResolvedValue(SyntaxNode node, string value, bool declaredElsewhere = false)
        {
            Node = node;
            Value = value;
            DeclaredElsewhere = declaredElsewhere;
        }

        /// <summary>The value comes from a declaration in another file (or in metadata) and is reported at the use.</summary>
        public bool DeclaredElsewhere { get; }

        /// <summary>The literal (or constant expression) in this file; where the value is declared in another file, the use.</summary>
        public SyntaxNode Node { get; }

        public string Value { get; }
    }

    /// <summary>
    /// Follows an expression back to the string literals it can take: constants, static readonly and
    /// readonly fields, properties with an initializer or expression body, locals, constant concatenation
    /// and interpolation, <c>??</c> fallbacks, ternaries, switch expressions and <c>new Uri(...)</c>.
    /// Values computed at run time are not followed.
    /// </summary>
    internal static class ValueResolver
    {
        private const int MaxDepth = 6;

        public static void Resolve(ExpressionSyntax expression, SemanticModel model, List<ResolvedValue> into, CancellationToken cancellationToken) =>
            Resolve(expression, expression, model, into, 0, cancellationToken);

        /// <summary>Cheap syntax-only test: can this expression be followed to a string at all?</summary>
        public static bool MayResolve(ExpressionSyntax expression, int depth = 0)
        {
            if (depth > MaxDepth)
            {
                return false;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    return literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression);
                case InterpolatedStringExpressionSyntax:
                    return true;
                case ParenthesizedExpressionSyntax parenthesized:
                    return MayResolve(parenthesized.Expression, depth + 1);
                case CastExpressionSyntax cast:
                    return MayResolve(cast.Expression, depth + 1);
                case ConditionalExpressionSyntax conditional:
                    return MayResolve(conditional.WhenTrue, depth + 1) || MayResolve(conditional.WhenFalse, depth + 1);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression) || binary.IsKind(SyntaxKind.AddExpression):
                    return MayResolve(binary.Left, depth + 1) || MayResolve(binary.Right, depth + 1);
                case SwitchExpressionSyntax:
                    return true;
                case IdentifierNameSyntax:
                case MemberAccessExpressionSyntax:
                    return true;
                case ObjectCreationExpressionSyntax creation:
                    return IsUriCreation(creation);
                case ImplicitObjectCreationExpressionSyntax creation:
                    return creation.ArgumentList.Arguments.Count > 0 && MayResolve(creation.ArgumentList.Arguments[0].Expression, depth + 1);
                default:
                    return false;
            }
        }

        private static void Resolve(ExpressionSyntax expression, ExpressionSyntax use, SemanticModel model, List<ResolvedValue> into, int depth, CancellationToken cancellationToken)
        {
            if (depth > MaxDepth || into.Count > 64)
            {
                return;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    into.Add(new ResolvedValue(Report(literal, use, model), literal.Token.ValueText));
                    return;
                case ParenthesizedExpressionSyntax parenthesized:
                    Resolve(parenthesized.Expression, use, model, into, depth + 1, cancellationToken);
                    return;
                case CastExpressionSyntax cast:
                    Resolve(cast.Expression, use, model, into, depth + 1, cancellationToken);
                    return;
                case ConditionalExpressionSyntax conditional:
                    Resolve(conditional.WhenTrue, use, model, into, depth + 1, cancellationToken);
                    Resolve(conditional.WhenFalse, use, model, into, depth + 1, cancellationToken);
                    return;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    Resolve(binary.Left, use, model, into, depth + 1, cancellationToken);
                    Resolve(binary.Right, use, model, into, depth + 1, cancellationToken);
                    return;
                case SwitchExpressionSyntax switchExpression:
                    foreach (var arm in switchExpression.Arms)
                    {
                        Resolve(arm.Expression, use, model, into, depth + 1, cancellationToken);
                    }

                    return;
                case BinaryExpressionSyntax:
                case InterpolatedStringExpressionSyntax:
                    AddConstant(expression, use, model, into, cancellationToken);
                    return;
                case ObjectCreationExpressionSyntax creation when IsUriCreation(creation) && creation.ArgumentList?.Arguments.Count > 0:
                    Resolve(creation.ArgumentList.Arguments[0].Expression, use, model, into, depth + 1, cancellationToken);
                    return;
                case ImplicitObjectCreationExpressionSyntax creation when creation.ArgumentList.Arguments.Count > 0
                    && creation.SyntaxTree == model.SyntaxTree
                    && model.GetTypeInfo(creation, cancellationToken).Type is { Name: "Uri", ContainingNamespace.Name: "System" }:
                    Resolve(creation.ArgumentList.Arguments[0].Expression, use, model, into, depth + 1, cancellationToken);
                    return;
                case IdentifierNameSyntax:
                case MemberAccessExpressionSyntax:
                    ResolveSymbol(expression, use, model, into, depth, cancellationToken);
                    return;
            }
        }

        private static void AddConstant(ExpressionSyntax expression, ExpressionSyntax use, SemanticModel model, List<ResolvedValue> into, CancellationToken cancellationToken)
        {
            if (expression.SyntaxTree != model.SyntaxTree)
            {
                return;
            }

            var constant = model.GetConstantValue(expression, cancellationToken);
            if (constant.HasValue && constant.Value is string text)
            {
                into.Add(new ResolvedValue(Report(expression, use, model), text));
            }
        }

        private static void ResolveSymbol(ExpressionSyntax expression, ExpressionSyntax use, SemanticModel model, List<ResolvedValue> into, int depth, CancellationToken cancellationToken)
        {
            if (expression.SyntaxTree != model.SyntaxTree)
            {
                return;
            }

            var info = model.GetSymbolInfo(expression, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            switch (symbol)
            {
                case IFieldSymbol field when IsSdkModelEnum(field):
                    into.Add(new ResolvedValue(use, SdkModelId(field.Name)));
                    return;
                case IFieldSymbol field when field.HasConstantValue && field.ConstantValue is string constant && !IsDeclaredIn(field, model.SyntaxTree):
                    into.Add(new ResolvedValue(use, constant, declaredElsewhere: true));
                    return;
                case ILocalSymbol local:
                    ResolveLocal(local, model, into, depth, cancellationToken);
                    return;
                case IFieldSymbol field when field.HasConstantValue || field.IsReadOnly:
                case IPropertySymbol { IsReadOnly: true }:
                case IPropertySymbol { SetMethod.IsInitOnly: true }:
                    break;
                default:
                    return;
            }

            var initializer = InitializerOf(symbol, cancellationToken);
            if (initializer == null)
            {
                return;
            }

            if (initializer.SyntaxTree == model.SyntaxTree)
            {
                // Report on the literal itself: the declaration is in this file, under this file's policy.
                Resolve(initializer, initializer, model, into, depth + 1, cancellationToken);
            }
            else
            {
                // Declared in another file: read it without its semantic model and report at the use here.
                ResolveSyntaxOnly(initializer, use, into, depth + 1);
            }
        }

        /// <summary>
        /// An SDK enum of model ids, such as Anthropic's <c>Model.ClaudeOpus4_7</c>: its wire string is not in
        /// metadata, but follows the member name (<c>claude-opus-4-7</c>).
        /// </summary>
        private static bool IsSdkModelEnum(IFieldSymbol field) =>
            field.ContainingType is { TypeKind: TypeKind.Enum } type
            && type.Name.EndsWith("Model", System.StringComparison.Ordinal)
            && SdkSymbols.IsFromSdk(type);

        /// <summary>PascalCase words become lower-case kebab-case, '_' becomes '-': ClaudeHaiku4_5_20251001 → claude-haiku-4-5-20251001.</summary>
        internal static string SdkModelId(string memberName)
        {
            var builder = new System.Text.StringBuilder(memberName.Length + 8);
            for (var i = 0; i < memberName.Length; i++)
            {
                var c = memberName[i];
                var previous = i > 0 ? memberName[i - 1] : '_';
                if (c == '_')
                {
                    builder.Append('-');
                    continue;
                }

                var boundary = i > 0 && previous != '_'
                    && ((char.IsUpper(c) && !char.IsUpper(previous)) || (char.IsDigit(c) && char.IsLetter(previous)));
                if (boundary)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }

            return builder.ToString();
        }

        /// <summary>A local: its initializer, and every later <c>local = …</c> in the same body (if/else, switch cases).</summary>
        private static void ResolveLocal(ILocalSymbol local, SemanticModel model, List<ResolvedValue> into, int depth, CancellationToken cancellationToken)
        {
            if (local.DeclaringSyntaxReferences.Length != 1 || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
            {
                return;
            }

            if (declarator.Initializer != null)
            {
                Resolve(declarator.Initializer.Value, declarator.Initializer.Value, model, into, depth + 1, cancellationToken);
            }

            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax } or GlobalStatementSyntax or CompilationUnitSyntax);
            if (body == null)
            {
                return;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && name.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    Resolve(assignment.Right, assignment.Right, model, into, depth + 1, cancellationToken);
                }
            }
        }

        private static void ResolveSyntaxOnly(ExpressionSyntax expression, ExpressionSyntax use, List<ResolvedValue> into, int depth)
        {
            if (depth > MaxDepth)
            {
                return;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    into.Add(new ResolvedValue(use, literal.Token.ValueText, declaredElsewhere: true));
                    return;
                case ParenthesizedExpressionSyntax parenthesized:
                    ResolveSyntaxOnly(parenthesized.Expression, use, into, depth + 1);
                    return;
                case ConditionalExpressionSyntax conditional:
                    ResolveSyntaxOnly(conditional.WhenTrue, use, into, depth + 1);
                    ResolveSyntaxOnly(conditional.WhenFalse, use, into, depth + 1);
                    return;
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    ResolveSyntaxOnly(binary.Right, use, into, depth + 1);
                    return;
                case ObjectCreationExpressionSyntax creation when IsUriCreation(creation) && creation.ArgumentList?.Arguments.Count > 0:
                    ResolveSyntaxOnly(creation.ArgumentList.Arguments[0].Expression, use, into, depth + 1);
                    return;
            }
        }

        private static ExpressionSyntax? InitializerOf(ISymbol symbol, CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            switch (symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken))
            {
                case VariableDeclaratorSyntax declarator:
                    return declarator.Initializer?.Value;
                case PropertyDeclarationSyntax property:
                    return property.Initializer?.Value ?? property.ExpressionBody?.Expression ?? GetterExpression(property);
                default:
                    return null;
            }
        }

        private static ExpressionSyntax? GetterExpression(PropertyDeclarationSyntax property)
        {
            if (property.AccessorList == null)
            {
                return null;
            }

            foreach (var accessor in property.AccessorList.Accessors)
            {
                if (accessor.IsKind(SyntaxKind.GetAccessorDeclaration))
                {
                    if (accessor.ExpressionBody != null)
                    {
                        return accessor.ExpressionBody.Expression;
                    }

                    if (accessor.Body?.Statements.Count == 1 && accessor.Body.Statements[0] is ReturnStatementSyntax ret)
                    {
                        return ret.Expression;
                    }
                }
            }

            return null;
        }

        private static bool IsDeclaredIn(ISymbol symbol, SyntaxTree tree)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == tree)
                {
                    return true;
                }
            }

            return false;
        }

        private static SyntaxNode Report(ExpressionSyntax node, ExpressionSyntax use, SemanticModel model) =>
            node.SyntaxTree == model.SyntaxTree ? node : use;

        internal static bool IsUriCreation(ObjectCreationExpressionSyntax creation)
        {
            var name = creation.Type switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                _ => null,
            };
            return name == "Uri";
        }
    }
}
