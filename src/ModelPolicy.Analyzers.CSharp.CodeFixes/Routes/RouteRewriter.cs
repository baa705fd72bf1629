using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>
    /// Moves literals into routes, for one diagnostic or a whole Fix All, in one pass: every candidate is found
    /// first, route names are given per project against its appsettings.json and each other, then each document
    /// is rewritten once and each project's appsettings.json is edited (or created) once.
    /// </summary>
    internal static class RouteRewriter
    {
        private const string StaticAccess = "global::ModelPolicy.Routing.ModelRoutes.Default";
        private const string RoutesType = "global::ModelPolicy.Routing.IModelRoutes";

        /// <summary>
        /// Whether the fix may add appsettings.json to a project that has none: the host's workspace must allow adding
        /// additional documents. MSBuildWorkspace (<c>dotnet format</c>, language servers) does not; there a project
        /// without the file keeps its literals and the fix's title says so. (The package's targets give such hosts an
        /// appsettings.json item before the file exists, which the fix then fills: changing an additional document is
        /// allowed there.) <c>modelpolicy fix</c> writes the file itself and passes <c>true</c>.
        /// </summary>
        public static bool CanAddSettingsFile(Solution solution) =>
            solution.Workspace.CanApplyChange(ApplyChangesKind.AddAdditionalDocument);

        public static async Task<IReadOnlyList<RouteCandidate>> PlanAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken, bool? canAddSettingsFile = null)
        {
            var candidates = new List<RouteCandidate>();
            var seen = new HashSet<(DocumentId, TextSpan, int, int)>();
            foreach (var (document, diagnostic) in diagnostics)
            {
                foreach (var candidate in await RouteCandidateFinder.FindAsync(document, diagnostic, cancellationToken).ConfigureAwait(false))
                {
                    var key = (candidate.DocumentId, candidate.Target.Span, candidate.IsInJson ? candidate.JsonPart?.SpanStart ?? 0 : -1, candidate.IsInJson ? candidate.JsonValueStart : -1);
                    if (seen.Add(key))
                    {
                        candidates.Add(candidate);
                    }
                }
            }

            var canAdd = canAddSettingsFile ?? CanAddSettingsFile(solution);
            foreach (var project in candidates.GroupBy(c => c.DocumentId.ProjectId).ToList())
            {
                var settings = await AppSettingsRoutes.ReadAsync(solution.GetProject(project.Key)!, cancellationToken).ConfigureAwait(false);
                if (!settings.Readable)
                {
                    candidates.RemoveAll(c => c.DocumentId.ProjectId == project.Key);
                    continue;
                }

                if (settings.Document == null && !canAdd)
                {
                    foreach (var candidate in project)
                    {
                        candidate.NeedsSettingsFile = true;
                    }
                }

                NameRoutes(solution, project.ToList(), settings, out _);
            }

            return candidates;
        }

        public static async Task<Solution> ApplyAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken, bool? canAddSettingsFile = null) =>
            (await ApplyWithPlanAsync(solution, diagnostics, cancellationToken, canAddSettingsFile).ConfigureAwait(false)).Solution;

        /// <summary>The fixed solution and the literals moved (with their routes), for a host that reports them (<c>modelpolicy fix</c>).</summary>
        public static async Task<(Solution Solution, IReadOnlyList<RouteCandidate> Moved)> ApplyWithPlanAsync(Solution solution, IEnumerable<(Document Document, Diagnostic Diagnostic)> diagnostics, CancellationToken cancellationToken, bool? canAddSettingsFile = null)
        {
            var candidates = (await PlanAsync(solution, diagnostics, cancellationToken, canAddSettingsFile).ConfigureAwait(false)).Where(c => !c.NeedsSettingsFile).ToList();
            var result = solution;
            foreach (var project in candidates.GroupBy(c => c.DocumentId.ProjectId))
            {
                var settings = await AppSettingsRoutes.ReadAsync(solution.GetProject(project.Key)!, cancellationToken).ConfigureAwait(false);
                var inProject = project.ToList();
                NameRoutes(solution, inProject, settings, out var added);
                var newLine = "\n";
                foreach (var document in inProject.GroupBy(c => c.DocumentId))
                {
                    var original = solution.GetDocument(document.Key)!;
                    var text = await original.GetTextAsync(cancellationToken).ConfigureAwait(false);
                    if (text.ToString().Contains("\r\n"))
                    {
                        newLine = "\r\n";
                    }

                    var rewritten = await RewriteAsync(original, document.ToList(), cancellationToken).ConfigureAwait(false);
                    result = result.WithDocumentSyntaxRoot(document.Key, (await rewritten.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false))!);
                }

                if (added.Count == 0)
                {
                    continue;
                }

                var json = settings.AddRoutes(added, newLine);
                if (settings.Document != null)
                {
                    result = result.WithAdditionalDocumentText(settings.Document.Id, SourceText.From(json, (await settings.Document.GetTextAsync(cancellationToken).ConfigureAwait(false)).Encoding));
                }
                else
                {
                    var directory = AppSettingsRoutes.ProjectDirectory(solution.GetProject(project.Key)!);
                    var filePath = directory == null ? null : System.IO.Path.Combine(directory, AppSettingsRoutes.FileName);
                    result = result.GetProject(project.Key)!.AddAdditionalDocument(AppSettingsRoutes.FileName, SourceText.From(json, System.Text.Encoding.UTF8), folders: null, filePath: filePath).Project.Solution;
                }
            }

            return (result, candidates);
        }

        /// <summary>
        /// Gives each candidate its route: a model and an endpoint of one call share one; a route with the same
        /// values (in appsettings.json or given earlier in this pass) is reused; else base, base-2, base-3…
        /// </summary>
        private static void NameRoutes(Solution solution, List<RouteCandidate> candidates, AppSettingsRoutes settings, out List<RouteEntry> added)
        {
            added = new List<RouteEntry>();
            var routes = new Dictionary<string, RouteEntry>(settings.Routes, StringComparer.OrdinalIgnoreCase);
            var ordered = candidates
                .OrderBy(c => solution.GetDocument(c.DocumentId)?.FilePath ?? solution.GetDocument(c.DocumentId)?.Name, StringComparer.Ordinal)
                .ThenBy(c => c.Target.SpanStart);
            var groups = new List<List<RouteCandidate>>();
            var byGroup = new Dictionary<(DocumentId, TextSpan), List<RouteCandidate>>();
            foreach (var candidate in ordered)
            {
                if (candidate.Group != null && byGroup.TryGetValue((candidate.DocumentId, candidate.Group.Span), out var existing)
                    && !existing.Any(c => c.IsEndpoint == candidate.IsEndpoint))
                {
                    existing.Add(candidate);
                    continue;
                }

                var group = new List<RouteCandidate> { candidate };
                groups.Add(group);
                if (candidate.Group != null && !byGroup.ContainsKey((candidate.DocumentId, candidate.Group.Span)))
                {
                    byGroup[(candidate.DocumentId, candidate.Group.Span)] = group;
                }
            }

            foreach (var group in groups)
            {
                var model = group.FirstOrDefault(c => !c.IsEndpoint);
                var endpoint = group.FirstOrDefault(c => c.IsEndpoint);
                var baseName = (model ?? endpoint)!.BaseName;
                var reused = routes.Values
                    .Where(r => IsNumbered(r.Name, baseName)
                        && (model == null || string.Equals(r.Model, model.Value, StringComparison.Ordinal))
                        && (endpoint == null || string.Equals(r.Endpoint, endpoint.Value, StringComparison.Ordinal)))
                    .OrderBy(r => r.Name.Length).ThenBy(r => r.Name, StringComparer.Ordinal)
                    .FirstOrDefault();
                if (reused == null)
                {
                    var name = baseName;
                    for (var n = 2; routes.ContainsKey(name); n++)
                    {
                        name = baseName + "-" + n;
                    }

                    reused = new RouteEntry(name, model?.Value, endpoint?.Value) { Provider = model?.Provider ?? endpoint?.Provider };
                    routes[name] = reused;
                    added.Add(reused);
                }

                foreach (var candidate in group)
                {
                    candidate.RouteName = reused.Name;
                }
            }
        }

        private static bool IsNumbered(string name, string baseName)
        {
            if (string.Equals(name, baseName, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (name.Length <= baseName.Length + 1 || !name.StartsWith(baseName + "-", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            for (var i = baseName.Length + 1; i < name.Length; i++)
            {
                if (name[i] < '0' || name[i] > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static async Task<Document> RewriteAsync(Document document, List<RouteCandidate> candidates, CancellationToken cancellationToken)
        {
            var editor = await DocumentEditor.CreateAsync(document, cancellationToken).ConfigureAwait(false);
            foreach (var candidate in candidates.Where(c => !c.IsInJson))
            {
                editor.ReplaceNode(candidate.Target, Lookup(candidate).WithTriviaFrom(candidate.Target));
            }

            foreach (var inString in candidates.Where(c => c.IsInJson).GroupBy(c => c.Target))
            {
                var replacement = JsonHoles(inString.Key, inString.ToList());
                if (replacement != null)
                {
                    editor.ReplaceNode(inString.Key, replacement.WithTriviaFrom(inString.Key));
                }
            }

            foreach (var declaration in candidates.Select(c => c.ConstDeclaration).Where(d => d != null).Distinct())
            {
                editor.ReplaceNode(declaration!, (node, _) => RemoveConst(node));
            }

            foreach (var type in candidates.Where(c => c.Access == RouteAccess.Inject).Select(c => c.InjectInto!).Distinct())
            {
                editor.ReplaceNode(type, (node, generator) => Inject((ClassDeclarationSyntax)node, generator));
            }

            var changed = editor.GetChangedDocument();
            changed = await ImportAdder.AddImportsAsync(changed, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            changed = await Simplifier.ReduceAsync(changed, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(changed, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        /// <summary>The string with each JSON value replaced by a hole that reads its route (the Simplifier shortens the static form).</summary>
        private static ExpressionSyntax? JsonHoles(ExpressionSyntax target, List<RouteCandidate> candidates)
        {
            var holes = candidates.Select(c => new JsonHole(c.JsonPart, c.JsonValueStart, c.JsonValueLength, HoleExpression(c))).ToList();
            var text = JsonStringRewriter.Rewrite(target, holes);
            if (text == null)
            {
                return null;
            }

            var parsed = SyntaxFactory.ParseExpression(text);
            if (parsed.ContainsDiagnostics || parsed is not InterpolatedStringExpressionSyntax)
            {
                return null;
            }

            var statics = new HashSet<string>(holes.Where(h => h.Expression.StartsWith(StaticHoleAccess, StringComparison.Ordinal)).Select(h => h.Expression), StringComparer.Ordinal);
            return parsed.ReplaceNodes(
                parsed.DescendantNodes().OfType<InterpolationSyntax>().Where(i => statics.Contains(i.Expression.ToString())).Select(i => i.Expression),
                (original, _) => original.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
        }

        // No 'global::' in a hole: its ':' would start the interpolation's format.
        private const string StaticHoleAccess = "ModelPolicy.Routing.ModelRoutes.Default";

        private static string HoleExpression(RouteCandidate candidate)
        {
            var access = candidate.Access switch
            {
                RouteAccess.Existing => candidate.ExistingName!,
                RouteAccess.Inject => RouteCandidateFinder.FieldName,
                _ => StaticHoleAccess,
            };
            var name = SyntaxFactory.Literal(candidate.RouteName).Text;
            return candidate.IsEndpoint ? access + ".GetEndpoint(" + name + ").AbsoluteUri" : access + ".GetModel(" + name + ")";
        }

        private static ExpressionSyntax Lookup(RouteCandidate candidate)
        {
            var access = candidate.Access switch
            {
                RouteAccess.Existing => candidate.ExistingName!,
                RouteAccess.Inject => RouteCandidateFinder.FieldName,
                _ => StaticAccess,
            };
            var name = SyntaxFactory.Literal(candidate.RouteName).Text;
            var call = candidate.IsEndpoint
                ? access + ".GetEndpoint(" + name + ")" + (candidate.ReplacesUri ? string.Empty : ".AbsoluteUri")
                : access + ".GetModel(" + name + ")";
            return SyntaxFactory.ParseExpression(call).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        /// <summary><c>const</c> → <c>static readonly</c> for a field; a constant local just loses <c>const</c>.</summary>
        private static SyntaxNode RemoveConst(SyntaxNode node)
        {
            switch (node)
            {
                case FieldDeclarationSyntax field:
                    var modifiers = new List<SyntaxToken>();
                    foreach (var modifier in field.Modifiers)
                    {
                        if (modifier.IsKind(SyntaxKind.ConstKeyword))
                        {
                            modifiers.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                            modifiers.Add(SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.ReadOnlyKeyword, modifier.TrailingTrivia));
                        }
                        else
                        {
                            modifiers.Add(modifier);
                        }
                    }

                    return field.WithModifiers(SyntaxFactory.TokenList(modifiers));
                case LocalDeclarationStatementSyntax local:
                    var leading = local.GetLeadingTrivia();
                    return local.WithModifiers(SyntaxFactory.TokenList(local.Modifiers.Where(m => !m.IsKind(SyntaxKind.ConstKeyword)))).WithLeadingTrivia(leading);
                default:
                    return node;
            }
        }

        /// <summary>Adds <c>IModelRoutes routes</c>: a primary-constructor parameter, or a field assigned in every constructor (one is created if none).</summary>
        private static SyntaxNode Inject(ClassDeclarationSyntax type, SyntaxGenerator generator)
        {
            var routesType = SyntaxFactory.ParseTypeName(RoutesType).WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var parameter = SyntaxFactory.Parameter(SyntaxFactory.Identifier(RouteCandidateFinder.FieldName)).WithType(routesType);
            if (type.ParameterList != null)
            {
                return type.WithParameterList(AddParameter(type.ParameterList, parameter).WithAdditionalAnnotations(Formatter.Annotation));
            }

            var field = ((FieldDeclarationSyntax)generator.FieldDeclaration(RouteCandidateFinder.FieldName, routesType, Accessibility.Private, DeclarationModifiers.ReadOnly))
                .WithAdditionalAnnotations(Formatter.Annotation);
            var assignment = (StatementSyntax)generator.ExpressionStatement(generator.AssignmentStatement(
                generator.MemberAccessExpression(generator.ThisExpression(), RouteCandidateFinder.FieldName),
                generator.IdentifierName(RouteCandidateFinder.FieldName)));
            assignment = assignment.WithAdditionalAnnotations(Formatter.Annotation);

            var members = type.Members;
            var constructors = members.OfType<ConstructorDeclarationSyntax>().Where(c => !c.Modifiers.Any(SyntaxKind.StaticKeyword)).ToList();
            foreach (var constructor in constructors)
            {
                var current = members.First(m => m.IsEquivalentTo(constructor) && m.Span == constructor.Span);
                var updated = ((ConstructorDeclarationSyntax)current)
                    .WithParameterList(AddParameter(constructor.ParameterList, parameter).WithAdditionalAnnotations(Formatter.Annotation))
                    .WithBody(constructor.Body!.WithStatements(constructor.Body.Statements.Insert(0, assignment)));
                members = members.Replace(current, updated);
            }

            var fieldIndex = 0;
            for (var i = 0; i < members.Count; i++)
            {
                if (members[i] is FieldDeclarationSyntax)
                {
                    fieldIndex = i + 1;
                }
            }

            members = members.Insert(fieldIndex, field);
            if (constructors.Count == 0)
            {
                var constructor = ((ConstructorDeclarationSyntax)generator.ConstructorDeclaration(
                    type.Identifier.ValueText,
                    new[] { parameter },
                    type.Modifiers.Any(SyntaxKind.AbstractKeyword) ? Accessibility.Protected : Accessibility.Public,
                    statements: new SyntaxNode[] { assignment })).WithAdditionalAnnotations(Formatter.Annotation);
                members = members.Insert(fieldIndex + 1, constructor);
            }

            return type.WithMembers(members);
        }

        private static ParameterListSyntax AddParameter(ParameterListSyntax list, ParameterSyntax parameter)
        {
            var index = list.Parameters.Count;
            for (var i = 0; i < list.Parameters.Count; i++)
            {
                if (list.Parameters[i].Default != null || list.Parameters[i].Modifiers.Any(SyntaxKind.ParamsKeyword))
                {
                    index = i;
                    break;
                }
            }

            return list.WithParameters(list.Parameters.Insert(index, parameter));
        }
    }
}
