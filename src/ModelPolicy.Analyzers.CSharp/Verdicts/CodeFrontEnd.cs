using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Sites;
using ModelPolicy.Analyzers.Values;
using ModelPolicy.Catalog;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Verdicts
{
    /// <summary>Where a value sits inside a string's JSON text: offset and length in the string's value text.</summary>
    internal readonly struct JsonValueSpan
    {
        public JsonValueSpan(int start, int length)
        {
            Start = start;
            Length = length;
        }

        public int Start { get; }

        public int Length { get; }
    }

    /// <summary>
    /// The verdict pipeline's front end for one C# file: the sites hand it a value and the position it is used in; it
    /// decides whether that value counts there (the catalog must know it with confidence outside a model position), hands
    /// it to the <see cref="VerdictPipeline"/> under the file's policy, and reports each literal once. One per file, made
    /// the first time a node passes its site's cheap syntax tests.
    /// </summary>
    internal sealed class CodeFrontEnd
    {
        private readonly VerdictPipeline pipeline;
        private readonly CompilationState state;
        private readonly SiteContext site;
        private readonly FileScan file;
        private List<ResolvedValue>? values;

        /// <param name="site">The site and its file's scan: in a dry run (no report) every decision is made, nothing is
        /// reported or tallied; the scan's reported set holds each location once.</param>
        public CodeFrontEnd(SiteContext site)
        {
            this.site = site;
            file = site.File;
            Model = file.Model;
            state = file.State;
            pipeline = file.Pipeline;
            CancellationToken = file.CancellationToken;
        }

        /// <summary>How many values have been reported (in a dry run: would have been).</summary>
        public int ReportCount { get; private set; }

        public SemanticModel Model { get; }

        public ModelCatalog Catalog => state.Catalog;

        public CancellationToken CancellationToken { get; }

        private ModelPolicySettings Policy => file.Policy;

        /// <summary>Follows an expression to the strings it can take and reports each as what the position expects.</summary>
        public void ReportUse(ExpressionSyntax expression, ValuePosition position)
        {
            var list = values ??= new List<ResolvedValue>();
            list.Clear();
            ValueResolver.Resolve(expression, Model, list, CancellationToken);
            foreach (var value in list)
            {
                if (!site.Ownership.Owns(value.Node, value.DeclaredElsewhere, site))
                {
                    continue;
                }

                if (position.Kind == ValueKind.Model && UrlText.SchemeLength(value.Value, 0, value.Value.Length) == 0)
                {
                    ReportModel(value.Node, value.Value, position, value.DeclaredElsewhere);
                }
                else
                {
                    ReportEndpoint(value.Node, value.Value, 0, value.Value.Length, position, declaredElsewhere: value.DeclaredElsewhere);
                }
            }
        }

        /// <param name="declaredElsewhere">
        /// The value is a constant declared in another file, reported at its use here: the declaration is judged
        /// in its own file, so the use is reported only when it tells more — this file's policy denies it, or
        /// the id is one that only counts in a model position.
        /// </param>
        /// <param name="json">Where the id sits inside the node's JSON text, for a value of a request body in a string.</param>
        public void ReportModel(SyntaxNode node, string id, ValuePosition position, bool declaredElsewhere = false, JsonValueSpan? json = null)
        {
            if (!ModelIdShape.IsPlausible(id))
            {
                return;
            }

            var match = Catalog.MatchModel(id);
            if (match == null)
            {
                // An id the catalog does not know counts only in an API position, and not as a placeholder: a test's
                // made-up id, or a generic word ("model", "deployment-name") anywhere.
                if (position.Evidence != Evidence.ApiPosition || IsTestCode || Placeholders.IsPlaceholderModel(id, position.Name))
                {
                    return;
                }
            }
            else if (position.Evidence == Evidence.TextOnly
                && ((!ModelCountsUnnamed(id, match) && !ModelListContext.IsEntryOfModelList(node, id, Catalog)) || OtherNameContext.IsNameOfSomethingElse(node)))
            {
                // Outside a model position: an ambiguous id counts only as an entry of a list of models (O1 => "o1"), and
                // no id counts where it names a native library, a meter or search text.
                return;
            }

            var finding = pipeline.JudgeModel(id, match, Policy, position.Name);
            if (declaredElsewhere && !finding.Verdict.IsDenied && match != null && !match.PositionOnly && ModelIdText.IsSpecific(id))
            {
                return;
            }

            if (CodeKinds.IsInMigration(node))
            {
                return;
            }

            // Anywhere (no position vouches for it): not a bare hub organisation (deepseek-ai; "qwen" is also an Ollama model, so
            // only here), a path fragment (deployments/claude-haiku), an assertion's expected value, a logged value, a tokenizer
            // look-up or a provider name (Sites/NotAChoice).
            if (position.Evidence == Evidence.TextOnly
                && (Catalog.IsHubOrganisation(id) || IsPathFragment(id) || NotAChoice.Applies(node, isModel: true, id, Model, CancellationToken)))
            {
                return;
            }

            var location = LocationOf(node, json);
            if (MarkReported(location, ValueKind.Model) && file.Report is { } report)
            {
                pipeline.ReportInCode(json is { } at && location.SourceSpan != node.Span ? finding.InJsonText(at.Start, at.Length) : finding, location, Policy, report);
            }
        }

        /// <summary>A URL in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
        /// <param name="continues">True for an interpolated text part followed by a hole: a host that runs to its end may go on.</param>
        public void ReportEndpoint(SyntaxNode node, string text, int start, int end, ValuePosition position, bool continues = false, bool declaredElsewhere = false, JsonValueSpan? json = null)
        {
            var found = UrlText.TryGetHost(text, start, end, out var hostStart, out var hostLength, out var complete);
            if (continues && (!found || !complete))
            {
                // $"https://{account}.openai.azure.com/": the host runs into a hole; judge the whole string as a template.
                if (node is InterpolatedStringExpressionSyntax interpolated)
                {
                    var template = UrlTemplate.Text(interpolated);
                    ReportEndpoint(node, template, 0, template.Length, position, continues: false, declaredElsewhere);
                }

                return;
            }

            if (!found)
            {
                return;
            }

            // A host with holes is matched with each hole filled by one label; the host reported is the template's.
            string? templateHost = null;
            if (UrlTemplate.HasHole(text, hostStart, hostLength))
            {
                templateHost = text.Substring(hostStart, hostLength).ToLowerInvariant();
                var onlyHole = UrlTemplate.IsOnlyHole(text, hostStart, hostLength);
                text = UrlTemplate.Fill(text, hostStart, hostLength, end, out var filledLength);
                end = text.Length;
                hostLength = filledLength;
                if (onlyHole && !ModelServers.IsAiApiPath(text, EndpointText.PathStart(text, hostStart + hostLength, end), end))
                {
                    return; // "https://{0}/…": nothing says an AI API is behind it
                }
            }

            var entry = Catalog.MatchHost(text, hostStart, hostLength);
            var server = entry == null ? ModelServers.Find(text, hostStart, hostLength, end) : null;

            // A catalog host, or a model server found on its own text, is reported at its declaration in any position: a
            // constant from another file is reported at this use only when this file's policy denies it.
            var countsAnywhere = entry != null || server != null;
            if ((position.Evidence is Evidence.NameOnUserType or Evidence.NameOnFrameworkType) && entry == null && server == null)
            {
                // settings.BaseUrl = "http://localhost:8000/": a model server's port in an endpoint member of the user's own type or
                // the framework's (new Uri(…), HttpClient.BaseAddress), where the port alone names it (ModelServer.ByPortAlone).
                server = ModelServers.ByPort(text, hostStart, hostLength, end);
            }

            // An endpoint member or parameter of the user's own type or the framework (BaseAddress = "https://open.bigmodel.cn/",
            // new Uri(…)) names a catalog host's endpoint whatever the path; a literal anywhere must be under the host's API path.
            var named = (position.Evidence is Evidence.NameOnUserType or Evidence.NameOnFrameworkType) && entry != null;
            if (position.Evidence != Evidence.ApiPosition && server == null && !named && !EndpointCountsUnnamed(entry, text, hostStart + hostLength, end)
                && !(entry == null && IsNamedEndpointDeclaration(node) && EndpointText.IsAiApiBase(text, hostStart, hostLength, end)))
            {
                return;
            }

            // In test code a host neither the catalog nor the model servers know is made up (https://my.custom.com/expected/test/endpoint),
            // as an unknown id is, and so is a made-up name with a port: real provider hosts and local model servers are still
            // reported there.
            if (entry == null && IsTestCode && (server == null || IsMadeUpServerName(text, hostStart, hostLength, end, server)))
            {
                return;
            }

            // A host nobody can send a prompt to as written (example.com, https://endpoint) or a media file: a placeholder.
            if (entry == null && server == null && (Placeholders.IsPlaceholderHost(text, hostStart, hostLength, hostStart + hostLength, end) || EndpointText.IsMediaUrl(text, hostStart + hostLength, end)))
            {
                return;
            }

            if (CodeKinds.IsInMigration(node))
            {
                return;
            }

            if (position.Evidence != Evidence.ApiPosition && (EndpointText.IsFileDownload(text, hostStart + hostLength, end) || NotAChoice.Applies(node, isModel: false, text, Model, CancellationToken)))
            {
                return;
            }

            var host = templateHost ?? text.Substring(hostStart, hostLength).ToLowerInvariant();
            var finding = pipeline.JudgeEndpoint(host, entry, UrlText.IsLocalHost(text, hostStart, hostLength) || server != null, Policy, position.Name, server);
            var location = LocationOf(node, json);
            if ((declaredElsewhere && !finding.Verdict.IsDenied && countsAnywhere) || !MarkReported(location, ValueKind.Endpoint) || file.Report is not { } report)
            {
                return;
            }

            pipeline.ReportInCode(json is { } at && location.SourceSpan != node.Span ? finding.InJsonText(at.Start, at.Length) : finding, location, Policy, report);
        }

        /// <summary>
        /// Whether a URL on its own text can count only in an SDK's own endpoint position (<see cref="Evidence.ApiPosition"/>):
        /// its host is no catalog host and no model server (by host, port or path), and it is no AI API base. In any other
        /// position <see cref="ReportEndpoint"/> reports nothing for it, so a leaf with such a text asks only the uses that
        /// can be an SDK's (<see cref="Sites.Leaf.Judge(SyntaxNode, List{SyntaxNode}, bool, Sites.SiteContext)"/>). False where
        /// the text is no URL with a scheme or its host has a hole: those are judged in full.
        /// </summary>
        public static bool CountsOnlyInApiPosition(string text, ModelCatalog catalog)
        {
            var end = text.Length;
            if (UrlText.SchemeLength(text, 0, end) == 0 || !UrlText.TryGetHost(text, 0, end, out var hostStart, out var hostLength, out _)
                || UrlTemplate.HasHole(text, hostStart, hostLength))
            {
                return false;
            }

            return catalog.MatchHost(text, hostStart, hostLength) == null
                && ModelServers.Find(text, hostStart, hostLength, end) == null
                && ModelServers.ByPort(text, hostStart, hostLength, end) == null
                && !EndpointCountsUnnamed(null, text, hostStart + hostLength, end)
                && !EndpointText.IsAiApiBase(text, hostStart, hostLength, end);
        }

        /// <summary>Outside a model position only an id the catalog knows with confidence counts: not a word that is only an id in a model position, not a bare family name.</summary>
        private static bool ModelCountsUnnamed(string id, ModelMatch match) => !match.PositionOnly && ModelIdText.IsSpecific(id);

        /// <summary>
        /// Outside an endpoint position a catalog host under its API path counts, and a host the catalog does not know under
        /// a path only AI APIs use (<c>/v1/chat/completions</c>, <c>/api/generate</c>, <c>:generateContent</c>).
        /// </summary>
        private static bool EndpointCountsUnnamed(HostEntry? entry, string text, int afterHost, int end)
        {
            var pathStart = EndpointText.PathStart(text, afterHost, end);
            var pathEnd = EndpointText.PathEnd(text, afterHost, end);
            return entry != null ? entry.IsApiPath(text, pathStart, pathEnd) : ModelServers.IsAiApiPath(text, pathStart, pathEnd);
        }

        /// <summary>
        /// In a test, <c>https://fake-random-test-host:123/…</c>, <c>https://something:8080/chat/completions</c>: a single-label
        /// host with a port that is no model server's own (a shared port such as 8080 does not make a server of a made-up
        /// name). A container name with its server's distinctive port (<c>http://ollama:11434</c>) stays an endpoint.
        /// </summary>
        private static bool IsMadeUpServerName(string text, int hostStart, int hostLength, int end, ModelServer? server)
        {
            var afterHost = hostStart + hostLength;
            return afterHost < end && text[afterHost] == ':' && !UrlText.IsLocalHost(text, hostStart, hostLength)
                && ModelServers.IsLocalOrContainerHost(text, hostStart, hostLength) && !(server != null && server.DistinctivePort);
        }

        /// <summary>
        /// <c>deployments/claude-haiku</c>, <c>engines/davinci</c>: a fragment of an Azure OpenAI URL path (for matching request
        /// URLs), not an id a request carries.
        /// </summary>
        private static bool IsPathFragment(string id) =>
            id.StartsWith("deployments/", StringComparison.OrdinalIgnoreCase) || id.StartsWith("engines/", StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// The initializer of a constant, a static readonly field or a get-only property whose name says endpoint
        /// (<c>const string DefaultEndpoint = "https://model.floxi.ai/v1"</c>, <c>static readonly string BaseUrl</c>).
        /// </summary>
        private static bool IsNamedEndpointDeclaration(SyntaxNode node)
        {
            switch (node.Parent)
            {
                case EqualsValueClauseSyntax { Parent: VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Parent: FieldDeclarationSyntax field } } declarator }:
                    var fixedValue = false;
                    var isStatic = false;
                    foreach (var modifier in field.Modifiers)
                    {
                        fixedValue |= modifier.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ConstKeyword) || modifier.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ReadOnlyKeyword);
                        isStatic |= modifier.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.ConstKeyword) || modifier.IsKind(Microsoft.CodeAnalysis.CSharp.SyntaxKind.StaticKeyword);
                    }

                    return fixedValue && isStatic && PositionNames.IsEndpointName(declarator.Identifier.ValueText);
                case EqualsValueClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return PositionNames.IsEndpointName(property.Identifier.ValueText);
                case ArrowExpressionClauseSyntax { Parent: PropertyDeclarationSyntax property }:
                    return PositionNames.IsEndpointName(property.Identifier.ValueText);
                default:
                    return false;
            }
        }

        private bool IsTestCode => file.IsTestCode;

        private bool MarkReported(Location location, ValueKind kind)
        {
            if (!file.Reported.Add((location.SourceSpan.Start, kind)))
            {
                return false;
            }

            ReportCount++;
            return true;
        }

        /// <summary>
        /// The node, or for a value inside JSON text on a later line of a multi-line (raw or verbatim) string, the value's
        /// own characters. Where the value is written with escapes its characters cannot be found in the
        /// source as they are, and the whole string is the location.
        /// </summary>
        private static Location LocationOf(SyntaxNode node, JsonValueSpan? json)
        {
            var token = node switch
            {
                LiteralExpressionSyntax literal => literal.Token,
                InterpolatedStringTextSyntax part => part.TextToken,
                _ => default,
            };
            if (json is not { } at || token.RawKind == 0)
            {
                return node.GetLocation();
            }

            var valueText = token.ValueText;
            if (at.Start < 0 || at.Length <= 0 || at.Start + at.Length > valueText.Length)
            {
                return node.GetLocation();
            }

            var value = valueText.Substring(at.Start, at.Length);
            var occurrence = 0;
            for (var i = valueText.IndexOf(value, 0, System.StringComparison.Ordinal); i >= 0 && i < at.Start; i = valueText.IndexOf(value, i + value.Length, System.StringComparison.Ordinal))
            {
                occurrence++;
            }

            var source = token.Text;
            var found = source.IndexOf(value, System.StringComparison.Ordinal);
            for (var n = 0; n < occurrence && found >= 0; n++)
            {
                found = source.IndexOf(value, found + value.Length, System.StringComparison.Ordinal);
            }

            if (found < 0)
            {
                return node.GetLocation();
            }

            // On the string's first line the whole string is the location (one squiggle per request body); on a later
            // line of a multi-line string, the value's own characters, so the line a build prints is the value's.
            var span = new Microsoft.CodeAnalysis.Text.TextSpan(token.SpanStart + found, value.Length);
            var lines = node.SyntaxTree.GetText().Lines;
            return lines.GetLineFromPosition(span.Start).LineNumber == lines.GetLineFromPosition(node.SpanStart).LineNumber
                ? node.GetLocation()
                : Location.Create(node.SyntaxTree, span);
        }
    }
}
