using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Analysis
{
    /// <summary>
    /// One pass over one file. Visiting the tree in document order, a use (an argument, an assignment, an
    /// anonymous-object member, a dictionary entry) is met before the literals inside it, so a literal that
    /// a use has judged is not judged again by the "anywhere" rules. A literal that cannot be a model id or
    /// a URL is rejected on its text alone, without allocating and without the semantic model.
    /// </summary>
    internal sealed class FileScanner
    {
        private readonly SemanticModel model;
        private readonly PolicyCache cache;
        private readonly ModelCatalog catalog;
        private readonly CancellationToken cancellationToken;
        private readonly System.Action<Diagnostic> report;
        private ModelPolicySettings? policy;
        private HashSet<(int Start, ValueKind Kind)>? reported;
        private List<ResolvedValue>? values;

        public FileScanner(SemanticModel model, PolicyCache cache, System.Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            this.model = model;
            this.cache = cache;
            catalog = cache.Catalog;
            this.report = report;
            this.cancellationToken = cancellationToken;
        }

        private ModelPolicySettings Policy => policy ??= cache.GetPolicy(model.SyntaxTree);

        public void Scan()
        {
            var root = model.SyntaxTree.GetRoot(cancellationToken);
            foreach (var node in root.DescendantNodes())
            {
                switch (node.Kind())
                {
                    case SyntaxKind.StringLiteralExpression:
                    case SyntaxKind.Utf8StringLiteralExpression:
                        ScanLiteral((LiteralExpressionSyntax)node);
                        break;
                    case SyntaxKind.InterpolatedStringText:
                        ScanInterpolatedText((InterpolatedStringTextSyntax)node);
                        break;
                    case SyntaxKind.Argument:
                        ScanArgument((ArgumentSyntax)node);
                        break;
                    case SyntaxKind.SimpleAssignmentExpression:
                        ScanAssignment((AssignmentExpressionSyntax)node);
                        break;
                    case SyntaxKind.AnonymousObjectMemberDeclarator:
                        ScanAnonymousMember((AnonymousObjectMemberDeclaratorSyntax)node);
                        break;
                    case SyntaxKind.ComplexElementInitializerExpression:
                        ScanDictionaryEntry((InitializerExpressionSyntax)node);
                        break;
                    case SyntaxKind.SimpleMemberAccessExpression:
                        ScanSdkModelMember((MemberAccessExpressionSyntax)node);
                        break;
                }
            }
        }

        // ---- uses -------------------------------------------------------------------------------

        private void ScanArgument(ArgumentSyntax argument)
        {
            if (argument.Parent is not BaseArgumentListSyntax list || !ValueResolver.MayResolve(argument.Expression))
            {
                return;
            }

            if (argument.NameColon != null && !IsPositionName(argument.NameColon.Name.Identifier.ValueText))
            {
                return;
            }

            if (!IsWorthBinding(argument.Expression) || (argument.NameColon == null && !IsArgumentWorthBinding(argument.Expression, list)))
            {
                return;
            }

            var parameter = FindParameter(argument, list);
            if (parameter == null)
            {
                return;
            }

            var position = Classify(parameter.Name, parameter.ContainingSymbol);
            if (position.HasValue)
            {
                Judge(argument.Expression, position.Value);
            }
        }

        private void ScanAssignment(AssignmentExpressionSyntax assignment)
        {
            switch (assignment.Left)
            {
                case IdentifierNameSyntax identifier when IsPositionName(identifier.Identifier.ValueText):
                case MemberAccessExpressionSyntax { Name: IdentifierNameSyntax member } when IsPositionName(member.Identifier.ValueText):
                    if (!ValueResolver.MayResolve(assignment.Right) || !IsWorthBinding(assignment.Right))
                    {
                        return;
                    }

                    var symbol = model.GetSymbolInfo(assignment.Left, cancellationToken).Symbol;
                    if (symbol is IPropertySymbol or IFieldSymbol)
                    {
                        var position = Classify(symbol.Name, symbol);
                        if (position.HasValue)
                        {
                            Judge(assignment.Right, position.Value);
                        }
                    }

                    return;
                case ElementAccessExpressionSyntax element when KeyName(element.ArgumentList) is { } key:
                    JudgeByKey(key, assignment.Right);
                    return;
                case ImplicitElementAccessSyntax element when KeyName(element.ArgumentList) is { } key:
                    JudgeByKey(key, assignment.Right);
                    return;
            }
        }

        private void ScanAnonymousMember(AnonymousObjectMemberDeclaratorSyntax member)
        {
            var name = member.NameEquals?.Name.Identifier.ValueText
                ?? (member.Expression as IdentifierNameSyntax)?.Identifier.ValueText
                ?? (member.Expression as MemberAccessExpressionSyntax)?.Name.Identifier.ValueText;
            if (name != null)
            {
                JudgeByKey(name, member.Expression);
            }
        }

        private void ScanDictionaryEntry(InitializerExpressionSyntax entry)
        {
            // new Dictionary<string, object> { { "model", "gpt-4o" } }
            if (entry.Expressions.Count == 2 && entry.Expressions[0] is LiteralExpressionSyntax key && key.IsKind(SyntaxKind.StringLiteralExpression))
            {
                JudgeByKey(key.Token.ValueText, entry.Expressions[1]);
            }
        }

        /// <summary>An SDK model enum member anywhere: <c>ApiEnum&lt;string, Model&gt; Default =&gt; Model.ClaudeSonnet4_6;</c>.</summary>
        private void ScanSdkModelMember(MemberAccessExpressionSyntax access)
        {
            // Cheap first: Anthropic's members are Model.Claude…; bind only those.
            var left = access.Expression switch
            {
                IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
                _ => string.Empty,
            };
            if (!left.EndsWith("Model", System.StringComparison.Ordinal) || !access.Name.Identifier.ValueText.StartsWith("Claude", System.StringComparison.Ordinal))
            {
                return;
            }

            Judge(access, Position.Anywhere(ValueKind.Model));
        }

        /// <summary>A request-body key (anonymous object, dictionary, JSON): "model" is a strong model position.</summary>
        private void JudgeByKey(string key, ExpressionSyntax value)
        {
            if (!ValueResolver.MayResolve(value))
            {
                return;
            }

            if (PositionNames.IsModelName(key))
            {
                Judge(value, new Position(ValueKind.Model, Strength.Strong, key));
            }
            else if (PositionNames.IsEndpointName(key))
            {
                Judge(value, new Position(ValueKind.Endpoint, Strength.Weak, key));
            }
        }

        private static string? KeyName(BracketedArgumentListSyntax list) =>
            list.Arguments.Count == 1 && list.Arguments[0].Expression is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                ? literal.Token.ValueText
                : null;

        private static bool IsPositionName(string name) => PositionNames.IsModelName(name) || PositionNames.IsEndpointName(name);

        /// <summary>
        /// Binding is the costly step. A literal or a constant expression is worth it only if its text could be
        /// a model id or URL; a name (a constant, a field, a local) always is.
        /// </summary>
        private static bool IsWorthBinding(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    var text = literal.Token.ValueText;
                    return ModelIdShape.IsPlausible(text) || UrlText.SchemeLength(text, 0, text.Length) > 0;
                case ParenthesizedExpressionSyntax parenthesized:
                    return IsWorthBinding(parenthesized.Expression);
                default:
                    return true;
            }
        }

        private static readonly string[] AiCallWords =
        {
            "client", "chat", "complet", "embed", "model", "kernel", "generat", "image", "audio", "speech", "transcri", "respons",
            "assistant", "agent", "ollama", "llm", "llama", "params", "openai", "anthropic", "message", "prompt", "deploy", "inference", "endpoint",
        };

        private static readonly string[] ValueNameWords = { "model", "deploy", "endpoint", "uri", "url", "engine", "host" };

        /// <summary>
        /// Binding a call is what costs; most calls in a file are not AI calls. A positional argument is bound only when
        /// its value is a known id or URL, when its name says model or endpoint (<c>DefaultModel</c>, <c>Models.Chat</c>),
        /// or when the call's own name does (<c>GetChatClient</c>, <c>new ModelParams</c>, <c>AddOpenAIChatCompletion</c>).
        /// A constant with another name still counts: its literal is judged where it is declared.
        /// </summary>
        private bool IsArgumentWorthBinding(ExpressionSyntax expression, BaseArgumentListSyntax list)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal:
                    var text = literal.Token.ValueText;
                    if (UrlText.SchemeLength(text, 0, text.Length) > 0 || catalog.IsKnownModel(text))
                    {
                        return true;
                    }

                    break;
                case IdentifierNameSyntax identifier when ContainsAny(identifier.Identifier.ValueText, ValueNameWords):
                    return true;
                case MemberAccessExpressionSyntax access when ContainsAny(access.Name.Identifier.ValueText, ValueNameWords) || (access.Expression is IdentifierNameSyntax owner && ContainsAny(owner.Identifier.ValueText, ValueNameWords)):
                    return true;
                case ObjectCreationExpressionSyntax:
                    return true;
            }

            return list.Parent switch
            {
                InvocationExpressionSyntax invocation => ContainsAny(CalledName(invocation.Expression), AiCallWords),
                ObjectCreationExpressionSyntax creation => ContainsAny(CalledName(creation.Type), AiCallWords),
                _ => true,
            };
        }

        private static string CalledName(SyntaxNode node) => node switch
        {
            MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
            SimpleNameSyntax name => name.Identifier.ValueText,
            QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
            MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
            _ => string.Empty,
        };

        private static bool ContainsAny(string text, string[] words)
        {
            foreach (var word in words)
            {
                if (text.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        private IParameterSymbol? FindParameter(ArgumentSyntax argument, BaseArgumentListSyntax list)
        {
            var owner = list.Parent;
            if (owner == null || owner is ElementAccessExpressionSyntax or ElementBindingExpressionSyntax)
            {
                return null;
            }

            var info = model.GetSymbolInfo(owner, cancellationToken);
            var method = (info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null)) as IMethodSymbol;
            if (method == null)
            {
                return null;
            }

            if (argument.NameColon != null)
            {
                var name = argument.NameColon.Name.Identifier.ValueText;
                foreach (var parameter in method.Parameters)
                {
                    if (parameter.Name == name)
                    {
                        return parameter;
                    }
                }

                return null;
            }

            var index = list.Arguments.IndexOf(argument);
            if (index < method.Parameters.Length)
            {
                return method.Parameters[index];
            }

            var last = method.Parameters.Length > 0 ? method.Parameters[method.Parameters.Length - 1] : null;
            return last != null && last.IsParams ? last : null;
        }

        private static Position? Classify(string name, ISymbol symbol)
        {
            ValueKind kind;
            if (PositionNames.IsModelName(name))
            {
                kind = ValueKind.Model;
            }
            else if (PositionNames.IsEndpointName(name))
            {
                kind = ValueKind.Endpoint;
            }
            else
            {
                return null;
            }

            return new Position(kind, SdkSymbols.IsFromSdk(symbol) && !IsResultType(symbol.ContainingType) ? Strength.Strong : Strength.Weak, name);
        }

        /// <summary>
        /// <c>ChatResponse.ModelId</c>, <c>ChatResponseUpdate</c>, <c>…Result</c>, <c>…Metadata</c>: what a backend
        /// answered with (or a fake of one), not the model the code chooses.
        /// </summary>
        private static bool IsResultType(INamedTypeSymbol? type)
        {
            var name = type?.Name;
            return name != null && (name.EndsWith("Response", System.StringComparison.Ordinal) || name.EndsWith("Update", System.StringComparison.Ordinal)
                || name.EndsWith("Result", System.StringComparison.Ordinal) || name.EndsWith("Metadata", System.StringComparison.Ordinal)
                || name.EndsWith("Completion", System.StringComparison.Ordinal));
        }

        private void Judge(ExpressionSyntax expression, Position position)
        {
            var list = values ??= new List<ResolvedValue>();
            list.Clear();
            ValueResolver.Resolve(expression, model, list, cancellationToken);
            foreach (var value in list)
            {
                if (position.Kind == ValueKind.Model && UrlText.SchemeLength(value.Value, 0, value.Value.Length) == 0)
                {
                    JudgeModel(value.Node, value.Value, position, value.DeclaredElsewhere);
                }
                else
                {
                    JudgeEndpoint(value.Node, value.Value, 0, value.Value.Length, position, declaredElsewhere: value.DeclaredElsewhere);
                }
            }
        }

        // ---- literals anywhere ------------------------------------------------------------------

        private void ScanLiteral(LiteralExpressionSyntax literal)
        {
            var text = literal.Token.ValueText;
            if (text.Length < 2)
            {
                return;
            }

            if (UrlText.SchemeLength(text, 0, text.Length) > 0 || (char.IsWhiteSpace(text[0]) && StartsWithUrl(text)))
            {
                JudgeEndpoint(literal, text, 0, text.Length, Position.Anywhere(ValueKind.Endpoint));
                return;
            }

            if (JsonKeyScanner.MayContainJson(text))
            {
                ScanJson(literal, text, 0, text.Length);
                return;
            }

            if (catalog.IsKnownModel(text) && !IsCheck(literal))
            {
                JudgeModel(literal, text, Position.Anywhere(ValueKind.Model));
            }
        }

        private void ScanInterpolatedText(InterpolatedStringTextSyntax part)
        {
            var text = part.TextToken.ValueText;
            if (text.Length < 5)
            {
                return;
            }

            // $"https://api.deepseek.com/v1/{path}": the constant prefix names the host.
            if (part.Parent is InterpolatedStringExpressionSyntax interpolated && interpolated.Contents[0] == part && UrlText.SchemeLength(text, 0, text.Length) > 0)
            {
                JudgeEndpoint(interpolated, text, 0, text.Length, Position.Anywhere(ValueKind.Endpoint), continues: interpolated.Contents.Count > 1);
                return;
            }

            if (JsonKeyScanner.MayContainJson(text) || (text.IndexOf('"') >= 0 && text.IndexOf(':') >= 0))
            {
                ScanJson(part, text, 0, text.Length);
            }
        }

        private void ScanJson(SyntaxNode node, string text, int start, int end)
        {
            var scanner = new JsonKeyScanner(text, start, end);
            while (scanner.MoveNext())
            {
                if (PositionNames.IsModelName(text, scanner.KeyStart, scanner.KeyLength))
                {
                    JudgeModel(node, scanner.Value, new Position(ValueKind.Model, Strength.Strong, scanner.Key));
                }
                else if (UrlText.SchemeLength(text, scanner.ValueStart, scanner.ValueStart + scanner.ValueLength) > 0)
                {
                    JudgeEndpoint(node, text, scanner.ValueStart, scanner.ValueStart + scanner.ValueLength, Position.Anywhere(ValueKind.Endpoint));
                }
            }
        }

        private static bool StartsWithUrl(string text)
        {
            var i = 0;
            while (i < text.Length && char.IsWhiteSpace(text[i]))
            {
                i++;
            }

            return UrlText.SchemeLength(text, i, text.Length) > 0;
        }

        /// <summary>
        /// A literal that tests or looks up an id rather than choosing one: <c>id.StartsWith("qwen")</c>,
        /// <c>model == "gpt-4o"</c>, <c>case "gpt-4o":</c>, a switch arm's pattern, <c>Assert.Equal("gpt-4o", …)</c>.
        /// </summary>
        private static bool IsCheck(LiteralExpressionSyntax literal)
        {
            SyntaxNode node = literal;
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax)
            {
                node = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case BinaryExpressionSyntax binary:
                    return binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression);
                case ConstantPatternSyntax:
                case CaseSwitchLabelSyntax:
                    return true;
                case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax:
                    return IsCheckMethod(access.Name.Identifier.ValueText);
                case ArgumentSyntax { Parent: ArgumentListSyntax { Parent: InvocationExpressionSyntax invocation } }:
                    var name = invocation.Expression switch
                    {
                        MemberAccessExpressionSyntax access => access.Name.Identifier.ValueText,
                        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
                        _ => string.Empty,
                    };
                    return IsCheckMethod(name);
                default:
                    return false;
            }
        }

        private static bool IsCheckMethod(string name)
        {
            switch (name)
            {
                case "StartsWith":
                case "EndsWith":
                case "Contains":
                case "ContainsKey":
                case "Equals":
                case "IndexOf":
                case "LastIndexOf":
                case "Replace":
                case "Split":
                case "IsMatch":
                case "Match":
                case "Matches":
                case "Compare":
                case "CompareOrdinal":
                case "TryGetValue":
                case "Remove":
                case "Trim":
                case "TrimStart":
                case "TrimEnd":
                case "Equal":
                case "NotEqual":
                case "AreEqual":
                case "AreNotEqual":
                case "StrictEqual":
                case "Be":
                case "NotBe":
                case "BeOneOf":
                case "StartWith":
                case "EndWith":
                case "Contain":
                case "NotContain":
                    return true;
                default:
                    return false;
            }
        }

        // ---- verdicts ---------------------------------------------------------------------------

        /// <param name="declaredElsewhere">
        /// The value is a constant declared in another file, reported at its use here: the declaration is judged
        /// in its own file, so the use is reported only when it tells more — this file's policy denies it, or
        /// the id is one that only counts in a model position.
        /// </param>
        private void JudgeModel(SyntaxNode node, string id, Position position, bool declaredElsewhere = false)
        {
            if (!ModelIdShape.IsPlausible(id))
            {
                return;
            }

            var match = catalog.MatchModel(id);
            if (match == null)
            {
                if (position.Strength != Strength.Strong)
                {
                    return;
                }
            }
            else if (position.Strength == Strength.Anywhere && (match.PositionOnly || !IsSpecific(id)))
            {
                return;
            }

            var verdict = PolicyEvaluator.EvaluateModel(Policy, id, match);
            if (declaredElsewhere && !verdict.IsDenied && match != null && !match.PositionOnly && IsSpecific(id))
            {
                return;
            }

            if (!MarkReported(node, ValueKind.Model))
            {
                return;
            }

            cache.RecordModelUse(match);

            Report(Findings.ForModel(node, id, match, verdict, position, Policy), verdict);
        }

        /// <param name="continues">True for an interpolated text part followed by a hole: a host that runs to its end may go on.</param>
        private void JudgeEndpoint(SyntaxNode node, string text, int start, int end, Position position, bool continues = false, bool declaredElsewhere = false)
        {
            if (!UrlText.TryGetHost(text, start, end, out var hostStart, out var hostLength, out var complete) || (continues && !complete))
            {
                return;
            }

            var entry = catalog.MatchHost(text, hostStart, hostLength);
            if (position.Strength != Strength.Strong && (entry == null || !entry.IsApiPath(text, PathStart(text, hostStart + hostLength, end), PathEnd(text, end))))
            {
                return;
            }

            var host = text.Substring(hostStart, hostLength).ToLowerInvariant();
            var verdict = PolicyEvaluator.EvaluateEndpoint(Policy, host, entry);
            if ((declaredElsewhere && !verdict.IsDenied && entry != null) || !MarkReported(node, ValueKind.Endpoint))
            {
                return;
            }

            Report(Findings.ForEndpoint(node, host, entry, UrlText.IsLocalHost(text, hostStart, hostLength), verdict, position, Policy), verdict);
        }

        private static int PathStart(string text, int afterHost, int end)
        {
            var i = afterHost;
            while (i < end && text[i] != '/' && text[i] != '?' && text[i] != '#')
            {
                i++; // the port
            }

            return i;
        }

        private static int PathEnd(string text, int end)
        {
            for (var i = 0; i < end; i++)
            {
                if (text[i] == '"' || char.IsWhiteSpace(text[i]))
                {
                    return i;
                }
            }

            return end;
        }

        /// <summary>
        /// Outside a model position only a specific id counts: <c>qwen-max</c>, <c>llama3.1</c>,
        /// <c>Qwen/Qwen2.5-7B-Instruct</c>, a .gguf file; not a bare family word such as <c>claude</c> or <c>qwen</c>.
        /// </summary>
        private static bool IsSpecific(string id)
        {
            var start = 0;
            for (var i = 0; i < id.Length; i++)
            {
                if (id[i] == '/' || id[i] == '\\')
                {
                    start = i + 1;
                }
            }

            if (id.Length - start < 4)
            {
                return false;
            }

            for (var i = start; i < id.Length; i++)
            {
                var c = id[i];
                if ((c >= '0' && c <= '9') || ((c == '-' || c == '.' || c == ':') && i > start && i < id.Length - 1))
                {
                    return true;
                }
            }

            return false;
        }

        private void Report(Diagnostic finding, Verdict verdict)
        {
            report(finding);
            report(Findings.Inventory(finding, verdict));
        }

        private bool MarkReported(SyntaxNode node, ValueKind kind) =>
            (reported ??= new HashSet<(int, ValueKind)>()).Add((node.SpanStart, kind));
    }
}
