using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A literal anywhere that names something other than a model, by where it goes: a native library
    /// (<c>[DllImport("stable-diffusion")]</c>, <c>const string DllName = "llama"</c> used by <c>DllImport</c> or
    /// <c>NativeLibrary.Load</c>), a meter or activity source (<c>new Meter("llama3")</c>, <c>SetMeterId("llama3")</c>),
    /// or search text (<c>var query = "phi-3"</c>). Asked only for a literal the catalog knows, outside a model position.
    /// </summary>
    internal static class OtherNameContext
    {
        private static readonly string[] LibraryNameEndings = { "dllname", "dll", "libraryname", "libname", "nativelibrary", "nativelib" };
        private static readonly string[] SearchNameEndings = { "query", "search", "searchtext", "searchterm", "keyword", "keywords" };

        public static bool IsNameOfSomethingElse(SyntaxNode literal)
        {
            var node = literal;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            switch (node.Parent)
            {
                case AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } list } argument:
                    return list.Arguments[0] == argument && IsNativeImport(attribute);
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: { } call } list } argument:
                    return list.Arguments[0] == argument && IsTelemetryOrLibraryCall(call);
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    var name = declarator.Identifier.ValueText;
                    return EndsWithAny(name, SearchNameEndings) || EndsWithAny(name, LibraryNameEndings)
                        || (declarator.Parent?.Parent is FieldDeclarationSyntax && IsUsedAsNativeLibrary(declarator, name));
                default:
                    return false;
            }
        }

        private static bool IsNativeImport(AttributeSyntax attribute)
        {
            var name = attribute.Name switch
            {
                QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                SimpleNameSyntax simple => simple.Identifier.ValueText,
                _ => string.Empty,
            };
            return name is "DllImport" or "DllImportAttribute" or "LibraryImport" or "LibraryImportAttribute";
        }

        /// <summary><c>new Meter(…)</c>, <c>new ActivitySource(…)</c>, <c>AddMeter(…)</c>, <c>SetMeterId(…)</c>, <c>NativeLibrary.Load(…)</c>.</summary>
        private static bool IsTelemetryOrLibraryCall(SyntaxNode call)
        {
            string name;
            switch (call)
            {
                case ObjectCreationExpressionSyntax creation:
                    name = creation.Type switch
                    {
                        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    return name is "Meter" or "ActivitySource";
                case InvocationExpressionSyntax invocation:
                    if (invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "NativeLibrary" } })
                    {
                        return true;
                    }

                    name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        SimpleNameSyntax simple => simple.Identifier.ValueText,
                        _ => string.Empty,
                    };

                    // "Meter" as a word of the name (AddMeter, SetMeterId), not "Parameter".
                    return name.IndexOf("Meter", StringComparison.Ordinal) >= 0 || name is "AddSource" or "AddActivitySource";
                default:
                    return false;
            }
        }

        /// <summary>A field handed to <c>DllImport</c>/<c>LibraryImport</c> or <c>NativeLibrary</c> in its own type, if that type declares imports.</summary>
        private static bool IsUsedAsNativeLibrary(VariableDeclaratorSyntax declarator, string name)
        {
            // Only a type that declares imports is read through (a list of model constants never is).
            var type = declarator.FirstAncestorOrSelf<TypeDeclarationSyntax>();
            if (type == null || !DeclaresImports(type))
            {
                return false;
            }

            foreach (var node in type.DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier && identifier.Identifier.ValueText == name
                    && ((identifier.Parent is AttributeArgumentSyntax { Parent: AttributeArgumentListSyntax { Parent: AttributeSyntax attribute } } && IsNativeImport(attribute))
                        || (identifier.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }
                            && invocation.Expression is MemberAccessExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.ValueText: "NativeLibrary" } })))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>An attributed <c>extern</c> or <c>partial</c> method: where <c>DllImport</c> and <c>LibraryImport</c> go.</summary>
        private static bool DeclaresImports(TypeDeclarationSyntax type)
        {
            foreach (var member in type.Members)
            {
                if (member is MethodDeclarationSyntax { AttributeLists.Count: > 0 } method
                    && (method.Modifiers.Any(SyntaxKind.ExternKeyword) || method.Modifiers.Any(SyntaxKind.PartialKeyword)))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The name is the word, or ends with it as a word of its own (<c>searchQuery</c>, <c>_dllName</c>; not <c>research</c>).</summary>
        private static bool EndsWithAny(string name, string[] endings)
        {
            foreach (var ending in endings)
            {
                var at = name.Length - ending.Length;
                if (at >= 0 && string.Compare(name, at, ending, 0, ending.Length, StringComparison.OrdinalIgnoreCase) == 0
                    && (at == 0 || char.IsUpper(name[at]) || name[at - 1] == '_'))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
