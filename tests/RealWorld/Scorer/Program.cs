namespace ModelPolicy.RealWorld
{
    /// <summary>
    /// Scores the analyzer on a real-world corpus: labels (tests/RealWorld/labels.tsv) of public repositories whose
    /// mirrors (bare git directories) are given by path. Two modes:
    /// <list type="bullet">
    /// <item>default: compile each project that holds a labelled file, analyze the labelled files, match each
    /// diagnostic to a label by path + line + literal, print per-rule precision, recall and right-rule rate and
    /// every miss and false positive;</item>
    /// <item><c>--all</c>: analyze every .cs file of every repository named in the labels, count diagnostics per rule
    /// and analyzer exceptions, and draw a seeded sample to judge by hand.</item>
    /// </list>
    /// </summary>
    public static class Program
    {
        private static readonly string[] Ids = { "MP0001", "MP0002", "MP0003", "MP0004", "MP0005" };

        public static async Task<int> Main(string[] args)
        {
            var options = Options.Parse(args);
            if (options == null)
            {
                Console.Error.WriteLine(Options.Usage);
                return 2;
            }

            if (options.MatchIds != null)
            {
                // Long-tail check: which ids of a list (one a line) the built-in catalog knows, with maker and country.
                foreach (var id in File.ReadLines(options.MatchIds).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')))
                {
                    var match = ModelPolicy.Catalog.ModelCatalog.Builtin.MatchModel(id);
                    Console.WriteLine(match == null ? $"UNKNOWN\t{id}" : $"known\t{id}\t{match.Vendor.Name}\t{match.Country}\t{match.Family.Name}");
                }

                return 0;
            }

            var labels = Label.Load(options.LabelsPath);
            var analyzers = LoadAnalyzers();
            Console.WriteLine($"analyzers: {string.Join(", ", analyzers.Select(a => a.GetType().FullName))} from {analyzers[0].GetType().Assembly.Location}");
            Console.WriteLine($"policy: {string.Join("; ", options.Policy.Select(p => p.Key + " = " + p.Value))}");
            var runner = new Runner(options, analyzers);
            return options.All ? await AllMode(options, labels, runner) : await LabelMode(options, labels, runner);
        }

        private static ImmutableArray<DiagnosticAnalyzer> LoadAnalyzers()
        {
            // By reflection, so the scorer keeps working while the analyzer's internals are restructured.
            var assembly = Assembly.Load("ModelPolicy.Analyzers.CSharp");
            return assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
                .OrderBy(t => t.FullName, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
        }

        // ------------------------------------------------------------------------------------------------
        // Label mode
        // ------------------------------------------------------------------------------------------------
        private static async Task<int> LabelMode(Options options, List<Label> labels, Runner runner)
        {
            var stopwatch = Stopwatch.StartNew();
            var diagnostics = new List<Found>();
            foreach (var group in labels.GroupBy(l => (l.Repo, l.Commit)).OrderBy(g => g.Key.Repo, StringComparer.Ordinal))
            {
                var mirror = Mirror.Open(options.Mirrors, group.Key.Repo, group.Key.Commit);
                if (mirror == null)
                {
                    Console.WriteLine($"SKIP {group.Key.Repo}@{group.Key.Commit}: no mirror under {options.Mirrors}");
                    continue;
                }

                var paths = new HashSet<string>(group.Select(l => l.Path), StringComparer.Ordinal);
                diagnostics.AddRange(await runner.AnalyzeAsync(mirror, paths));
            }

            var report = Score(labels, diagnostics, runner);
            Console.WriteLine(report);
            Console.WriteLine($"analyzer exceptions: {runner.Exceptions.Count}; time {stopwatch.Elapsed.TotalSeconds:0.0}s");
            foreach (var e in runner.Exceptions.Take(20))
            {
                Console.WriteLine("  EXCEPTION " + e);
            }

            return 0;
        }

        private static string Score(List<Label> labels, List<Found> found, Runner runner)
        {
            var byFile = found.Where(f => Array.IndexOf(Ids, f.Id) >= 0).GroupBy(f => (f.Repo, f.Path)).ToDictionary(g => g.Key, g => g.ToList());
            var labelsByFile = labels.GroupBy(l => (l.Repo, l.Path)).ToDictionary(g => g.Key, g => g.ToList());
            var matchOf = new Dictionary<Found, Label>();
            var misplaced = new List<(Found Diagnostic, Label Label)>();
            foreach (var pair in byFile)
            {
                labelsByFile.TryGetValue(pair.Key, out var fileLabels);
                fileLabels ??= new List<Label>();
                foreach (var d in pair.Value)
                {
                    var best = fileLabels.Where(l => l.Line == d.Line && d.Mentions(l.Literal)).OrderByDescending(l => l.Literal.Length).FirstOrDefault();
                    if (best != null)
                    {
                        matchOf[d] = best;
                        continue;
                    }

                    var covered = fileLabels.Where(l => l.Line > d.Line && l.Line <= d.EndLine && d.Mentions(l.Literal)).OrderByDescending(l => l.Literal.Length).FirstOrDefault();
                    if (covered != null)
                    {
                        misplaced.Add((d, covered));
                    }
                }
            }

            var misplacedDiagnostics = new HashSet<Found>(misplaced.Select(m => m.Diagnostic));
            var detected = matchOf.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
            var sb = new StringBuilder();
            var positives = labels.Where(l => l.Kind != "negative").ToList();
            sb.AppendLine($"labels: {labels.Count} ({positives.Count(l => l.Kind == "model")} model, {positives.Count(l => l.Kind == "endpoint")} endpoint, {labels.Count(l => l.Kind == "negative")} negative) in {labelsByFile.Count} files of {labels.Select(l => l.Repo).Distinct().Count()} repositories");
            sb.AppendLine($"files analyzed: {runner.FilesAnalyzed} in {runner.Projects} project compilations; diagnostics MP0001-MP0005 in labelled files: {found.Count(f => Array.IndexOf(Ids, f.Id) >= 0)}");
            sb.AppendLine();
            sb.AppendLine("rule     labels  found  right-rule   recall  right-rule-rate | diags  TP   FP  precision");
            int allLabels = 0, allFound = 0, allRight = 0, allTp = 0, allFp = 0;
            foreach (var id in Ids)
            {
                var expected = positives.Where(l => l.Expected == id).ToList();
                var got = expected.Where(detected.ContainsKey).ToList();
                var right = got.Count(l => detected[l].Any(d => d.Id == id));
                var diags = matchOf.Where(p => p.Key.Id == id).ToList();
                var tp = diags.Count(p => p.Value.Kind != "negative");
                var fp = diags.Count(p => p.Value.Kind == "negative");
                allLabels += expected.Count;
                allFound += got.Count;
                allRight += right;
                allTp += tp;
                allFp += fp;
                sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "{0}  {1,7} {2,6} {3,11} {4,8:0.000} {5,16:0.000} | {6,5} {7,3} {8,4} {9,10:0.000}",
                    id, expected.Count, got.Count, right, Ratio(got.Count, expected.Count), Ratio(right, got.Count), diags.Count, tp, fp, Ratio(tp, tp + fp)));
            }

            sb.AppendLine(string.Format(CultureInfo.InvariantCulture, "all     {0,7} {1,6} {2,11} {3,8:0.000} {4,16:0.000} | {5,5} {6,3} {7,4} {8,10:0.000}",
                allLabels, allFound, allRight, Ratio(allFound, allLabels), Ratio(allRight, allFound), allTp + allFp, allTp, allFp, Ratio(allTp, allTp + allFp)));
            var negatives = labels.Where(l => l.Kind == "negative").ToList();
            sb.AppendLine($"negatives flagged: {negatives.Count(detected.ContainsKey)} of {negatives.Count}; reported on another line of the same literal (counted as misses): {misplaced.Count}");

            sb.AppendLine();
            sb.AppendLine("MISSES (expected, not reported at the label's line)");
            foreach (var l in positives.Where(l => !detected.ContainsKey(l)).OrderBy(l => l.Expected).ThenBy(l => l.Repo).ThenBy(l => l.Path).ThenBy(l => l.Line))
            {
                var near = misplaced.Where(m => m.Label == l).Select(m => $"{m.Diagnostic.Id}@line {m.Diagnostic.Line}").ToList();
                sb.AppendLine($"  MISS {l.Expected} {l.Repo}/{l.Path}:{l.Line} '{l.Literal}' [{l.Note}]" + (near.Count > 0 ? " reported at " + string.Join(", ", near) : string.Empty));
            }

            sb.AppendLine();
            sb.AppendLine("FALSE POSITIVES (reported on a negative label)");
            foreach (var p in matchOf.Where(p => p.Value.Kind == "negative").OrderBy(p => p.Key.Id).ThenBy(p => p.Key.Repo).ThenBy(p => p.Key.Path).ThenBy(p => p.Key.Line))
            {
                sb.AppendLine($"  FP {p.Key.Id} {p.Key.Repo}/{p.Key.Path}:{p.Key.Line} '{p.Value.Literal}' [{p.Value.Note}] | {Clip(p.Key.Message)}");
            }

            sb.AppendLine();
            sb.AppendLine("WRONG RULE (found, but not with the expected rule)");
            foreach (var p in detected.Where(p => p.Key.Kind != "negative" && p.Value.All(d => d.Id != p.Key.Expected)).OrderBy(p => p.Key.Repo).ThenBy(p => p.Key.Path).ThenBy(p => p.Key.Line))
            {
                sb.AppendLine($"  WRONG expected {p.Key.Expected} got {string.Join("+", p.Value.Select(d => d.Id))} {p.Key.Repo}/{p.Key.Path}:{p.Key.Line} '{p.Key.Literal}' | {Clip(p.Value[0].Message)}");
            }

            sb.AppendLine();
            sb.AppendLine("UNLABELLED (diagnostics in labelled files that match no label; label them)");
            foreach (var d in byFile.SelectMany(p => p.Value).Where(d => !matchOf.ContainsKey(d) && !misplacedDiagnostics.Contains(d)).OrderBy(d => d.Repo).ThenBy(d => d.Path).ThenBy(d => d.Line))
            {
                sb.AppendLine($"  UNLABELLED {d.Id} {d.Repo}/{d.Path}:{d.Line} {Clip(d.SpanText)} | {Clip(d.Message)}");
            }

            return sb.ToString();
        }

        // ------------------------------------------------------------------------------------------------
        // All mode
        // ------------------------------------------------------------------------------------------------
        private static async Task<int> AllMode(Options options, List<Label> labels, Runner runner)
        {
            var stopwatch = Stopwatch.StartNew();
            var repos = labels.GroupBy(l => l.Repo).Select(g => (Repo: g.Key, Commit: g.First().Commit)).OrderBy(r => r.Repo, StringComparer.Ordinal).ToList();
            var all = new List<Found>();
            Console.WriteLine("repository                              files  MP0001 MP0002 MP0003 MP0004 MP0005 exceptions");
            if (options.DiagnosticsIn != null)
            {
                // Re-sample a diagnostics file written by an earlier --all run, without analysing again.
                foreach (var line in File.ReadLines(options.DiagnosticsIn))
                {
                    var f = line.Split('\t');
                    all.Add(new Found { Repo = f[0], Commit = f[1], Path = f[2], Line = int.Parse(f[3], CultureInfo.InvariantCulture), Id = f[4], Value = f[5], SpanText = f[6], Message = f[7] });
                }

                repos = new List<(string Repo, string Commit)>();
                Console.WriteLine($"read {all.Count} diagnostics from {options.DiagnosticsIn}");
            }

            foreach (var (repo, commit) in repos)
            {
                var mirror = Mirror.Open(options.Mirrors, repo, commit);
                if (mirror == null)
                {
                    Console.WriteLine($"SKIP {repo}@{commit}: no mirror");
                    continue;
                }

                var before = runner.FilesAnalyzed;
                var exceptions = runner.Exceptions.Count;
                var found = await runner.AnalyzeAsync(mirror, null);
                all.AddRange(found);
                Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-38} {1,6} {2,6} {3,6} {4,6} {5,6} {6,6} {7,10}",
                    repo, runner.FilesAnalyzed - before, found.Count(f => f.Id == "MP0001"), found.Count(f => f.Id == "MP0002"), found.Count(f => f.Id == "MP0003"),
                    found.Count(f => f.Id == "MP0004"), found.Count(f => f.Id == "MP0005"), runner.Exceptions.Count - exceptions));
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "{0,-38} {1,6} {2,6} {3,6} {4,6} {5,6} {6,6} {7,10}",
                "total", runner.FilesAnalyzed, all.Count(f => f.Id == "MP0001"), all.Count(f => f.Id == "MP0002"), all.Count(f => f.Id == "MP0003"),
                all.Count(f => f.Id == "MP0004"), all.Count(f => f.Id == "MP0005"), runner.Exceptions.Count));
            var other = all.Where(f => Array.IndexOf(Ids, f.Id) < 0).GroupBy(f => f.Id).OrderBy(g => g.Key).Select(g => g.Key + " x" + g.Count());
            Console.WriteLine("other diagnostics (not scored): " + string.Join(", ", other));
            Console.WriteLine($"time {stopwatch.Elapsed.TotalSeconds:0.0}s");
            foreach (var e in runner.Exceptions.Take(20))
            {
                Console.WriteLine("  EXCEPTION " + e);
            }

            var scored = all.Where(f => Array.IndexOf(Ids, f.Id) >= 0).OrderBy(f => f.Repo).ThenBy(f => f.Path).ThenBy(f => f.Line).ThenBy(f => f.Id).ToList();
            if (options.DiagnosticsOut != null)
            {
                // Written outside the repository: the span text is third-party source.
                File.WriteAllLines(options.DiagnosticsOut, scored.Select(f => string.Join("\t", f.Repo, f.Commit, f.Path, f.Line.ToString(CultureInfo.InvariantCulture), f.Id, f.Value, Clip(f.SpanText), Clip(f.Message))));
                Console.WriteLine($"all diagnostics: {options.DiagnosticsOut}");
            }

            if (options.Sample > 0)
            {
                // Seeded and stratified by rule: up to an even share of each rule, then filled from the rest.
                var random = new Random(options.Seed);
                var pool = options.SampleExclude == null ? scored : scored.Where(f => !System.Text.RegularExpressions.Regex.IsMatch(f.Path, options.SampleExclude)).ToList();
                if (options.SampleExclude != null)
                {
                    Console.WriteLine($"sampling from {pool.Count} of {scored.Count} diagnostics (paths matching '{options.SampleExclude}' left out)");
                }

                var shuffled = pool.Select(f => (Key: random.Next(), Found: f)).OrderBy(p => p.Key).Select(p => p.Found).ToList();
                var share = (int)Math.Ceiling(options.Sample / (double)Ids.Length);
                var sample = Ids.SelectMany(id => shuffled.Where(f => f.Id == id).Take(share)).ToList();
                sample.AddRange(shuffled.Where(f => !sample.Contains(f)).Take(Math.Max(0, options.Sample - sample.Count)));
                sample = sample.OrderBy(f => f.Id).ThenBy(f => f.Repo).ThenBy(f => f.Path).ThenBy(f => f.Line).ToList();
                var lines = new List<string> { "repo\tcommit\tpath\tline\trule\tvalue\tverdict\twhy" };
                lines.AddRange(sample.Select(f => string.Join("\t", f.Repo, f.Commit, f.Path, f.Line.ToString(CultureInfo.InvariantCulture), f.Id, f.Value, string.Empty, string.Empty)));
                File.WriteAllLines(options.SampleOut ?? "sample.tsv", lines);
                Console.WriteLine($"sample of {sample.Count} (seed {options.Seed}): {options.SampleOut ?? "sample.tsv"}");
            }

            return 0;
        }

        private static double Ratio(int a, int b) => b == 0 ? 1.0 : (double)a / b;

        private static string Clip(string s)
        {
            s = string.Join(" ", s.Split(new[] { ' ', '\t', '\r', '\n' }, StringSplitOptions.RemoveEmptyEntries));
            return s.Length > 160 ? s.Substring(0, 157) + "..." : s;
        }
    }
}
