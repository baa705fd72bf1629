namespace ModelPolicy.RealWorld
{
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
}
