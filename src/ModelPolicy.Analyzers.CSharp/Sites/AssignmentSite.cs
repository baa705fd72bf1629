using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Values;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>
    /// An assignment or object-initializer member: <c>options.ModelId = "gpt-4o"</c>, <c>new ChatOptions { ModelId = … }</c>,
    /// <c>Endpoint = new Uri(…)</c>; an indexer with a string key (<c>body["model"] = …</c>) is a request-body key
    /// (<see cref="RequestBodySite"/>).
    /// </summary>
    internal static class AssignmentSite
    {
        /// <summary>The default of a model or endpoint parameter: <c>string baseAddress = "https://open.bigmodel.cn/"</c>.</summary>
        [MethodImpl(HotPath.Optimized)]
        public static void ScanParameterDefault(ParameterSyntax parameter, SiteContext site)
        {
            if (parameter.Default is not { } initializer || !PositionClassifier.IsPositionName(parameter.Identifier.ValueText)
                || !ValueResolver.MayResolve(initializer.Value) || !BindingFilter.IsWorthBinding(initializer.Value))
            {
                return;
            }

            if (site.Model.GetDeclaredSymbol(parameter, site.CancellationToken) is { } symbol && PositionClassifier.Classify(symbol.Name, symbol) is { } position)
            {
                site.Front().ReportUse(initializer.Value, position);
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public static void Scan(AssignmentExpressionSyntax assignment, SiteContext site)
        {
            switch (assignment.Left)
            {
                case IdentifierNameSyntax identifier when PositionClassifier.IsPositionName(identifier.Identifier.ValueText):
                case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } when PositionClassifier.IsPositionName(member.Identifier.ValueText):
                    if (!ValueResolver.MayResolve(assignment.Right) || !BindingFilter.IsWorthBinding(assignment.Right))
                    {
                        return;
                    }

                    var info = site.Model.GetSymbolInfo(assignment.Left, site.CancellationToken);
                    var symbol = info.Symbol;
                    if (symbol is IPropertySymbol or IFieldSymbol && PositionClassifier.Classify(symbol.Name, symbol) is { } position)
                    {
                        site.Front().ReportUse(assignment.Right, position);
                    }
                    else if (symbol == null && info.CandidateSymbols.Length == 0 && PositionClassifier.ClassifyUnresolvedMember(assignment.Left) is { } unresolved)
                    {
                        // new ChatOptions { ModelId = "gpt-4o" } where ChatOptions does not bind: the member's name says model.
                        site.Front().ReportUse(assignment.Right, unresolved);
                    }

                    return;
                case ElementAccessExpressionSyntax element when RequestBodySite.KeyName(element.ArgumentList) is { } key:
                    RequestBodySite.ReportByKey(key, assignment.Right, site);
                    return;
                case ImplicitElementAccessSyntax element when RequestBodySite.KeyName(element.ArgumentList) is { } key:
                    RequestBodySite.ReportByKey(key, assignment.Right, site);
                    return;
            }
        }
    }
}
