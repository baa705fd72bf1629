using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using ModelPolicy.Analyzers.Configuration;
using ModelPolicy.Analyzers.Verdicts;
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
        private readonly HashSet<(int Start, ValueKind Kind)> reported = new HashSet<(int Start, ValueKind Kind)>();
        private readonly Action<Diagnostic>? report;
        private readonly KnownIds known;

        public FileScan(SemanticModel model, Action<Diagnostic>? report, CancellationToken cancellationToken, CompilationState state, VerdictPipeline pipeline)
        {
            Model = model;
            this.report = report;
            CancellationToken = cancellationToken;
            State = state;
            Pipeline = pipeline;
            known = new KnownIds(state.Catalog);
        }

        public SemanticModel Model { get; }

        public CancellationToken CancellationToken { get; }

        public CompilationState State { get; }

        public VerdictPipeline Pipeline { get; }

        [MethodImpl(HotPath.Optimized)]
        public void JudgeLeaf(SyntaxNode leaf)
        {
            if ((leaf is LiteralExpressionSyntax || FirstTime(leaf)) && Leaf.ShouldJudge(leaf, known, out var onItsOwn))
            {
                // Most strings that pass the text test sit in no use and are no URL, JSON or known id: nothing to judge.
                var uses = Leaf.UsesReached(leaf);
                if (uses != null || onItsOwn)
                {
                    Leaf.Judge(leaf, uses, Context(Ownership.ForLeaf(leaf)));
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

        private SiteContext Context(Ownership ownership) => new SiteContext(Model, report, CancellationToken, State, Pipeline, ownership, reported, known);
    }
}
