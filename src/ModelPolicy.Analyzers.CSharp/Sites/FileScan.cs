using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Verdicts;
using ModelPolicy.Policy;
using ModelPolicy.Text;

namespace ModelPolicy.Analyzers.Sites
{
    /// <summary>One execution of the file's action: what it has judged and reported, so each leaf, use and location is handled once.</summary>
    internal sealed class FileScan
    {
        // Uses, interpolated texts and SDK members can be reached from more than one place, nearly always from places
        // close together: the last few handled are remembered (a string literal is reached only from its own token, which
        // the scan enters once). Handling one again would report nothing new: the reported set holds each location once.
        private readonly SyntaxNode?[] recent = new SyntaxNode?[8];
        private int recentNext;
        private ModelPolicySettings? policy;
        private bool? isTestCode;

        /// <param name="report">Null for a dry run: every decision is made, nothing is reported or tallied.</param>
        public FileScan(SemanticModel model, Action<Diagnostic>? report, CancellationToken cancellationToken, CompilationState state, VerdictPipeline pipeline)
            : this(model, report, cancellationToken, state, pipeline, new KnownIds(state.Catalog))
        {
        }

        private FileScan(SemanticModel model, Action<Diagnostic>? report, CancellationToken cancellationToken, CompilationState state, VerdictPipeline pipeline, KnownIds known)
        {
            Model = model;
            Report = report;
            CancellationToken = cancellationToken;
            State = state;
            Pipeline = pipeline;
            Known = known;
        }

        public SemanticModel Model { get; }

        /// <summary>Null in a dry run.</summary>
        public Action<Diagnostic>? Report { get; }

        /// <summary>The locations reported so far, each once (a value and its kind at a start).</summary>
        public HashSet<(int Start, ValueKind Kind)> Reported { get; } = new HashSet<(int Start, ValueKind Kind)>();

        public KnownIds Known { get; }

        /// <summary>The file's policy, read the first time a value is judged.</summary>
        public ModelPolicySettings Policy => policy ??= State.Policies.For(Model.SyntaxTree);

        /// <summary>Test code: a test project, or a file under a test folder (<see cref="CodeKinds.IsTestFile"/>), decided once per scan.</summary>
        public bool IsTestCode => isTestCode ??= State.IsTestProject || CodeKinds.IsTestFile(Model.SyntaxTree.FilePath);

        public CancellationToken CancellationToken { get; }

        public CompilationState State { get; }

        public VerdictPipeline Pipeline { get; }

        [MethodImpl(HotPath.Optimized)]
        public void JudgeLeaf(SyntaxNode leaf)
        {
            if ((leaf is LiteralExpressionSyntax || FirstTime(leaf)) && Leaf.ShouldJudge(leaf, Known, out var onItsOwn))
            {
                // Most strings that pass the text test sit in no use and are no URL, JSON or known id: nothing to judge.
                var uses = Leaf.UsesReached(leaf, out var folded);
                if (uses != null || onItsOwn)
                {
                    Leaf.Judge(leaf, uses, folded, Context(Ownership.ForLeaf(leaf)));
                }
            }
        }

        [MethodImpl(HotPath.Optimized)]
        public void RunUse(SyntaxNode node)
        {
            if (SiteDispatcher.UseValue(node) is { } value && Ownership.HasNameLeaf(value) && FirstTime(node))
            {
                SiteDispatcher.Use(node, Context(Ownership.ForUse(value)));
            }
        }

        public void RunArguments(ArgumentListSyntax list)
        {
            foreach (var argument in list.Arguments)
            {
                RunUse(argument);
            }
        }

        private bool FirstTime(SyntaxNode node)
        {
            foreach (var seen in recent)
            {
                if (seen == node)
                {
                    return false;
                }
            }

            recent[recentNext] = node;
            recentNext = (recentNext + 1) % recent.Length;
            return true;
        }

        /// <summary>The same file, for a dry run of a leaf's own judgement: nothing reported, nothing seen as reported.</summary>
        public FileScan DryRun() => new FileScan(Model, null, CancellationToken, State, Pipeline, Known);

        private SiteContext Context(Ownership ownership) => new SiteContext(this, ownership);
    }
}
