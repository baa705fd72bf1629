using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// A literal that would be reported as an id or URL anywhere (no model or endpoint position vouches for it), but whose
    /// surroundings say it is not a choice of one: an element of an assertion's expected value
    /// (<c>Assert.Equal([("a", "gpt-4o")], …)</c>, <c>ShouldBe(["MiniMax-M2.7"])</c>), data of a declaration named
    /// <c>Expected*</c>, an argument of a log or print call, a tokenizer look-up, and a name in a provider, icon or slug
    /// position. Asked only after the literal would otherwise be reported; only the log test binds.
    /// </summary>
    internal static class NotAChoice
    {
        private const int MaxSteps = 12;

        private static readonly string[] ProviderWords = { "provider", "vendor", "icon", "logo", "slug", "avatar", "brand" };

        private static readonly string[] ModelWords = { "model", "deploy", "engine" };

        private static readonly string[] TokenizerWords = { "tokeniz", "encoding", "encoder", "tiktoken" };

        /// <param name="isModel">The literal is to be reported as a model id (else as a URL).</param>
        public static bool Applies(SyntaxNode literal, bool isModel, string value, SemanticModel model, CancellationToken cancellationToken)
        {
            var container = Outermost(literal);
            if (container != literal && IsComparedOrAsserted(container))
            {
                return true;
            }

            // A field, local or property named Expected*; a data row's argument for an `expected` parameter is test data (a real id counts).
            var name = DeclaredName(container);
            if (name != null && container.Parent is not AttributeArgumentSyntax && name.TrimStart('_').StartsWith("expected", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (isModel)
            {
                if ((DirectCall(literal) is { } call && IsTokenizerLookup(call)) || IsKeyOfATupleTable(literal))
                {
                    return true;
                }

                // Provider => "deepseek-ai", [InlineData("deepseek-chat")] for providerType, ["bigmodel"] = "chatglm" in IconSlugs: a
                // name or alias; an id with a version number is still reported.
                if (name != null && IsProviderName(name) && !HasDigit(value))
                {
                    return true;
                }
            }

            return IsLoggedOrPrinted(literal, model, cancellationToken);
        }

        /// <summary>
        /// A value of a table named for providers, icons or slugs (<c>ProviderIconSlugs = { ["bigmodel"] = "chatglm" }</c>): its
        /// keys are look-up keys, not request-body keys, whatever they spell; a literal id with a version number still counts.
        /// </summary>
        public static bool IsInProviderTable(ExpressionSyntax value) =>
            value is LiteralExpressionSyntax literal && !HasDigit(literal.Token.ValueText)
            && DeclaredName(Outermost(value)) is { } name && IsProviderName(name);

        /// <summary>A member, parameter or table whose name says provider, vendor, icon, logo, slug, avatar or brand, and not model.</summary>
        public static bool IsProviderName(string name) => ContainsAny(name, ProviderWords) && !ContainsAny(name, ModelWords);

        /// <summary>
        /// <c>GptEncoding.GetEncodingForModel("gpt-4")</c>, <c>TiktokenTokenizer.CreateForModel("gpt-4o")</c>,
        /// <c>Tokenizer.ForModel(…)</c>: choosing a tokenizer, not a model to send a prompt to.
        /// </summary>
        public static bool IsTokenizerLookup(SyntaxNode? call)
        {
            switch (call)
            {
                case InvocationExpressionSyntax invocation:
                    var called = invocation.Expression;
                    if (ContainsAny(NameOf(called), TokenizerWords))
                    {
                        return true;
                    }

                    return called is MemberAccessExpressionSyntax access && ContainsAny(NameOf(access.Expression), TokenizerWords);
                case BaseObjectCreationExpressionSyntax creation:
                    return creation is ObjectCreationExpressionSyntax { Type: var type } && ContainsAny(NameOf(type), TokenizerWords);
                default:
                    return false;
            }
        }

        /// <summary>
        /// The outermost expression the literal is data of: through parentheses, casts, ternary branches, <c>??</c>, switch
        /// arms, tuples, collection expressions, array and collection initializers and <c>["key"] = value</c> entries.
        /// </summary>
        private static SyntaxNode Outermost(SyntaxNode node)
        {
            for (var step = 0; step < MaxSteps; step++)
            {
                var parent = node.Parent;
                switch (parent)
                {
                    case ParenthesizedExpressionSyntax:
                    case CastExpressionSyntax:
                    case ConditionalExpressionSyntax conditional when conditional.Condition != node:
                    case BinaryExpressionSyntax coalesce when coalesce.IsKind(SyntaxKind.CoalesceExpression):
                    case CollectionExpressionSyntax:
                    case ArrayCreationExpressionSyntax:
                    case ImplicitArrayCreationExpressionSyntax:
                    case BaseObjectCreationExpressionSyntax creation when creation.Initializer == node:
                        node = parent;
                        continue;
                    case SwitchExpressionArmSyntax arm when arm.Expression == node && arm.Parent != null:
                        node = arm.Parent;
                        continue;
                    case ExpressionElementSyntax element when element.Parent != null:
                        node = element.Parent;
                        continue;
                    case ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax tuple }:
                        node = tuple;
                        continue;
                    case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: ObjectCreationExpressionSyntax uri } } when Values.ValueResolver.IsUriCreation(uri):
                        // Is.EqualTo(new Uri("https://api.openai.com/v1")): the Uri is the value.
                        node = uri;
                        continue;
                    case InitializerExpressionSyntax initializer when !initializer.IsKind(SyntaxKind.ObjectInitializerExpression):
                        node = initializer;
                        continue;
                    case AssignmentExpressionSyntax { Left: ImplicitElementAccessSyntax, Parent: InitializerExpressionSyntax entries } entry when entry.Right == node:
                        node = entries;
                        continue;
                    default:
                        return node;
                }
            }

            return node;
        }

        /// <summary>
        /// <c>("claude-opus-4-6", new ModelPricing(5m, 25m))</c>, <c>("gpt-4o", 128000)</c> as rows of a list: the key of a table
        /// about models, like a dictionary's key; a row of two names (<c>("gpt-4o", "openai")</c>) is still a list of models.
        /// </summary>
        private static bool IsKeyOfATupleTable(SyntaxNode literal) =>
            literal.Parent is ArgumentSyntax { NameColon: null, Parent: TupleExpressionSyntax { Arguments.Count: 2 } tuple } key
            && tuple.Arguments[0] == key
            && tuple.Parent is ExpressionElementSyntax or InitializerExpressionSyntax
            && tuple.Arguments[1].Expression is not (LiteralExpressionSyntax { RawKind: (int)SyntaxKind.StringLiteralExpression } or InterpolatedStringExpressionSyntax or IdentifierNameSyntax or MemberAccessExpressionSyntax);

        /// <summary>A collection or tuple handed to an assertion or a comparison (<c>Assert.Equal(expected, …)</c>, <c>new[] { … }.Contains(id)</c>).</summary>
        private static bool IsComparedOrAsserted(SyntaxNode container)
        {
            switch (container.Parent)
            {
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                    return IsTestOrAssertion(NameOf(invocation.Expression));
                case MemberAccessExpressionSyntax access when access.Expression == container && access.Parent is InvocationExpressionSyntax:
                    return IsTestOrAssertion(access.Name.Identifier.ValueText);
                default:
                    return false;
            }
        }

        /// <summary>A comparison or assertion, not a string transform: <c>(url ?? "https://…").TrimEnd('/')</c> is still the URL used.</summary>
        private static bool IsTestOrAssertion(string name) =>
            ComparisonContext.IsComparisonMethod(name) && !name.StartsWith("Trim", StringComparison.Ordinal) && name != "Replace" && name != "Split" && name != "Remove";

        /// <summary>
        /// The name of what the value initializes or is given to: a field, local, property or its getter, a method's
        /// expression body, an assignment's target, a named argument, or the test parameter a data-row attribute
        /// (<c>[InlineData]</c>, <c>[DataRow]</c>, <c>[TestCase]</c>) binds it to.
        /// </summary>
        private static string? DeclaredName(SyntaxNode container)
        {
            switch (container.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax declarator }:
                    return declarator.Identifier.ValueText;
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return property.Identifier.ValueText;
                case EqualsValueClauseSyntax { Parent: ParameterSyntax parameter }:
                    return parameter.Identifier.ValueText;
                case ArrowExpressionClauseSyntax arrow:
                    return MemberName(arrow.Parent);
                case ReturnStatementSyntax ret:
                    return MemberName(ret.FirstAncestorOrSelf<SyntaxNode>(n => n is MemberDeclarationSyntax or AccessorDeclarationSyntax or AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));
                case AssignmentExpressionSyntax assignment when assignment.Right == container:
                    return NameOf(assignment.Left);
                case ArgumentSyntax { NameColon: { } nameColon }:
                    return nameColon.Name.Identifier.ValueText;
                case AttributeArgumentSyntax { NameEquals: null, NameColon: null } argument:
                    return DataRowParameter(argument);
                default:
                    return null;
            }
        }

        private static string? MemberName(SyntaxNode? member) => member switch
        {
            PropertyDeclarationSyntax property => property.Identifier.ValueText,
            MethodDeclarationSyntax method => method.Identifier.ValueText,
            AccessorDeclarationSyntax { Parent.Parent: PropertyDeclarationSyntax property } => property.Identifier.ValueText,
            LocalFunctionStatementSyntax function => function.Identifier.ValueText,
            _ => null,
        };

        private static string? DataRowParameter(AttributeArgumentSyntax argument)
        {
            if (argument.Parent is not AttributeArgumentListSyntax list || list.Parent is not AttributeSyntax attribute
                || attribute.Parent?.Parent is not MethodDeclarationSyntax method)
            {
                return null;
            }

            var attributeName = NameOf(attribute.Name);
            if (attributeName != "InlineData" && attributeName != "DataRow" && attributeName != "TestCase" && attributeName != "Arguments" && attributeName != "InlineAutoData")
            {
                return null;
            }

            var parameters = method.ParameterList.Parameters;
            var index = list.Arguments.IndexOf(argument);
            return index >= 0 && index < parameters.Count ? parameters[index].Identifier.ValueText : null;
        }

        /// <summary>The call the literal is a direct argument of.</summary>
        private static SyntaxNode? DirectCall(SyntaxNode literal)
        {
            var node = literal;
            while (node.Parent is ParenthesizedExpressionSyntax)
            {
                node = node.Parent;
            }

            return node.Parent is ArgumentSyntax { Parent: ArgumentListSyntax { Parent: var call } } ? call : null;
        }

        /// <summary>
        /// A direct argument of a log or print call: <c>ILogger.Log*</c> and its extensions, a <c>[LoggerMessage]</c>
        /// method or any method taking an ILogger, Serilog / NLog / log4net, <c>Console</c>, <c>Debug</c>, <c>Trace</c>,
        /// a <c>TextWriter</c>, xUnit's <c>ITestOutputHelper</c>. What is logged is not what is sent.
        /// </summary>
        private static bool IsLoggedOrPrinted(SyntaxNode literal, SemanticModel model, CancellationToken cancellationToken)
        {
            if (DirectCall(literal) is not InvocationExpressionSyntax invocation || !MayBeLogOrPrint(invocation))
            {
                return false;
            }

            var info = model.GetSymbolInfo(invocation, cancellationToken);
            if ((info.Symbol ?? (info.CandidateSymbols.Length > 0 ? info.CandidateSymbols[0] : null)) is not IMethodSymbol method)
            {
                // Unresolved (a package not restored): logger.LogInformation(…), Console.WriteLine(…) by their receiver's name.
                var receiver = (invocation.Expression is MemberAccessExpressionSyntax access ? NameOf(access.Expression) : string.Empty).TrimStart('_');
                return IsLogOrPrintName(NameOf(invocation.Expression))
                    && (receiver.EndsWith("logger", StringComparison.OrdinalIgnoreCase) || receiver.Equals("log", StringComparison.OrdinalIgnoreCase)
                        || receiver == "Console" || receiver == "Debug" || receiver == "Trace");
            }

            return IsLogOrPrintMethod(method);
        }

        /// <summary>A method of a logging library, one taking an ILogger or marked <c>[LoggerMessage]</c>, or a console, debug, trace or text-writer print.</summary>
        public static bool IsLogOrPrintMethod(IMethodSymbol method)
        {
            method = method.ReducedFrom ?? method;
            if (IsLoggingNamespace(method.ContainingNamespace) || IsLoggerType(method.ContainingType))
            {
                return true;
            }

            foreach (var parameter in method.Parameters)
            {
                if (IsLoggerType(parameter.Type as INamedTypeSymbol))
                {
                    return true;
                }
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass?.Name == "LoggerMessageAttribute")
                {
                    return true;
                }
            }

            for (var type = method.ContainingType; type != null; type = type.BaseType)
            {
                var ns = type.ContainingNamespace?.ToDisplayString();
                if ((ns == "System" && type.Name == "Console") || (ns == "System.Diagnostics" && (type.Name == "Debug" || type.Name == "Trace"))
                    || (ns == "System.IO" && type.Name == "TextWriter") || type.Name == "ITestOutputHelper")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Syntax only: a log or print method's name, a receiver named like a log, or a logger handed as an argument.</summary>
        private static bool MayBeLogOrPrint(InvocationExpressionSyntax invocation)
        {
            if (IsLogOrPrintName(NameOf(invocation.Expression))
                || (invocation.Expression is MemberAccessExpressionSyntax access && NameOf(access.Expression).IndexOf("log", StringComparison.OrdinalIgnoreCase) >= 0))
            {
                return true;
            }

            foreach (var argument in invocation.ArgumentList.Arguments)
            {
                if (argument.Expression is IdentifierNameSyntax identifier && identifier.Identifier.ValueText.IndexOf("logger", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsLogOrPrintName(string name) =>
            name.StartsWith("Log", StringComparison.Ordinal) || name.StartsWith("Write", StringComparison.Ordinal) || name.StartsWith("Trace", StringComparison.Ordinal)
            || name == "Information" || name == "Info" || name == "Debug" || name == "Warning" || name == "Warn" || name == "Error" || name == "Verbose" || name == "Fatal";

        private static bool IsLoggingNamespace(INamespaceSymbol? ns)
        {
            var text = ns?.ToDisplayString();
            return text != null && (text.StartsWith("Microsoft.Extensions.Logging", StringComparison.Ordinal) || text.StartsWith("Serilog", StringComparison.Ordinal)
                || text.StartsWith("NLog", StringComparison.Ordinal) || text.StartsWith("log4net", StringComparison.Ordinal));
        }

        private static bool IsLoggerType(INamedTypeSymbol? type) =>
            type != null && (type.Name == "ILogger" || type.Name == "ILog") && IsLoggingNamespace(type.ContainingNamespace);

        internal static string NameOf(SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            AliasQualifiedNameSyntax alias => alias.Name.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        private static bool HasDigit(string value)
        {
            foreach (var c in value)
            {
                if (c >= '0' && c <= '9')
                {
                    return true;
                }
            }

            return false;
        }

        private static bool ContainsAny(string text, string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
