using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Sites;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Values
{
    /// <summary>
    /// Follows an expression back to the string literals it can take: constants, static readonly and
    /// readonly fields, properties with an initializer or expression body, locals, constant concatenation
    /// and interpolation, <c>??</c> fallbacks, ternaries, casts, switch expressions and <c>new Uri(...)</c>.
    /// Values computed at run time are not followed. One switch over the expression shapes; the
    /// <see cref="ResolveMode"/> says how far each case may go.
    /// </summary>
    internal static class ValueResolver
    {
        private const int MaxDepth = 6;
        private const int MaxValues = 64;

        /// <summary>Cheap syntax-only test: can this expression be followed to a string at all?</summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool MayResolve(ExpressionSyntax expression) =>
            Visit(expression, expression, new Walk(ResolveMode.Probe, null, null, default), 0);

        public static void Resolve(ExpressionSyntax expression, SemanticModel model, List<ResolvedValue> into, CancellationToken cancellationToken) =>
            Visit(expression, expression, new Walk(ResolveMode.Semantic, model, into, cancellationToken), 0);

        /// <param name="use">Where a value from another file (or a constant folded here) is reported.</param>
        /// <returns>Probe: whether a string can come out; otherwise whether one did.</returns>
        [MethodImpl(HotPath.Optimized)]
        private static bool Visit(ExpressionSyntax expression, ExpressionSyntax use, Walk walk, int depth)
        {
            if (depth > MaxDepth || (walk.Into != null && walk.Into.Count > MaxValues))
            {
                return false;
            }

            var mode = walk.Mode;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) || literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    return Add(literal, use, literal.Token.ValueText, walk);
                case ParenthesizedExpressionSyntax parenthesized:
                    return Visit(parenthesized.Expression, use, walk, depth + 1);
                case CastExpressionSyntax cast:
                    return Visit(cast.Expression, use, walk, depth + 1);
                case ConditionalExpressionSyntax conditional:
                    return Both(conditional.WhenTrue, conditional.WhenFalse, use, walk, depth);
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.CoalesceExpression):
                    return Both(binary.Left, binary.Right, use, walk, depth);
                case BinaryExpressionSyntax binary when mode == ResolveMode.Probe:
                    return binary.IsKind(SyntaxKind.AddExpression) && Both(binary.Left, binary.Right, use, walk, depth);
                case SwitchExpressionSyntax switchExpression:
                    if (mode == ResolveMode.Probe)
                    {
                        return true;
                    }

                    var any = false;
                    foreach (var arm in switchExpression.Arms)
                    {
                        any |= Visit(arm.Expression, use, walk, depth + 1);
                    }

                    return any;
                case BinaryExpressionSyntax:
                case InterpolatedStringExpressionSyntax:
                    // Constant folding needs this file's semantic model.
                    return mode == ResolveMode.Probe || (mode == ResolveMode.Semantic && AddConstant(expression, use, walk));
                case ObjectCreationExpressionSyntax creation when IsUriCreation(creation):
                    return mode == ResolveMode.Probe
                        || (creation.ArgumentList?.Arguments.Count > 0 && Visit(creation.ArgumentList.Arguments[0].Expression, use, walk, depth + 1));
                case ImplicitObjectCreationExpressionSyntax creation when creation.ArgumentList.Arguments.Count > 0:
                    // Target-typed new(...): only a System.Uri is followed, which takes binding to know.
                    return mode == ResolveMode.Probe
                        ? Visit(creation.ArgumentList.Arguments[0].Expression, use, walk, depth + 1)
                        : mode == ResolveMode.Semantic && creation.SyntaxTree == walk.Model!.SyntaxTree
                            && walk.Model.GetTypeInfo(creation, walk.CancellationToken).Type is { Name: "Uri", ContainingNamespace.Name: "System" }
                            && Visit(creation.ArgumentList.Arguments[0].Expression, use, walk, depth + 1);
                case IdentifierNameSyntax:
                case MemberAccessExpressionSyntax:
                    return mode == ResolveMode.Probe || (mode == ResolveMode.Semantic && ResolveSymbol(expression, use, walk, depth));
                default:
                    return false;
            }
        }

        private static bool Both(ExpressionSyntax first, ExpressionSyntax second, ExpressionSyntax use, Walk walk, int depth)
        {
            var a = Visit(first, use, walk, depth + 1);
            var b = Visit(second, use, walk, depth + 1);
            return a || b;
        }

        private static bool Add(ExpressionSyntax node, ExpressionSyntax use, string value, Walk walk)
        {
            switch (walk.Mode)
            {
                case ResolveMode.Semantic:
                    walk.Into!.Add(new ResolvedValue(node.SyntaxTree == walk.Model!.SyntaxTree ? node : use, value));
                    break;
                case ResolveMode.OtherFile:
                    walk.Into!.Add(new ResolvedValue(use, value, declaredElsewhere: true));
                    break;
            }

            return true;
        }

        private static bool AddConstant(ExpressionSyntax expression, ExpressionSyntax use, Walk walk)
        {
            if (expression.SyntaxTree != walk.Model!.SyntaxTree)
            {
                return false;
            }

            var constant = walk.Model.GetConstantValue(expression, walk.CancellationToken);
            return constant.HasValue && constant.Value is string text && Add(expression, use, text, walk);
        }

        private static bool ResolveSymbol(ExpressionSyntax expression, ExpressionSyntax use, Walk walk, int depth)
        {
            var model = walk.Model!;
            var into = walk.Into!;
            var cancellationToken = walk.CancellationToken;
            if (expression.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var info = model.GetSymbolInfo(expression, cancellationToken);
            var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
            switch (symbol)
            {
                case IFieldSymbol field when IsSdkModelEnum(field):
                    into.Add(new ResolvedValue(use, SdkModelId(field.Name)));
                    return true;
                case IFieldSymbol field when field.HasConstantValue && field.ConstantValue is string constant && !IsDeclaredIn(field, model.SyntaxTree):
                    into.Add(new ResolvedValue(use, constant, declaredElsewhere: true));
                    return true;
                case ILocalSymbol local:
                    return ResolveLocal(local, walk, depth);
                case IParameterSymbol parameter:
                    return ResolveParameter(parameter, expression, walk, depth);
                case IFieldSymbol field when field.HasConstantValue || field.IsReadOnly:
                case IPropertySymbol { IsReadOnly: true }:
                case IPropertySymbol { SetMethod.IsInitOnly: true }:
                    break;
                default:
                    return false;
            }

            var initializer = InitializerOf(symbol, cancellationToken);
            if (initializer == null)
            {
                return false;
            }

            // In this file: report on the literal itself, under this file's policy. In another file: read it without
            // its semantic model and report at the use here.
            return initializer.SyntaxTree == model.SyntaxTree
                ? Visit(initializer, initializer, walk, depth + 1)
                : Visit(initializer, use, walk.WithMode(ResolveMode.OtherFile), depth + 1);
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

        /// <summary>
        /// A parameter reassigned in its method: every <c>model = …</c> in the body (<c>model = model switch { null => "o4-mini",
        /// "latest-smart" => "o3", _ => model }</c>), except the one the use is inside (its own fallback arm). What callers pass is
        /// not followed.
        /// </summary>
        private static bool ResolveParameter(IParameterSymbol parameter, ExpressionSyntax use, Walk walk, int depth)
        {
            var model = walk.Model!;
            var cancellationToken = walk.CancellationToken;
            if (parameter.DeclaringSyntaxReferences.Length != 1 || parameter.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not ParameterSyntax declaration
                || declaration.Parent?.Parent is not (BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax) || declaration.SyntaxTree != model.SyntaxTree)
            {
                return false;
            }

            var any = false;
            foreach (var node in declaration.Parent.Parent.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && name.Identifier.ValueText == parameter.Name
                    && !assignment.Right.Span.Contains(use.Span)
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, parameter))
                {
                    any |= Visit(assignment.Right, assignment.Right, walk, depth + 1);
                }
            }

            return any;
        }

        /// <summary>A local: its initializer, and every later <c>local = …</c> in the same body (if/else, switch cases).</summary>
        private static bool ResolveLocal(ILocalSymbol local, Walk walk, int depth)
        {
            var model = walk.Model!;
            var cancellationToken = walk.CancellationToken;
            if (local.DeclaringSyntaxReferences.Length != 1 || local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax declarator)
            {
                return false;
            }

            var any = false;
            if (declarator.Initializer != null)
            {
                any |= Visit(declarator.Initializer.Value, declarator.Initializer.Value, walk, depth + 1);
            }

            var body = declarator.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax { Parent: BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or AnonymousFunctionExpressionSyntax } or GlobalStatementSyntax or CompilationUnitSyntax);
            if (body == null)
            {
                return any;
            }

            foreach (var node in body.DescendantNodes())
            {
                if (node is AssignmentExpressionSyntax { Left: IdentifierNameSyntax name } assignment
                    && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression)
                    && name.Identifier.ValueText == local.Name
                    && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, cancellationToken).Symbol, local))
                {
                    any |= Visit(assignment.Right, assignment.Right, walk, depth + 1);
                }
            }

            return any;
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

        private readonly struct Walk
        {
            public Walk(ResolveMode mode, SemanticModel? model, List<ResolvedValue>? into, CancellationToken cancellationToken)
            {
                Mode = mode;
                Model = model;
                Into = into;
                CancellationToken = cancellationToken;
            }

            public ResolveMode Mode { get; }

            public SemanticModel? Model { get; }

            public List<ResolvedValue>? Into { get; }

            public CancellationToken CancellationToken { get; }

            public Walk WithMode(ResolveMode mode) => new Walk(mode, Model, Into, CancellationToken);
        }
    }
}
