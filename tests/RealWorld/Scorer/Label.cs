namespace ModelPolicy.RealWorld
{
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
}
