using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Values;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// An argument to a model or endpoint parameter: <c>GetChatClient("gpt-4o")</c>, <c>deploymentName: Model</c>,
    /// <c>new Uri(...)</c> handed to an SDK constructor. Bound only when <see cref="BindingFilter"/> says it can matter.
    /// </summary>
    internal static class ArgumentSite
    {
        [MethodImpl(HotPath.Optimized)]
        public static void Scan(ArgumentSyntax argument, SiteContext site)
        {
            if (argument.Parent is not BaseArgumentListSyntax list || !ValueResolver.MayResolve(argument.Expression))
            {
                return;
            }

            if (argument.NameColon != null && !PositionClassifier.IsPositionName(argument.NameColon.Name.Identifier.ValueText))
            {
                return;
            }

            if (!BindingFilter.IsWorthBinding(argument.Expression)
                || (argument.NameColon == null && !BindingFilter.IsArgumentWorthBinding(argument.Expression, list, site)))
            {
                return;
            }

            // Is.EqualTo(new Uri("https://api.openai.com/v1")): a Uri made to be compared is no endpoint.
            if (list.Parent is ObjectCreationExpressionSyntax creation && ValueResolver.IsUriCreation(creation) && ComparisonContext.IsComparedOrLookedUp(creation))
            {
                return;
            }

            // GptEncoding.GetEncodingForModel("gpt-4"): a tokenizer look-up, not a request.
            if (NotAChoice.IsTokenizerLookup(list.Parent))
            {
                return;
            }

            var parameter = PositionClassifier.FindParameter(argument, list, site.Model, site.CancellationToken);
            if (parameter != null && PositionClassifier.Classify(parameter.Name, parameter.ContainingSymbol) is { } position
                && !(parameter.ContainingSymbol is IMethodSymbol method && NotAChoice.IsLogOrPrintMethod(method)))
            {
                site.Front().ReportUse(argument.Expression, position);
            }
            else if (parameter == null && PositionClassifier.ClassifyUnresolved(argument, list, site.Model, site.CancellationToken) is { } fallback)
            {
                site.Front().ReportUse(argument.Expression, fallback);
            }
        }
    }
}
