using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Operations;
using ModelPolicy.Analyzers.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>
    /// Decides whether a diagnostic's literal can move into a route with a result that compiles, and how:
    /// the expression replaced, the route's base name and provider, the model/endpoint partner of the same
    /// call, and the way the routes are reached in that scope.
    /// </summary>
    internal static class RouteCandidateFinder
    {
        public const string RoutesInterface = "ModelPolicy.Routing.IModelRoutes";
        public const string FieldName = "routes";

        /// <summary>The candidates for one diagnostic: its own, and the partner of the same call (empty when no fix applies).</summary>
        public static async Task<IReadOnlyList<RouteCandidate>> FindAsync(Document document, Diagnostic diagnostic, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null || !diagnostic.Location.IsInSource || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return Array.Empty<RouteCandidate>();
            }

            var routesType = GetBestType(model.Compilation, RoutesInterface);
            if (routesType == null || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Kind, out var kind) || !diagnostic.Properties.TryGetValue(DiagnosticProperties.Value, out var value) || value == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var expression = FindExpression(root, diagnostic.Location.SourceSpan);
            if (expression == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var isEndpoint = kind == "endpoint";
            var candidate = await CreateAsync(document, model, routesType, expression, isEndpoint, value, diagnostic.Properties, cancellationToken).ConfigureAwait(false);
            if (candidate == null)
            {
                return Array.Empty<RouteCandidate>();
            }

            var partner = candidate.Group == null ? null : await FindPartnerAsync(document, model, routesType, candidate, cancellationToken).ConfigureAwait(false);
            return partner == null ? new[] { candidate } : new[] { candidate, partner };
        }

        /// <summary>The one type of that name the compilation sees best: its own, else the only referenced one (Meziantou's GetBestTypeByMetadataName).</summary>
        public static INamedTypeSymbol? GetBestType(Compilation compilation, string metadataName)
        {
            INamedTypeSymbol? best = null;
            foreach (var type in compilation.GetTypesByMetadataName(metadataName))
            {
                if (SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, compilation.Assembly))
                {
                    return type;
                }

                if (type.DeclaredAccessibility == Accessibility.Public)
                {
                    if (best != null)
                    {
                        return null;
                    }

                    best = type;
                }
            }

            return best;
        }

        private static ExpressionSyntax? FindExpression(SyntaxNode root, Microsoft.CodeAnalysis.Text.TextSpan span)
        {
            var node = root.FindNode(span, getInnermostNodeForTie: true);
            while (node != null && node.Span == span && node is not ExpressionSyntax)
            {
                node = node.Parent;
            }

            return node is ExpressionSyntax expression && expression.Span == span ? expression : null;
        }

        private static async Task<RouteCandidate?> CreateAsync(
            Document document, SemanticModel model, INamedTypeSymbol routesType, ExpressionSyntax expression, bool isEndpoint, string value,
            System.Collections.Immutable.ImmutableDictionary<string, string?> properties, CancellationToken cancellationToken)
        {
            // The value the expression has: a literal, a constant expression, a constant of another file, an SDK enum member.
            string? text;
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    text = literal.Token.ValueText;
                    break;
                case LiteralExpressionSyntax:
                    return null;
                default:
                    var constant = model.GetConstantValue(expression, cancellationToken);
                    text = constant.HasValue ? constant.Value as string : null;
                    if (text == null && !isEndpoint && model.GetSymbolInfo(expression, cancellationToken).Symbol is IFieldSymbol { ContainingType.TypeKind: TypeKind.Enum })
                    {
                        text = value;
                    }

                    break;
            }

            if (text == null || !Describes(text, isEndpoint, value) || InConstantOnlyContext(expression))
            {
                return null;
            }

            var candidate = new RouteCandidate(document.Id, expression, isEndpoint, isEndpoint ? text.Trim() : text);
            if (isEndpoint && IsUriArgument(expression, model, cancellationToken, out var creation))
            {
                candidate = new RouteCandidate(document.Id, creation!, isEndpoint: true, text.Trim()) { ReplacesUri = true };
            }

            // const string X = "gpt-4o"; → static readonly (or a plain local), unless X is needed as a constant.
            var declarator = expression.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            if (declarator?.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || declarator?.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst)
            {
                var symbol = model.GetDeclaredSymbol(declarator, cancellationToken);
                if (symbol == null || await IsUsedAsConstantAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                candidate.ConstDeclaration = declarator.Parent.Parent;
            }

            Describe(candidate, model, properties, cancellationToken);
            await ChooseAccessAsync(candidate, document, model, routesType, cancellationToken).ConfigureAwait(false);
            return candidate;
        }

        /// <summary>The text is the diagnostic's value: the model id itself, or a URL of that host (not JSON that holds it).</summary>
        private static bool Describes(string text, bool isEndpoint, string value)
        {
            if (!isEndpoint)
            {
                return string.Equals(text, value, StringComparison.Ordinal);
            }

            var trimmed = text.Trim();
            return UrlText.SchemeLength(trimmed, 0, trimmed.Length) > 0
                && UrlText.TryGetHost(trimmed, 0, trimmed.Length, out var hostStart, out var hostLength, out _)
                && string.Equals(trimmed.Substring(hostStart, hostLength), value, StringComparison.OrdinalIgnoreCase)
                && trimmed.IndexOfAny(new[] { ' ', '"', '{', '}' }) < 0;
        }

        /// <summary>Attribute arguments, case labels and patterns, default parameter values: only constants compile there.</summary>
        private static bool InConstantOnlyContext(SyntaxNode node)
        {
            foreach (var ancestor in node.AncestorsAndSelf())
            {
                switch (ancestor)
                {
                    case AttributeArgumentSyntax:
                    case CaseSwitchLabelSyntax:
                    case PatternSyntax:
                    case EqualsValueClauseSyntax { Parent: ParameterSyntax }:
                        return true;
                    case StatementSyntax:
                    case MemberDeclarationSyntax:
                        return false;
                }
            }

            return false;
        }

        private static async Task<bool> IsUsedAsConstantAsync(ISymbol symbol, Solution solution, CancellationToken cancellationToken)
        {
            var references = await SymbolFinder.FindReferencesAsync(symbol, solution, cancellationToken).ConfigureAwait(false);
            foreach (var reference in references)
            {
                foreach (var location in reference.Locations)
                {
                    var tree = location.Location.SourceTree;
                    if (tree == null)
                    {
                        continue;
                    }

                    var root = await tree.GetRootAsync(cancellationToken).ConfigureAwait(false);
                    var node = root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true);
                    if (InConstantOnlyContext(node) || IsInConstDeclaration(node) || node.FirstAncestorOrSelf<InterpolatedStringExpressionSyntax>() is { } interpolated && IsInConstDeclaration(interpolated))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsInConstDeclaration(SyntaxNode node)
        {
            var declarator = node.FirstAncestorOrSelf<VariableDeclaratorSyntax>();
            return declarator?.Parent?.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                || declarator?.Parent?.Parent is LocalDeclarationStatementSyntax local && local.IsConst;
        }

        private static bool IsUriArgument(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken, out ExpressionSyntax? creation)
        {
            creation = null;
            SyntaxNode node = expression;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            if (node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Arguments.Count: 1, Parent: BaseObjectCreationExpressionSyntax create } }
                && model.GetTypeInfo(create, cancellationToken).Type is { Name: "Uri", ContainingNamespace.Name: "System" })
            {
                creation = create;
                return true;
            }

            return false;
        }

        // ---- naming ---------------------------------------------------------------------------------

        private static void Describe(RouteCandidate candidate, SemanticModel model, System.Collections.Immutable.ImmutableDictionary<string, string?>? properties, CancellationToken cancellationToken)
        {
            var api = FindApi(candidate.Target, model, cancellationToken, out var group);
            candidate.Group = group;
            candidate.Provider = ProviderOf(api);
            var name = api == null ? null : KindFromApi(api);
            if (name == null && properties != null && properties.TryGetValue(DiagnosticProperties.ModelKind, out var modelKind) && !string.IsNullOrEmpty(modelKind))
            {
                name = modelKind;
            }

            if (name == null && !candidate.IsEndpoint)
            {
                var match = ModelCatalog.Builtin.MatchModel(candidate.Value);
                name = match?.Family.Kind.ToString().ToLowerInvariant();
            }

            candidate.BaseName = name ?? "model";
        }

        /// <summary>The parameter or property the value is given to, and the call or initializer that holds it.</summary>
        private static ISymbol? FindApi(ExpressionSyntax target, SemanticModel model, CancellationToken cancellationToken, out SyntaxNode? group)
        {
            group = null;
            var operation = model.GetOperation(target, cancellationToken);
            while (operation != null)
            {
                switch (operation)
                {
                    case IArgumentOperation argument:
                        group = argument.Parent?.Syntax;
                        return argument.Parameter;
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation or IFieldReferenceOperation:
                        group = assignment.Parent is IObjectOrCollectionInitializerOperation initializer ? initializer.Syntax : null;
                        return ((IMemberReferenceOperation)assignment.Target).Member;
                    case IConversionOperation:
                    case IParenthesizedOperation:
                    case ICoalesceOperation:
                    case IConditionalOperation:
                    case ILiteralOperation:
                    case IFieldReferenceOperation:
                    case IPropertyReferenceOperation:
                    case IBinaryOperation:
                    case IInterpolatedStringOperation:
                    case IObjectCreationOperation:
                        operation = operation.Parent;
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static string? KindFromApi(ISymbol api)
        {
            var hint = api is IParameterSymbol parameter
                ? parameter.ContainingSymbol.Name + " " + (parameter.ContainingSymbol as IMethodSymbol)?.ReturnType.Name + " " + parameter.ContainingType?.Name
                : api.ContainingType?.Name ?? string.Empty;
            if (Has(hint, "Embedding"))
            {
                return "embedding";
            }

            if (Has(hint, "Image") || Has(hint, "Dalle"))
            {
                return "image";
            }

            if (Has(hint, "Audio") || Has(hint, "Speech") || Has(hint, "Transcription") || Has(hint, "Whisper") || Has(hint, "Tts"))
            {
                return "audio";
            }

            if (Has(hint, "Moderation"))
            {
                return "moderation";
            }

            if (Has(hint, "Rerank"))
            {
                return "rerank";
            }

            if (Has(hint, "Chat") || Has(hint, "Completion") || Has(hint, "Message") || Has(hint, "Response"))
            {
                return "chat";
            }

            return null;
        }

        private static bool Has(string text, string word) => text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0;

        private static string? ProviderOf(ISymbol? api)
        {
            var assembly = api?.ContainingAssembly?.Name;
            if (assembly == null)
            {
                return null;
            }

            var method = (api as IParameterSymbol)?.ContainingSymbol.Name ?? api!.Name;
            if (assembly.StartsWith("Microsoft.SemanticKernel", StringComparison.Ordinal))
            {
                return Has(method, "AzureOpenAI") ? "azure-openai" : Has(method, "OpenAI") ? "openai" : Has(method, "Ollama") ? "ollama"
                    : Has(assembly, "AzureOpenAI") ? "azure-openai" : Has(assembly, "OpenAI") ? "openai" : Has(assembly, "Ollama") ? "ollama" : null;
            }

            if (assembly.StartsWith("Azure.AI.OpenAI", StringComparison.Ordinal))
            {
                return "azure-openai";
            }

            if (assembly == "OpenAI" || assembly.StartsWith("OpenAI.", StringComparison.Ordinal))
            {
                return "openai";
            }

            if (assembly.StartsWith("OllamaSharp", StringComparison.Ordinal))
            {
                return "ollama";
            }

            if (assembly.StartsWith("Anthropic", StringComparison.Ordinal))
            {
                return "anthropic";
            }

            if (assembly.StartsWith("LLamaSharp", StringComparison.Ordinal))
            {
                return "llamasharp";
            }

            return null;
        }

        // ---- the partner of the same call ------------------------------------------------------------

        private static async Task<RouteCandidate?> FindPartnerAsync(Document document, SemanticModel model, INamedTypeSymbol routesType, RouteCandidate candidate, CancellationToken cancellationToken)
        {
            var values = candidate.Group switch
            {
                InvocationExpressionSyntax invocation => invocation.ArgumentList.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } => arguments.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                BaseArgumentListSyntax list => list.Arguments.Select(a => (Name: ParameterName(a, model, cancellationToken), Value: a.Expression)),
                InitializerExpressionSyntax initializer => initializer.Expressions.OfType<AssignmentExpressionSyntax>()
                    .Select(a => (Name: (a.Left as IdentifierNameSyntax)?.Identifier.ValueText, Value: a.Right)),
                _ => Enumerable.Empty<(string? Name, ExpressionSyntax Value)>(),
            };
            foreach (var (name, value) in values)
            {
                if (name == null || value.Span.Contains(candidate.Target.Span) || candidate.Target.Span.Contains(value.Span))
                {
                    continue;
                }

                var isEndpoint = PositionNames.IsEndpointName(name);
                if (isEndpoint == candidate.IsEndpoint || (!isEndpoint && !PositionNames.IsModelName(name)))
                {
                    continue;
                }

                var literal = value is BaseObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 1 } creation ? creation.ArgumentList!.Arguments[0].Expression : value;
                if (literal is not LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } stringLiteral)
                {
                    continue;
                }

                var text = stringLiteral.Token.ValueText;
                string expected;
                if (isEndpoint)
                {
                    var trimmed = text.Trim();
                    if (!UrlText.TryGetHost(trimmed, 0, trimmed.Length, out var hostStart, out var hostLength, out var complete) || !complete)
                    {
                        continue;
                    }

                    expected = trimmed.Substring(hostStart, hostLength).ToLowerInvariant();
                }
                else
                {
                    if (!ModelIdShape.IsPlausible(text))
                    {
                        continue;
                    }

                    expected = text;
                }

                var partner = await CreateAsync(document, model, routesType, stringLiteral, isEndpoint, expected, System.Collections.Immutable.ImmutableDictionary<string, string?>.Empty, cancellationToken).ConfigureAwait(false);
                if (partner != null && partner.Group?.Span == candidate.Group!.Span)
                {
                    return partner;
                }
            }

            return null;
        }

        private static string? ParameterName(ArgumentSyntax argument, SemanticModel model, CancellationToken cancellationToken) =>
            (model.GetOperation(argument, cancellationToken) as IArgumentOperation)?.Parameter?.Name;

        // ---- how the routes are reached -------------------------------------------------------------

        private static async Task ChooseAccessAsync(RouteCandidate candidate, Document document, SemanticModel model, INamedTypeSymbol routesType, CancellationToken cancellationToken)
        {
            var target = candidate.Target;
            var isStatic = IsStaticContext(target, model, cancellationToken, out var inInitializer);
            var existing = FindExisting(target, model, routesType, isStatic, inInitializer);
            if (existing != null)
            {
                candidate.Access = RouteAccess.Existing;
                candidate.ExistingName = existing.Name;
                return;
            }

            candidate.Access = RouteAccess.Static;
            if (isStatic || inInitializer)
            {
                return;
            }

            var declaration = target.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (declaration is not ClassDeclarationSyntax || model.GetDeclaredSymbol(declaration, cancellationToken) is not INamedTypeSymbol type)
            {
                return;
            }

            if (await CanInjectAsync(type, (ClassDeclarationSyntax)declaration, routesType, document.Project.Solution, cancellationToken).ConfigureAwait(false))
            {
                candidate.Access = RouteAccess.Inject;
                candidate.InjectInto = declaration;
            }
        }

        /// <summary>In a static member, a static lambda or local function, or top-level statements; or in a field or property initializer.</summary>
        private static bool IsStaticContext(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken, out bool inInitializer)
        {
            inInitializer = false;
            foreach (var ancestor in node.Ancestors())
            {
                switch (ancestor)
                {
                    case AnonymousFunctionExpressionSyntax function when function.Modifiers.Any(SyntaxKind.StaticKeyword):
                    case LocalFunctionStatementSyntax localFunction when localFunction.Modifiers.Any(SyntaxKind.StaticKeyword):
                        return true;
                    case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax field } }:
                        inInitializer = true;
                        return field.Modifiers.Any(SyntaxKind.StaticKeyword) || field.Modifiers.Any(SyntaxKind.ConstKeyword);
                    case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                        inInitializer = true;
                        return property.Modifiers.Any(SyntaxKind.StaticKeyword);
                    case GlobalStatementSyntax:
                        return true;
                    case MemberDeclarationSyntax member when member is BaseMethodDeclarationSyntax or BasePropertyDeclarationSyntax or EventDeclarationSyntax:
                        return model.GetDeclaredSymbol(member, cancellationToken)?.IsStatic ?? true;
                    case TypeDeclarationSyntax:
                        return true;
                }
            }

            return true;
        }

        private static ISymbol? FindExisting(SyntaxNode target, SemanticModel model, INamedTypeSymbol routesType, bool isStatic, bool inInitializer)
        {
            ISymbol? best = null;
            var bestRank = int.MaxValue;
            foreach (var symbol in model.LookupSymbols(target.SpanStart))
            {
                ITypeSymbol? type;
                int rank;
                switch (symbol)
                {
                    case ILocalSymbol local when !inInitializer && local.DeclaringSyntaxReferences.All(r => r.Span.End <= target.SpanStart):
                        type = local.Type;
                        rank = 0;
                        break;
                    case IParameterSymbol parameter when IsPrimaryConstructorParameter(parameter):
                        type = parameter.Type;
                        rank = isStatic ? int.MaxValue : 3;
                        break;
                    case IParameterSymbol parameter when !inInitializer:
                        type = parameter.Type;
                        rank = 1;
                        break;
                    case IFieldSymbol field when !inInitializer || field.IsStatic:
                        type = field.Type;
                        rank = !field.IsStatic && isStatic ? int.MaxValue : 2;
                        break;
                    case IPropertySymbol property when !inInitializer || property.IsStatic:
                        type = property.Type;
                        rank = !property.IsStatic && isStatic ? int.MaxValue : 2;
                        break;
                    default:
                        continue;
                }

                if (rank < bestRank && SymbolEqualityComparer.Default.Equals(type, routesType))
                {
                    best = symbol;
                    bestRank = rank;
                }
            }

            return best;
        }

        private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter) =>
            parameter.ContainingSymbol is IMethodSymbol { MethodKind: MethodKind.Constructor } constructor
            && constructor.DeclaringSyntaxReferences.Length > 0
            && constructor.DeclaringSyntaxReferences[0].GetSyntax() is TypeDeclarationSyntax;

        /// <summary>
        /// A constructor parameter can be added only where nothing else constructs the class: no <c>new</c> of it, no
        /// derived class, no constructor chaining, one declaration, no member already named <c>routes</c>.
        /// </summary>
        private static async Task<bool> CanInjectAsync(INamedTypeSymbol type, ClassDeclarationSyntax declaration, INamedTypeSymbol routesType, Solution solution, CancellationToken cancellationToken)
        {
            if (type.IsStatic || type.IsRecord || type.DeclaringSyntaxReferences.Length != 1 || type.GetMembers(FieldName).Length > 0)
            {
                return false;
            }

            foreach (var constructor in declaration.Members.OfType<ConstructorDeclarationSyntax>())
            {
                if (!constructor.Modifiers.Any(SyntaxKind.StaticKeyword) && (constructor.Initializer is { RawKind: (int)SyntaxKind.ThisConstructorInitializer } || constructor.Body == null))
                {
                    return false;
                }
            }

            if (declaration.ParameterList?.Parameters.Any(p => p.Identifier.ValueText == FieldName) == true)
            {
                return false;
            }

            var derived = await SymbolFinder.FindDerivedClassesAsync(type, solution, transitive: false, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (derived.Any())
            {
                return false;
            }

            foreach (var constructor in type.InstanceConstructors)
            {
                var references = await SymbolFinder.FindReferencesAsync(constructor, solution, cancellationToken).ConfigureAwait(false);
                if (references.Any(r => r.Locations.Any()))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
