using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>
    /// The values already reported in each file of a compilation, so that one literal gets one diagnostic although
    /// several sites can reach it (an argument that names a constant, and the constant's own literal). Kept weakly per
    /// tree; a tree gets an entry only when something in it is reported.
    /// </summary>
    internal sealed class ReportedValues
    {
        private static readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Start, int Kind), byte>>.CreateValueCallback NewSet = _ => new ConcurrentDictionary<(int, int), byte>();

        private readonly ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Start, int Kind), byte>> byTree = new ConditionalWeakTable<SyntaxTree, ConcurrentDictionary<(int Start, int Kind), byte>>();

        /// <summary>True the first time a value of this kind is marked at this node's start.</summary>
        public bool TryMark(SyntaxNode node, int kind) => byTree.GetValue(node.SyntaxTree, NewSet).TryAdd((node.SpanStart, kind), 0);
    }
}
