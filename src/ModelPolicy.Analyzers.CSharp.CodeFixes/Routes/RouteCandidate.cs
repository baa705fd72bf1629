using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace ModelPolicy.Analyzers.CodeFixes.Routes
{
    /// <summary>How the route is read where the literal was.</summary>
    internal enum RouteAccess
    {
        /// <summary>An <c>IModelRoutes</c> field, property, parameter or local already in scope.</summary>
        Existing,

        /// <summary>A constructor (or primary-constructor) parameter added to the class.</summary>
        Inject,

        /// <summary><c>ModelRoutes.Default</c>: static members, field initializers, top-level statements, classes created with <c>new</c>.</summary>
        Static,
    }

    /// <summary>One literal to move into a route: what replaces it, and what the route holds.</summary>
    internal sealed class RouteCandidate
    {
        public RouteCandidate(DocumentId documentId, ExpressionSyntax target, bool isEndpoint, string value)
        {
            DocumentId = documentId;
            Target = target;
            IsEndpoint = isEndpoint;
            Value = value;
        }

        public DocumentId DocumentId { get; }

        /// <summary>The expression replaced: the literal, or the whole <c>new Uri("…")</c> when <see cref="ReplacesUri"/>.</summary>
        public ExpressionSyntax Target { get; }

        public bool IsEndpoint { get; }

        /// <summary>The model id, or the endpoint URL as written.</summary>
        public string Value { get; }

        public bool ReplacesUri { get; set; }

        /// <summary>The route name before numbering: chat, embedding, image, audio, moderation, the catalog kind, or model.</summary>
        public string BaseName { get; set; } = "model";

        public string? Provider { get; set; }

        /// <summary>The call or initializer a model and an endpoint share (they go to one route).</summary>
        public SyntaxNode? Group { get; set; }

        public RouteAccess Access { get; set; }

        /// <summary>The name of the existing <c>IModelRoutes</c> symbol (<see cref="RouteAccess.Existing"/>).</summary>
        public string? ExistingName { get; set; }

        /// <summary>The class given a <c>routes</c> parameter (<see cref="RouteAccess.Inject"/>).</summary>
        public TypeDeclarationSyntax? InjectInto { get; set; }

        /// <summary>A <c>const</c> declaration that holds the literal and must become <c>static readonly</c> (or a plain local).</summary>
        public SyntaxNode? ConstDeclaration { get; set; }

        /// <summary>Assigned once all candidates of the project are known.</summary>
        public string RouteName { get; set; } = string.Empty;

        /// <summary>
        /// The value sits inside JSON in the string <see cref="Target"/>: it becomes a hole of an interpolated string
        /// (<see cref="JsonStringRewriter"/>) rather than replacing the whole expression.
        /// </summary>
        public bool IsInJson { get; set; }

        /// <summary>The interpolated string's text part that holds the JSON value (null for a string literal).</summary>
        public InterpolatedStringTextSyntax? JsonPart { get; set; }

        /// <summary>Offset of the JSON value in the literal's (or the part's) <c>ValueText</c>.</summary>
        public int JsonValueStart { get; set; }

        public int JsonValueLength { get; set; }

        /// <summary>
        /// The project has no appsettings.json and the host cannot add one (MSBuildWorkspace under <c>dotnet format</c>):
        /// the literal is left as it is and the fix's title says what it needs.
        /// </summary>
        public bool NeedsSettingsFile { get; set; }
    }
}
