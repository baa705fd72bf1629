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

    internal sealed class Options
    {
        public const string Usage = "usage: Scorer --mirrors DIR --labels labels.tsv [--all [--diagnostics-out FILE | --diagnostics-in FILE] [--sample N --seed S --sample-out FILE [--sample-exclude PATH-REGEX]]] [--policy \"key=value;key=value\"] [--parallel N]\n       Scorer --match-ids ids.txt";

        public string Mirrors { get; private set; } = string.Empty;

        public string LabelsPath { get; private set; } = string.Empty;

        public bool All { get; private set; }

        public string? DiagnosticsOut { get; private set; }

        public int Sample { get; private set; }

        public int Seed { get; private set; } = 13;

        public string? SampleOut { get; private set; }

        public string? SampleExclude { get; private set; }

        public string? DiagnosticsIn { get; private set; }

        public string? MatchIds { get; private set; }

        public int Parallel { get; private set; } = 1;

        public Dictionary<string, string> Policy { get; private set; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["model_policy.denied_origins"] = "CN",
            ["model_policy.denied_endpoint_origins"] = "CN",
        };

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException("missing value after " + args[i]);
                switch (args[i])
                {
                    case "--mirrors": o.Mirrors = Next(); break;
                    case "--labels": o.LabelsPath = Next(); break;
                    case "--all": o.All = true; break;
                    case "--diagnostics-out": o.DiagnosticsOut = Next(); break;
                    case "--sample": o.Sample = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seed": o.Seed = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--sample-out": o.SampleOut = Next(); break;
                    case "--sample-exclude": o.SampleExclude = Next(); break;
                    case "--diagnostics-in": o.DiagnosticsIn = Next(); break;
                    case "--match-ids": o.MatchIds = Next(); break;
                    case "--parallel": o.Parallel = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--policy":
                        o.Policy = Next().Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
                            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.OrdinalIgnoreCase);
                        break;
                    default: return null;
                }
            }

            return o.MatchIds != null || (o.Mirrors.Length > 0 && o.LabelsPath.Length > 0) ? o : null;
        }
    }

    /// <summary>One row of labels.tsv.</summary>
    internal sealed class Label
    {
        public string Repo = string.Empty, Commit = string.Empty, Path = string.Empty, Literal = string.Empty, Kind = string.Empty, Vendor = string.Empty, Country = string.Empty, Expected = string.Empty, Note = string.Empty;

        public int Line;

        public static List<Label> Load(string path)
        {
            var result = new List<Label>();
            var number = 0;
            foreach (var raw in File.ReadLines(path))
            {
                number++;
                if (number == 1 || raw.Length == 0 || raw.StartsWith('#'))
                {
                    continue;
                }

                var f = raw.Split('\t');
                if (f.Length < 9 || !int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var line))
                {
                    throw new FormatException($"{path}:{number}: expected 10 tab-separated columns, got {f.Length}");
                }

                var label = new Label
                {
                    Repo = f[0], Commit = f[1], Path = f[2], Line = line, Literal = Unescape(f[4]), Kind = f[5], Vendor = f[6], Country = f[7], Expected = f[8], Note = f.Length > 9 ? f[9] : string.Empty,
                };
                if (label.Kind != "model" && label.Kind != "endpoint" && label.Kind != "negative")
                {
                    throw new FormatException($"{path}:{number}: kind must be model, endpoint or negative");
                }

                if ((label.Kind == "negative") != (label.Expected == "none"))
                {
                    throw new FormatException($"{path}:{number}: a negative expects 'none' and only a negative does");
                }

                result.Add(label);
            }

            return result;
        }

        private static string Unescape(string s) => s.Replace("\\t", "\t", StringComparison.Ordinal);
    }

    /// <summary>A diagnostic found in a corpus file.</summary>
    internal sealed class Found
    {
        public string Repo = string.Empty, Commit = string.Empty, Path = string.Empty, Id = string.Empty, SpanText = string.Empty, Message = string.Empty, Value = string.Empty;

        public int Line, EndLine;

        public bool Mentions(string literal) =>
            SpanText.Contains(literal, StringComparison.OrdinalIgnoreCase) || Message.Contains(literal, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A fetched repository (bare git directory or a clone's .git) at one commit.</summary>
    internal sealed class Mirror
    {
        private Mirror(string repo, string gitDir, string commit)
        {
            Repo = repo;
            GitDir = gitDir;
            Commit = commit;
        }

        public string Repo { get; }

        public string GitDir { get; }

        public string Commit { get; }

        public static Mirror? Open(string mirrors, string repo, string commit)
        {
            var root = System.IO.Path.Combine(mirrors, repo.Replace('/', '+'), "repo");
            var git = Directory.Exists(System.IO.Path.Combine(root, ".git")) ? System.IO.Path.Combine(root, ".git") : root;
            if (!Directory.Exists(git))
            {
                return null;
            }

            var resolved = Git(git, "rev-parse", "--verify", "--quiet", commit + "^{commit}").Trim();
            return resolved.Length == 0 ? null : new Mirror(repo, git, resolved);
        }

        public List<string> ListFiles() =>
            Git(GitDir, "ls-tree", "-r", "--name-only", "-z", Commit).Split('\0', StringSplitOptions.RemoveEmptyEntries).ToList();

        /// <summary>Reads many blobs in one <c>git cat-file --batch</c>.</summary>
        public Dictionary<string, string> ReadFiles(IEnumerable<string> paths)
        {
            var list = paths.ToList();
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            var start = new ProcessStartInfo("git", $"--git-dir \"{GitDir}\" cat-file --batch")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            var writer = Task.Run(() =>
            {
                foreach (var p in list)
                {
                    process.StandardInput.Write(Commit + ":" + p + "\n");
                }

                process.StandardInput.Close();
            });
            var stream = process.StandardOutput.BaseStream;
            foreach (var p in list)
            {
                var header = ReadLine(stream);
                var parts = header.Split(' ');
                if (parts.Length < 3 || parts[1] != "blob")
                {
                    continue;
                }

                var size = int.Parse(parts[2], CultureInfo.InvariantCulture);
                var buffer = new byte[size];
                var read = 0;
                while (read < size)
                {
                    var n = stream.Read(buffer, read, size - read);
                    if (n <= 0)
                    {
                        break;
                    }

                    read += n;
                }

                stream.ReadByte(); // the newline after the content
                result[p] = DecodeText(buffer);
            }

            writer.Wait();
            process.WaitForExit();
            return result;
        }

        private static string DecodeText(byte[] bytes)
        {
            // The compiler's own choice: UTF-8 with or without BOM; no BOM and invalid UTF-8 falls back to Latin-1 here.
            try
            {
                var text = new UTF8Encoding(false, true).GetString(bytes);
                return text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
            }
            catch (DecoderFallbackException)
            {
                return Encoding.Latin1.GetString(bytes);
            }
        }

        private static string ReadLine(Stream stream)
        {
            var bytes = new List<byte>();
            int b;
            while ((b = stream.ReadByte()) >= 0 && b != '\n')
            {
                bytes.Add((byte)b);
            }

            return Encoding.UTF8.GetString(bytes.ToArray());
        }

        private static string Git(string gitDir, params string[] args)
        {
            var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            start.ArgumentList.Add("--git-dir");
            start.ArgumentList.Add(gitDir);
            foreach (var a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            process.StandardError.ReadToEnd();
            process.WaitForExit();
            return process.ExitCode == 0 ? output : string.Empty;
        }
    }

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
            var parse = new CSharpParseOptions(LanguageVersion.Preview);
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

    internal sealed class OptionsProvider : AnalyzerConfigOptionsProvider
    {
        private readonly AnalyzerConfigOptions perTree;

        public OptionsProvider(IReadOnlyDictionary<string, string> policy, IReadOnlyDictionary<string, string> global)
        {
            perTree = new Options(policy);
            GlobalOptions = new Options(global);
        }

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => perTree;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => perTree;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> values;

            public Options(IReadOnlyDictionary<string, string> values) => this.values = values.ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

            public override IEnumerable<string> Keys => values.Keys;

            public override bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
