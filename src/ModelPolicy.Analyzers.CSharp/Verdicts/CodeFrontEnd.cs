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
    /// <summary>
    /// The verdict pipeline's front end for one C# file: the sites hand it a value and the position it is used in; it
    /// decides whether that value counts there (the catalog must know it with confidence outside a model position), hands
    /// it to the <see cref="VerdictPipeline"/> under the file's policy, and reports each literal once.
    /// </summary>
    internal sealed class CodeFrontEnd
    {
        private readonly VerdictPipeline pipeline;
        private readonly CompilationState state;
        private readonly Action<Diagnostic> report;
        private ModelPolicySettings? policy;
        private HashSet<(int Start, ValueKind Kind)>? reported;
        private List<ResolvedValue>? values;

        public CodeFrontEnd(SemanticModel model, CompilationState state, VerdictPipeline pipeline, Action<Diagnostic> report, CancellationToken cancellationToken)
        {
            Model = model;
            this.state = state;
            this.pipeline = pipeline;
            this.report = report;
            CancellationToken = cancellationToken;
        }

        public SemanticModel Model { get; }

        public ModelCatalog Catalog => state.Catalog;

        public CancellationToken CancellationToken { get; }

        private ModelPolicySettings Policy => policy ??= state.Policies.For(Model.SyntaxTree);

        /// <summary>Follows an expression to the strings it can take and reports each as what the position expects.</summary>
        public void ReportUse(ExpressionSyntax expression, ValuePosition position)
        {
            var list = values ??= new List<ResolvedValue>();
            list.Clear();
            ValueResolver.Resolve(expression, Model, list, CancellationToken);
            foreach (var value in list)
            {
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
        public void ReportModel(SyntaxNode node, string id, ValuePosition position, bool declaredElsewhere = false)
        {
            if (!ModelIdShape.IsPlausible(id))
            {
                return;
            }

            var match = Catalog.MatchModel(id);
            if (match == null)
            {
                if (position.Evidence != Evidence.ApiPosition)
                {
                    return;
                }
            }
            else if (position.Evidence == Evidence.TextOnly && (match.PositionOnly || !ModelIdText.IsSpecific(id)))
            {
                return;
            }

            var finding = pipeline.JudgeModel(id, match, Policy, position.Name);
            if (declaredElsewhere && !finding.Verdict.IsDenied && match != null && !match.PositionOnly && ModelIdText.IsSpecific(id))
            {
                return;
            }

            if (MarkReported(node, ValueKind.Model))
            {
                pipeline.ReportInCode(finding, node.GetLocation(), Policy, report);
            }
        }

        /// <summary>A URL in <paramref name="text"/> between <paramref name="start"/> and <paramref name="end"/>.</summary>
        /// <param name="continues">True for an interpolated text part followed by a hole: a host that runs to its end may go on.</param>
        public void ReportEndpoint(SyntaxNode node, string text, int start, int end, ValuePosition position, bool continues = false, bool declaredElsewhere = false)
        {
            if (!UrlText.TryGetHost(text, start, end, out var hostStart, out var hostLength, out var complete) || (continues && !complete))
            {
                return;
            }

            var entry = Catalog.MatchHost(text, hostStart, hostLength);
            if (position.Evidence != Evidence.ApiPosition
                && (entry == null || !entry.IsApiPath(text, EndpointText.PathStart(text, hostStart + hostLength, end), EndpointText.PathEnd(text, hostStart, end))))
            {
                return;
            }

            var host = text.Substring(hostStart, hostLength).ToLowerInvariant();
            var finding = pipeline.JudgeEndpoint(host, entry, UrlText.IsLocalHost(text, hostStart, hostLength), Policy, position.Name);
            if ((declaredElsewhere && !finding.Verdict.IsDenied && entry != null) || !MarkReported(node, ValueKind.Endpoint))
            {
                return;
            }

            pipeline.ReportInCode(finding, node.GetLocation(), Policy, report);
        }

        private bool MarkReported(SyntaxNode node, ValueKind kind) =>
            (reported ??= new HashSet<(int, ValueKind)>()).Add((node.SpanStart, kind));
    }
}
