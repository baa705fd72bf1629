namespace ModelPolicy.RealWorld
{
    /// <summary>Compiles a repository project by project (the nearest .csproj folder of each file) and runs the analyzer.</summary>
    internal sealed class Runner
    {
        private static readonly string ImplicitUsings = string.Join("\n", new[]
        {
            "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
        }.Select(n => "global using global::" + n + ";"));

        private static readonly Lazy<ImmutableArray<MetadataReference>> References = new Lazy<ImmutableArray<MetadataReference>>(LoadReferences);

        private static readonly string[] TestMarkers = { "Microsoft.NET.Test.Sdk", "xunit", "NUnit", "MSTest", "<IsTestProject>true" };

        private readonly Options options;
        private readonly ImmutableArray<DiagnosticAnalyzer> analyzers;

        public Runner(Options options, ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            this.options = options;
            this.analyzers = analyzers;
        }

        public ConcurrentBag<string> Exceptions { get; } = new ConcurrentBag<string>();

        public int FilesAnalyzed;

        public int Projects;

        /// <summary>Analyzes <paramref name="only"/> (or every .cs file when null), each compiled with the rest of its project.</summary>
        public async Task<List<Found>> AnalyzeAsync(Mirror mirror, HashSet<string>? only)
        {
            var files = mirror.ListFiles();
            var projectFiles = files.Where(f => f.EndsWith(".csproj", StringComparison.OrdinalIgnoreCase)).ToList();
            var projectDirs = projectFiles.Select(DirectoryOf).Distinct(StringComparer.Ordinal).OrderByDescending(d => d.Length).ToList();
            var sources = files.Where(f => f.EndsWith(".cs", StringComparison.OrdinalIgnoreCase) && !IsBuildOutput(f)).ToList();
            var byProject = sources.GroupBy(f => projectDirs.FirstOrDefault(d => d.Length == 0 || f.StartsWith(d + "/", StringComparison.Ordinal)) ?? string.Empty).ToList();
            if (only != null)
            {
                byProject = byProject.Where(g => g.Any(only.Contains)).ToList();
            }

            var csprojText = mirror.ReadFiles(projectFiles);
            var results = new ConcurrentBag<Found>();
            using var gate = new SemaphoreSlim(Math.Max(1, options.Parallel));
            var tasks = byProject.Select(async project =>
            {
                await gate.WaitAsync();
                try
                {
                    var own = csprojText.Where(p => DirectoryOf(p.Key) == project.Key).Select(p => p.Value).ToList();
                    var isTest = own.Any(text => TestMarkers.Any(m => text.Contains(m, StringComparison.OrdinalIgnoreCase)));
                    // <Using Include="OllamaSharp" /> items become global usings, as the SDK does.
                    var usings = own.SelectMany(text => System.Text.RegularExpressions.Regex.Matches(text, "<Using\\s+Include=\"([A-Za-z0-9_.]+)\"").Select(m => m.Groups[1].Value)).Distinct().ToList();
                    var found = await AnalyzeProjectAsync(mirror, project.Key, project.ToList(), only, isTest, usings);
                    foreach (var f in found)
                    {
                        results.Add(f);
                    }
                }
                finally
                {
                    gate.Release();
                }
            }).ToList();
            await Task.WhenAll(tasks);
            return results.ToList();
        }

        private async Task<List<Found>> AnalyzeProjectAsync(Mirror mirror, string projectDir, List<string> paths, HashSet<string>? only, bool isTest, List<string> usings)
        {
            var texts = mirror.ReadFiles(paths);
            // The symbols a net10.0 build defines (NET9_0_OR_GREATER, …): code under '#if NET8_0_OR_GREATER' is what a
            // build of today's target frameworks compiles, and without them it is disabled text the analyzer never sees.
            var parse = new CSharpParseOptions(LanguageVersion.Preview, preprocessorSymbols: TargetFrameworkSymbols);
            var trees = new List<SyntaxTree>();
            var pathOf = new Dictionary<SyntaxTree, string>();
            foreach (var p in paths)
            {
                if (!texts.TryGetValue(p, out var text))
                {
                    continue;
                }

                var tree = CSharpSyntaxTree.ParseText(SourceText.From(text, Encoding.UTF8), parse, "/" + mirror.Repo + "/" + p);
                trees.Add(tree);
                pathOf[tree] = p;
            }

            var globalUsings = ImplicitUsings + "\n" + string.Join("\n", usings.Select(u => "global using global::" + u + ";"));
            trees.Add(CSharpSyntaxTree.ParseText(globalUsings, parse, "/" + mirror.Repo + "/" + (projectDir.Length > 0 ? projectDir + "/" : string.Empty) + "obj/ImplicitUsings.g.cs"));
            var compilation = CSharpCompilation.Create(
                "Corpus_" + Interlocked.Increment(ref Projects).ToString(CultureInfo.InvariantCulture),
                trees,
                References.Value,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true, concurrentBuild: false));
            var global = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
            {
                ["build_property.IsTestProject"] = isTest ? "true" : "false",
                ["build_property.ProjectDir"] = "/" + mirror.Repo + "/" + projectDir + "/",
            };
            var provider = new OptionsProvider(options.Policy, global);
            var withAnalyzers = compilation.WithAnalyzers(analyzers, new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, provider),
                (exception, analyzer, diagnostic) => Exceptions.Add(mirror.Repo + "/" + projectDir + ": " + exception.GetType().Name + ": " + exception.Message + " " + exception.StackTrace?.Split('\n').FirstOrDefault()?.Trim()),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false));

            var diagnostics = new List<Diagnostic>();
            var targets = trees.Where(t => pathOf.ContainsKey(t) && (only == null || only.Contains(pathOf[t]))).ToList();
            foreach (var tree in targets)
            {
                try
                {
                    var model = compilation.GetSemanticModel(tree);
                    diagnostics.AddRange(await withAnalyzers.GetAnalyzerSemanticDiagnosticsAsync(model, null, CancellationToken.None));
                    diagnostics.AddRange(await withAnalyzers.GetAnalyzerSyntaxDiagnosticsAsync(tree, CancellationToken.None));
                }
                catch (Exception e)
                {
                    Exceptions.Add(mirror.Repo + "/" + pathOf[tree] + ": " + e.GetType().Name + ": " + e.Message);
                }
            }

            Interlocked.Add(ref FilesAnalyzed, targets.Count);
            var result = new List<Found>();
            foreach (var d in diagnostics.Distinct())
            {
                if (d.Id == "AD0001")
                {
                    Exceptions.Add(mirror.Repo + "/" + projectDir + ": " + d.GetMessage(CultureInfo.InvariantCulture));
                    continue;
                }

                if (!d.Location.IsInSource || !pathOf.TryGetValue(d.Location.SourceTree!, out var path))
                {
                    continue;
                }

                var span = d.Location.GetLineSpan();
                var message = d.GetMessage(CultureInfo.InvariantCulture);
                var spanText = d.Location.SourceTree!.GetText().ToString(d.Location.SourceSpan);
                result.Add(new Found
                {
                    Repo = mirror.Repo,
                    Commit = mirror.Commit,
                    Path = path,
                    Line = span.StartLinePosition.Line + 1,
                    EndLine = span.EndLinePosition.Line + 1,
                    Id = d.Id,
                    SpanText = spanText.Length > 2000 ? spanText.Substring(0, 2000) : spanText,
                    Message = message,
                    Value = QuotedValue(message),
                });
            }

            return result;
        }

        private static readonly string[] TargetFrameworkSymbols = new[] { "TRACE", "NET", "NETCOREAPP", "NET10_0", "NETCOREAPP3_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER", "NETSTANDARD2_0_OR_GREATER", "NETSTANDARD2_1_OR_GREATER" }
            .Concat(Enumerable.Range(5, 6).Select(v => "NET" + v.ToString(CultureInfo.InvariantCulture) + "_0_OR_GREATER")).ToArray();

        private static string QuotedValue(string message)
        {
            var start = message.IndexOf('\'');
            var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
            return end > start ? message.Substring(start + 1, end - start - 1) : string.Empty;
        }

        private static string DirectoryOf(string path)
        {
            var slash = path.LastIndexOf('/');
            return slash < 0 ? string.Empty : path.Substring(0, slash);
        }

        private static bool IsBuildOutput(string path) =>
            path.Contains("/obj/", StringComparison.Ordinal) || path.Contains("/bin/", StringComparison.Ordinal) || path.StartsWith("obj/", StringComparison.Ordinal) || path.StartsWith("bin/", StringComparison.Ordinal);

        private static ImmutableArray<MetadataReference> LoadReferences()
        {
            var framework = Basic.Reference.Assemblies.Net100.References.All.ToList();
            var frameworkNames = new HashSet<string>(framework.Select(r => System.IO.Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath ?? string.Empty)), StringComparer.OrdinalIgnoreCase);

            // Every SDK assembly this tool restored (the SDK packages and their dependencies), except the compiler and this tool.
            var baseDirectory = AppContext.BaseDirectory;
            var skip = new[] { "Microsoft.CodeAnalysis", "ModelPolicy.", "Scorer", "Basic.Reference" };
            var sdk = Directory.GetFiles(baseDirectory, "*.dll")
                .Where(f => !skip.Any(s => System.IO.Path.GetFileName(f).StartsWith(s, StringComparison.OrdinalIgnoreCase)))
                .Where(f => !frameworkNames.Contains(System.IO.Path.GetFileNameWithoutExtension(f)))
                .Where(IsManaged)
                .OrderBy(f => f, StringComparer.Ordinal)
                .Select(f => (MetadataReference)MetadataReference.CreateFromFile(f));
            return framework.Concat(sdk).ToImmutableArray();
        }

        private static bool IsManaged(string file)
        {
            try
            {
                AssemblyName.GetAssemblyName(file);
                return true;
            }
            catch (BadImageFormatException)
            {
                return false;
            }
        }
    }
}
