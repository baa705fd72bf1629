using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace ModelPolicy.RealWorld
{
    /// <summary>A diagnostic found in a corpus file.</summary>
    internal sealed class Found
    {
        public string Repo = string.Empty, Commit = string.Empty, Path = string.Empty, Id = string.Empty, SpanText = string.Empty, Message = string.Empty, Value = string.Empty;

        public int Line, EndLine;

        public bool Mentions(string literal) =>
            SpanText.Contains(literal, StringComparison.OrdinalIgnoreCase) || Message.Contains(literal, StringComparison.OrdinalIgnoreCase);
    }
}
