namespace ModelPolicy.RealWorld
{
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
}
