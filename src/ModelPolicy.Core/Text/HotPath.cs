using System.ComponentModel;
using System.Runtime.CompilerServices;

namespace ModelPolicy.Text
{
    /// <summary>
    /// <c>[MethodImpl(HotPath.Optimized)]</c> marks the code that runs for every string, token or argument of a build.
    /// The compiler keeps compiling new methods all through a build, which holds back the runtime's tiering: such code
    /// would run unoptimized (and PGO-instrumented) for much of the build. Marked, it is compiled optimized at once —
    /// measured at about half of this analyzer's CPU time in a build (docs/performance.md). On runtimes without the flag
    /// (AggressiveOptimization, .NET Core 3.0+) it is ignored.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public static class HotPath
    {
        /// <summary>MethodImplOptions.AggressiveOptimization, which netstandard2.0 does not name.</summary>
        public const MethodImplOptions Optimized = (MethodImplOptions)512;
    }
}
