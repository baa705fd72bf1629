using Microsoft.CodeAnalysis;

namespace ModelPolicy.Analyzers.Values
{
    /// <summary>A string value an expression can take, and the node to report it on.</summary>
    internal readonly struct ResolvedValue
    {
        public ResolvedValue(SyntaxNode node, string value, bool declaredElsewhere = false)
        {
            Node = node;
            Value = value;
            DeclaredElsewhere = declaredElsewhere;
        }

        /// <summary>The value comes from a declaration in another file (or in metadata) and is reported at the use.</summary>
        public bool DeclaredElsewhere { get; }

        /// <summary>The literal (or constant expression) in this file; where the value is declared in another file, the use.</summary>
        public SyntaxNode Node { get; }

        public string Value { get; }
    }

    /// <summary>How far <see cref="ValueResolver"/> may go.</summary>
    internal enum ResolveMode
    {
        /// <summary>Syntax only, nothing collected: can the expression be followed to a string at all? (before any binding)</summary>
        Probe,

        /// <summary>With this file's semantic model: constants, fields, properties, locals, constant folding.</summary>
        Semantic,

        /// <summary>A declaration in another file, read without its semantic model; values are reported at the use here.</summary>
        OtherFile,
    }
}
