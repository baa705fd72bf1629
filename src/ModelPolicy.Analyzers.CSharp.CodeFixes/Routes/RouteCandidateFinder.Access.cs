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
    /// <summary>How the routes are reached where the literal was: an IModelRoutes in scope, an injected parameter, or ModelRoutes.Default.</summary>
    internal static partial class RouteCandidateFinder
    {
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
