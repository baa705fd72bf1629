using System;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Catalog;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// Binding (asking the semantic model what a call or member is) is the costly step, and most calls in a file are not
    /// AI calls. These syntax-only tests decide when it is worth it.
    /// </summary>
    internal static class BindingFilter
    {
        internal static readonly string[] AiCallWords =
        {
            "client", "chat", "complet", "embed", "model", "kernel", "generat", "image", "audio", "speech", "transcri", "respons",
            "assistant", "agent", "ollama", "llm", "llama", "params", "openai", "anthropic", "message", "prompt", "deploy", "inference", "endpoint",
        };

        internal static readonly string[] ValueNameWords = { "model", "deploy", "endpoint", "uri", "url", "engine", "host" };

        private static readonly WordSet AiCalls = new WordSet(AiCallWords);

        private static readonly WordSet ValueNames = new WordSet(ValueNameWords);

        /// <summary>
        /// A literal or a constant expression is worth binding only if its text could be a model id or URL; a name
        /// (a constant, a field, a local) always is.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsWorthBinding(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is LiteralExpressionSyntax literal)
            {
                var text = literal.Token.ValueText;
                return ModelIdShape.IsPlausible(text) || UrlText.SchemeLength(text, 0, text.Length) > 0;
            }

            return true;
        }

        /// <summary>
        /// A positional argument is bound only when its value is a known id or URL, when its name says model or endpoint
        /// (<c>DefaultModel</c>, <c>Models.Chat</c>), or when the call's own name does (<c>GetChatClient</c>,
        /// <c>new ModelParams</c>, <c>AddOpenAIChatCompletion</c>). A constant with another name still counts: its literal is
        /// judged where it is declared.
        /// </summary>
        [MethodImpl(HotPath.Optimized)]
        public static bool IsArgumentWorthBinding(ExpressionSyntax expression, BaseArgumentListSyntax list, SiteContext site)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    var text = literal.Token.ValueText;
                    if (UrlText.SchemeLength(text, 0, text.Length) > 0 || site.IsKnownModel(text))
                    {
                        return true;
                    }

                    break;
                case IdentifierNameSyntax identifier when ValueNames.ContainsAny(identifier.Identifier.ValueText):
                    return true;
                case MemberAccessExpressionSyntax access when ValueNames.ContainsAny(access.Name.Identifier.ValueText) || (access.Expression is IdentifierNameSyntax owner && ValueNames.ContainsAny(owner.Identifier.ValueText)):
                    return true;
                case ObjectCreationExpressionSyntax:
                    return true;
            }

            return list.Parent switch
            {
                InvocationExpressionSyntax invocation => AiCalls.ContainsAny(CalledName(invocation.Expression)),
                ObjectCreationExpressionSyntax creation => AiCalls.ContainsAny(CalledName(creation.Type)),
                _ => true,
            };
        }

        private static string CalledName(Microsoft.CodeAnalysis.SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };
    }
}
