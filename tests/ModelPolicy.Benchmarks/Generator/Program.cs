using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ModelPolicy.Benchmarks.Generator
{
    /// <summary>
    /// Writes the benchmark solution: an OpenAI-shaped stub SDK (assembly name "OpenAI", so calls into it
    /// are strong SDK positions for the analyzer, with no package download) and four application projects
    /// whose files are full of ordinary string literals, with ~1.5% of files calling the stub SDK with
    /// model ids and provider endpoints. Same seed and size, same bytes.
    /// </summary>
    public static class Program
    {
        public static int Main(string[] args)
        {
            string? output = null;
            var files = 2000;
            var seed = 42;
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--out":
                        output = args[++i];
                        break;
                    case "--files":
                        files = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    case "--seed":
                        seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                        break;
                    default:
                        Console.Error.WriteLine("usage: Generator --out DIR [--files 2000] [--seed 42]");
                        return 2;
                }
            }

            if (output == null || files < 8)
            {
                Console.Error.WriteLine("usage: Generator --out DIR [--files 2000] [--seed 42]   (at least 8 files)");
                return 2;
            }

            var solution = new SolutionWriter(Path.GetFullPath(output), files, seed);
            solution.Write();
            Console.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "generated {0} C# files, {1} lines, {2} string literals, {3} files with SDK calls ({4:P1}) into {5}",
                solution.FileCount, solution.LineCount, solution.LiteralCount, solution.AiFileCount, (double)solution.AiFileCount / solution.FileCount, output));
            return 0;
        }
    }

    internal sealed class SolutionWriter
    {
        private static readonly string[] Projects = { "Contoso.Core", "Contoso.Data", "Contoso.Services", "Contoso.Web" };

        private static readonly string[][] ProjectReferences =
        {
            new[] { "../../sdk/OpenAI/OpenAI.csproj" },
            new[] { "../Contoso.Core/Contoso.Core.csproj" },
            new[] { "../Contoso.Core/Contoso.Core.csproj", "../Contoso.Data/Contoso.Data.csproj", "../../sdk/OpenAI/OpenAI.csproj" },
            new[] { "../Contoso.Core/Contoso.Core.csproj", "../Contoso.Services/Contoso.Services.csproj", "../../sdk/OpenAI/OpenAI.csproj" },
        };

        private static readonly string[] Domains =
        {
            "Orders", "Customers", "Billing", "Shipping", "Inventory", "Reporting", "Catalog", "Notifications", "Identity", "Search", "Pricing", "Returns",
        };

        private readonly string root;
        private readonly int files;
        private readonly Random random;

        public SolutionWriter(string root, int files, int seed)
        {
            this.root = root;
            this.files = files;
            random = new Random(seed);
        }

        public int FileCount { get; private set; }

        public int LineCount { get; private set; }

        public int LiteralCount { get; private set; }

        public int AiFileCount { get; private set; }

        public void Write()
        {
            if (Directory.Exists(Path.Combine(root, "src")))
            {
                Directory.Delete(Path.Combine(root, "src"), recursive: true);
            }

            Directory.CreateDirectory(root);
            WriteRootFiles();
            WriteStubSdk();

            // Every 64th file (about 1.5%) calls the SDK; the first one in each project for sure.
            var perProject = files / Projects.Length;
            var index = 0;
            for (var p = 0; p < Projects.Length; p++)
            {
                var count = p == Projects.Length - 1 ? files - (perProject * (Projects.Length - 1)) : perProject;
                WriteProject(p, count, ref index);
            }
        }

        private void WriteRootFiles()
        {
            File.WriteAllText(Path.Combine(root, "Bench.slnx"), "<Solution>\n"
                + "  <Project Path=\"sdk/OpenAI/OpenAI.csproj\" />\n"
                + string.Concat(Projects.Select(p => "  <Project Path=\"src/" + p + "/" + p + ".csproj\" />\n"))
                + "</Solution>\n");

            File.WriteAllText(Path.Combine(root, ".editorconfig"), """
                # Model policy for the generated benchmark solution (project folders add Payments/ and Lab/ sections).
                root = true

                [*.cs]
                indent_style = space
                indent_size = 4
                model_policy.denied_origins = CN
                model_policy.unknown_models = warn

                """);

            File.WriteAllText(Path.Combine(root, "Directory.Build.props"), """
                <Project>
                  <!--
                    The benchmark modes differ only here: BenchMode = none | ours | bannedapi | both
                    (bench.mode.props, written by run-build-benchmark.sh next to this file).
                  -->
                  <Import Project="bench.mode.props" Condition="Exists('$(MSBuildThisFileDirectory)bench.mode.props')" />
                  <PropertyGroup>
                    <TargetFramework>net10.0</TargetFramework>
                    <LangVersion>latest</LangVersion>
                    <Nullable>disable</Nullable>
                    <ImplicitUsings>disable</ImplicitUsings>
                    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
                    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
                    <!-- The SDK's own analyzers off in every mode, so mode "none" compiles with no analyzer at all. -->
                    <EnableNETAnalyzers>false</EnableNETAnalyzers>
                    <GenerateDocumentationFile>false</GenerateDocumentationFile>
                    <NoWarn>$(NoWarn);NU1603;CS0168;CS0219;CS1998;CS8321</NoWarn>
                    <RestorePackagesPath Condition="'$(BenchPackagesPath)' != ''">$(BenchPackagesPath)</RestorePackagesPath>
                  </PropertyGroup>
                  <ItemGroup Condition="('$(BenchMode)' == 'ours' or '$(BenchMode)' == 'both') and '$(ModelPolicyAnalyzerDir)' == ''">
                    <PackageReference Include="ModelPolicy.Analyzers" Version="$(ModelPolicyAnalyzersVersion)" PrivateAssets="all" />
                  </ItemGroup>
                  <ItemGroup Condition="('$(BenchMode)' == 'ours' or '$(BenchMode)' == 'both') and '$(ModelPolicyAnalyzerDir)' != ''">
                    <Analyzer Include="$(ModelPolicyAnalyzerDir)/ModelPolicy.Analyzers.CSharp.dll" />
                    <Analyzer Include="$(ModelPolicyAnalyzerDir)/ModelPolicy.Core.dll" />
                    <CompilerVisibleProperty Include="ModelPolicyProfile" />
                    <CompilerVisibleProperty Include="ModelPolicyInventory" />
                  </ItemGroup>
                  <ItemGroup Condition="'$(BenchMode)' == 'bannedapi' or '$(BenchMode)' == 'both'">
                    <PackageReference Include="Microsoft.CodeAnalysis.BannedApiAnalyzers" Version="5.6.0" PrivateAssets="all" />
                    <AdditionalFiles Include="$(MSBuildThisFileDirectory)BannedSymbols.txt" />
                  </ItemGroup>
                </Project>

                """);

            // Stops MSBuild from looking further up for central package versions.
            File.WriteAllText(Path.Combine(root, "Directory.Packages.props"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
            File.WriteAllText(Path.Combine(root, "BannedSymbols.txt"), BannedSymbols);
        }

        private void WriteStubSdk()
        {
            var dir = Path.Combine(root, "sdk", "OpenAI");
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, "OpenAI.csproj"), """
                <Project Sdk="Microsoft.NET.Sdk">
                  <!-- Same assembly name and type shapes as the OpenAI package: calls into it are SDK positions. -->
                  <PropertyGroup>
                    <AssemblyName>OpenAI</AssemblyName>
                    <RootNamespace>OpenAI</RootNamespace>
                  </PropertyGroup>
                </Project>

                """);
            File.WriteAllText(Path.Combine(dir, "Stubs.cs"), """
                using System;

                namespace OpenAI
                {
                    public class OpenAIClientOptions
                    {
                        public Uri Endpoint { get; set; }
                    }

                    public class OpenAIClient
                    {
                        public OpenAIClient(string apiKey) { }
                        public OpenAIClient(string apiKey, OpenAIClientOptions options) { }
                        public Chat.ChatClient GetChatClient(string model) => new Chat.ChatClient(model, "");
                        public Embeddings.EmbeddingClient GetEmbeddingClient(string model) => new Embeddings.EmbeddingClient(model, "");
                    }
                }

                namespace OpenAI.Chat
                {
                    public class ChatClient
                    {
                        public ChatClient(string model, string apiKey) { }
                        public ChatClient(string model, string apiKey, OpenAIClientOptions options) { }
                        public string CompleteChat(string message) => message;
                    }
                }

                namespace OpenAI.Embeddings
                {
                    public class EmbeddingClient
                    {
                        public EmbeddingClient(string model, string apiKey) { }
                        public float[] GenerateEmbedding(string input) => new float[0];
                    }
                }

                """);
        }

        private void WriteProject(int p, int count, ref int index)
        {
            var name = Projects[p];
            var dir = Path.Combine(root, "src", name);
            Directory.CreateDirectory(dir);
            File.WriteAllText(Path.Combine(dir, name + ".csproj"), "<Project Sdk=\"Microsoft.NET.Sdk\">\n  <ItemGroup>\n"
                + string.Concat(ProjectReferences[p].Select(r => "    <ProjectReference Include=\"" + r + "\" />\n"))
                + "  </ItemGroup>\n</Project>\n");
            File.WriteAllText(Path.Combine(dir, ".editorconfig"), """
                # Sensitive logic: models made in the US or the EU only; a violation is an error.
                [Payments/**.cs]
                model_policy.profile = regulated
                model_policy.allowed_origins = US, EU

                # Experiments: open weights only.
                [Lab/**.cs]
                model_policy.require_open_weights = true
                model_policy.unknown_models = ignore

                """);
            WriteInfrastructure(dir, name);

            for (var i = 0; i < count; i++, index++)
            {
                // 8% of files in Payments/, 5% in Lab/, the rest in domain folders.
                var roll = random.Next(100);
                var folder = roll < 8 ? "Payments" : roll < 13 ? "Lab" : Domains[random.Next(Domains.Length)];
                var ai = index % 64 == 7;
                var code = new FileWriter(random, name, folder, index, ai).Write();
                var path = Path.Combine(dir, folder, Entity(index) + "Service" + index.ToString(CultureInfo.InvariantCulture) + ".cs");
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                File.WriteAllText(path, code.Text);
                FileCount++;
                LineCount += code.Lines;
                LiteralCount += code.Literals;
                AiFileCount += ai ? 1 : 0;
            }
        }

        private static string Entity(int index) => FileWriter.Entities[index % FileWriter.Entities.Length];

        private void WriteInfrastructure(string dir, string project)
        {
            Directory.CreateDirectory(Path.Combine(dir, "Infrastructure"));
            var code = $$"""
                using System;
                using System.Collections.Generic;

                namespace {{project}}.Infrastructure
                {
                    public static class Log
                    {
                        public static readonly List<string> Lines = new List<string>();
                        public static void Info(string template, params object[] args) => Lines.Add(template + args.Length);
                        public static void Warn(string template, params object[] args) => Lines.Add("WARN " + template + args.Length);
                        public static void Error(Exception error, string template, params object[] args) => Lines.Add("ERROR " + error.Message + template);
                    }

                    public static class Telemetry
                    {
                        public static int Track(string eventName, string endpoint) => eventName.Length + endpoint.Length;
                        public static int Send(Uri baseUrl, string path) => baseUrl.Host.Length + path.Length;
                    }

                    public static class Forecasts
                    {
                        // A "model" that is not an AI model: a forecasting model's name.
                        public static int Load(string model, int horizon) => model.Length + horizon;
                    }

                    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = true)]
                    public sealed class RouteAttribute : Attribute
                    {
                        public RouteAttribute(string template) => Template = template;
                        public string Template { get; }
                    }
                }

                """;
            File.WriteAllText(Path.Combine(dir, "Infrastructure", "Infrastructure.cs"), code);
            FileCount++;
            LineCount += code.Split('\n').Length;
        }

        // 50 real documentation-comment ids (the BannedApiAnalyzers format): console and file I/O, clocks,
        // legacy networking and serialization, reflection emit, threading, Newtonsoft (banned by name even
        // where the package is not referenced, as in many real repositories).
        private const string BannedSymbols = """
            T:System.Console;Use ILogger
            M:System.Console.WriteLine(System.String);Use ILogger
            M:System.Console.WriteLine(System.String,System.Object);Use ILogger
            M:System.Console.ReadLine;No console input in services
            M:System.IO.File.ReadAllText(System.String);Use IFileProvider
            M:System.IO.File.WriteAllText(System.String,System.String);Use IFileProvider
            M:System.IO.File.ReadAllBytes(System.String);Use IFileProvider
            M:System.IO.File.Delete(System.String);Use IFileProvider
            M:System.IO.File.Exists(System.String);Use IFileProvider
            M:System.IO.Directory.CreateDirectory(System.String);Use IFileProvider
            M:System.IO.Directory.Delete(System.String,System.Boolean);Use IFileProvider
            P:System.DateTime.Now;Use TimeProvider
            P:System.DateTime.Today;Use TimeProvider
            P:System.DateTimeOffset.Now;Use TimeProvider
            P:System.DateTime.UtcNow;Use TimeProvider
            M:System.Environment.Exit(System.Int32);Do not exit the process
            M:System.Environment.FailFast(System.String);Do not exit the process
            M:System.Environment.GetEnvironmentVariable(System.String);Use IConfiguration
            M:System.Environment.SetEnvironmentVariable(System.String,System.String);Use IConfiguration
            T:System.Net.WebClient;Use HttpClient
            T:System.Net.WebRequest;Use HttpClient
            T:System.Net.HttpWebRequest;Use HttpClient
            T:System.Net.ServicePointManager;Use SocketsHttpHandler
            M:System.Net.Http.HttpClient.#ctor;Use IHttpClientFactory
            T:System.Runtime.Serialization.Formatters.Binary.BinaryFormatter;Insecure
            T:System.Web.Script.Serialization.JavaScriptSerializer;Use System.Text.Json
            T:Newtonsoft.Json.JsonConvert;Use System.Text.Json
            T:Newtonsoft.Json.JsonSerializer;Use System.Text.Json
            T:Newtonsoft.Json.Linq.JObject;Use System.Text.Json.Nodes
            T:Newtonsoft.Json.Linq.JToken;Use System.Text.Json.Nodes
            M:Newtonsoft.Json.JsonConvert.SerializeObject(System.Object);Use System.Text.Json
            M:Newtonsoft.Json.JsonConvert.DeserializeObject``1(System.String);Use System.Text.Json
            M:System.Threading.Thread.Sleep(System.Int32);Use Task.Delay
            M:System.Threading.Thread.Abort;Not supported
            M:System.Threading.Tasks.Task.Wait;Await instead
            P:System.Threading.Tasks.Task`1.Result;Await instead
            M:System.GC.Collect;Let the runtime decide
            M:System.Reflection.Assembly.LoadFrom(System.String);Use AssemblyLoadContext
            M:System.Reflection.Assembly.LoadFile(System.String);Use AssemblyLoadContext
            T:System.Reflection.Emit.AssemblyBuilder;No runtime code generation
            M:System.Activator.CreateInstance(System.Type);Use DI
            M:System.Diagnostics.Process.Start(System.String);No child processes
            M:System.String.Format(System.String,System.Object);Use interpolation
            M:System.Security.Cryptography.MD5.Create;Use SHA256
            M:System.Security.Cryptography.SHA1.Create;Use SHA256
            T:System.Security.Cryptography.DES;Use Aes
            T:System.Security.Cryptography.RC2;Use Aes
            M:System.Random.#ctor;Use Random.Shared or RandomNumberGenerator
            M:System.Text.RegularExpressions.Regex.#ctor(System.String);Use the Regex source generator
            F:System.String.Empty;Use ""

            """;
    }

    internal readonly struct GeneratedFile
    {
        public GeneratedFile(string text, int lines, int literals)
        {
            Text = text;
            Lines = lines;
            Literals = literals;
        }

        public string Text { get; }

        public int Lines { get; }

        public int Literals { get; }
    }

    /// <summary>One file: a DTO with JSON names and a service class whose methods are built from snippets.</summary>
    internal sealed class FileWriter
    {
        public static readonly string[] Entities =
        {
            "Order", "Customer", "Invoice", "Shipment", "Product", "Report", "Notification", "Account", "Refund", "Coupon", "Warehouse", "Supplier",
            "Basket", "Review", "Subscription", "Voucher",
        };

        private static readonly string[] Words =
        {
            "order", "customer", "invoice", "shipment", "product", "report", "tenant", "region", "warehouse", "supplier", "payment", "refund",
            "discount", "basket", "review", "session", "token", "batch", "queue", "export", "import", "archive", "summary", "status",
        };

        private static readonly string[] Tables = { "dbo.Orders", "dbo.Customers", "dbo.Invoices", "sales.Shipments", "inv.Products", "dbo.AuditLog", "hr.Employees", "fin.Ledger" };

        private static readonly string[] Columns = { "Id", "CustomerId", "Total", "Status", "CreatedAt", "UpdatedAt", "Name", "Email", "Currency", "Quantity", "Sku", "TenantId" };

        private static readonly string[] Hosts =
        {
            "api.contoso-shop.com", "login.microsoftonline.com", "graph.microsoft.com", "github.com", "www.googleapis.com", "hooks.slack.com",
            "api.stripe.com", "maps.googleapis.com", "storage.contoso.net", "cdn.jsdelivr.net", "registry.npmjs.org", "api.twilio.com",
            "sentry.io", "status.contoso.com", "localhost:5001", "auth.contoso.com", "api.sendgrid.com", "s3.amazonaws.com",
        };

        private static readonly string[] Identifiers =
        {
            "Index", "Details", "Edit", "Delete", "Create", "Content-Type", "Accept", "Authorization", "X-Correlation-Id", "application/json",
            "text/plain", "utf-8", "en-US", "de-DE", "yyyy-MM-dd", "HH:mm:ss", "N2", "Bearer", "gzip", "no-cache", "Cache-Control",
            "ConnectionStrings:Default", "Logging:LogLevel:Default", "v1", "v2.1", "id", "name", "orderId", "createdAt", "ASPNETCORE_ENVIRONMENT",
            "Development", "Production", "Staging", "OK", "NotFound", "image/png", "multipart/form-data", "SHA256", "RS256", "admin", "read:orders",
        };

        // Everyday strings that share a word with a model family: people, products, the weather, rockets.
        private static readonly string[] NearMisses =
        {
            "Claude", "Gemini", "mistral", "falcon-9", "phoenix", "command", "Command", "llama-index", "atlas", "orca", "jamba", "Sonnet",
            "opus", "haiku", "gpt-4-turbo-pricing.md", "qwen", "bert", "titan", "nova", "spark-submit", "step-1", "granite", "olmo",
        };

        private static readonly string[] Cities = { "Berlin", "Lisbon", "Osaka", "Toronto", "Austin", "Nairobi", "Lyon", "Krakow", "Seoul", "Denver" };

        private readonly Random random;
        private readonly string project;
        private readonly string folder;
        private readonly int index;
        private readonly bool ai;
        private readonly StringBuilder text = new StringBuilder(12000);
        private int literals;
        private int local;

        public FileWriter(Random random, string project, string folder, int index, bool ai)
        {
            this.random = random;
            this.project = project;
            this.folder = folder;
            this.index = index;
            this.ai = ai;
        }

        private string Entity => Entities[index % Entities.Length];

        private string Class => Entity + "Service" + index.ToString(CultureInfo.InvariantCulture);

        public GeneratedFile Write()
        {
            Line("using System;");
            Line("using System.Collections.Generic;");
            Line("using System.Globalization;");
            Line("using System.IO;");
            Line("using System.Linq;");
            Line("using System.Net.Http;");
            Line("using System.Text;");
            Line("using System.Text.Json.Serialization;");
            Line("using System.Text.RegularExpressions;");
            Line("using " + project + ".Infrastructure;");
            if (ai)
            {
                Line("using OpenAI;");
                Line("using OpenAI.Chat;");
                Line("using OpenAI.Embeddings;");
            }

            Line("");
            Line("namespace " + project + "." + folder);
            Line("{");
            WriteDto();
            Line("");
            Line("    [Route(" + Lit("api/" + Pick(Words) + "s/{id:int}") + ")]");
            Line("    public sealed class " + Class);
            Line("    {");
            Line("        private const string TableName = " + Lit(Pick(Tables)) + ";");
            Line("        private const string CacheKeyPrefix = " + Lit(project.ToLowerInvariant() + ":" + Pick(Words) + ":") + ";");
            Line("        private static readonly Regex CodePattern = new Regex(" + Verbatim(@"^[A-Z]{2,3}-\d{4,6}$") + ", RegexOptions.Compiled);");
            Line("        private readonly Dictionary<string, string> settings = new Dictionary<string, string>");
            Line("        {");
            Line("            { " + Lit(folder + ":RetryCount") + ", " + Lit(random.Next(1, 9).ToString(CultureInfo.InvariantCulture)) + " },");
            Line("            { " + Lit(folder + ":BaseAddress") + ", " + Lit("https://" + Pick(Hosts) + "/") + " },");
            Line("            { " + Lit("ConnectionStrings:" + folder) + ", " + Lit("Server=tcp:sql-" + Pick(Words) + ".contoso.net,1433;Database=" + folder + ";Encrypt=True") + " },");
            Line("        };");
            Line("");
            Line("        private static int U8Len(ReadOnlySpan<byte> bytes) => bytes.Length;");
            Line("");
            var methods = 4 + random.Next(3);
            for (var m = 0; m < methods; m++)
            {
                WriteMethod(m);
            }

            if (ai)
            {
                WriteAiMethod();
            }

            Line("    }");
            Line("}");
            var code = text.ToString();
            return new GeneratedFile(code, code.Count(c => c == '\n'), literals);
        }

        private void WriteDto()
        {
            Line("    public sealed class " + Entity + "Dto" + index.ToString(CultureInfo.InvariantCulture));
            Line("    {");
            var count = 5 + random.Next(5);
            var used = new HashSet<string>();
            for (var i = 0; i < count; i++)
            {
                // Id and Status first: ToString() below uses them.
                var column = i == 0 ? "Id" : i == 1 ? "Status" : Pick(Columns);
                if (!used.Add(column))
                {
                    continue;
                }

                var json = char.ToLowerInvariant(column[0]) + column.Substring(1);
                if (random.Next(3) == 0)
                {
                    json = string.Concat(column.Select((c, k) => k > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
                }

                Line("        [JsonPropertyName(" + Lit(json) + ")]");
                Line("        public string " + column + " { get; set; } = " + Lit(random.Next(4) == 0 ? Pick(Identifiers) : "") + ";");
                Line("");
            }

            Line("        public override string ToString() => $\"" + Entity + " {Id} ({Status})\";");
            literals++;
            Line("    }");
        }

        private void WriteMethod(int m)
        {
            var name = Pick(new[] { "Load", "Save", "Export", "Import", "Validate", "Render", "Sync", "Archive", "Notify", "Price" }) + Entity + m.ToString(CultureInfo.InvariantCulture);
            Line("        public string " + name + "(int id, string name)");
            Line("        {");
            Line("            var sb = new StringBuilder();");
            var snippets = 3 + random.Next(3);
            for (var s = 0; s < snippets; s++)
            {
                Snippet(random.Next(20));
            }

            Line("            return sb.ToString();");
            Line("        }");
            Line("");
        }

        private void Snippet(int kind)
        {
            var v = "v" + (local++).ToString(CultureInfo.InvariantCulture);
            var word = Pick(Words);
            switch (kind)
            {
                case 0:
                    Line("            Log.Info(" + Lit("Processing {" + Cap(word) + "} {Id} for tenant {Tenant} in {Elapsed:0.0} ms") + ", name, id, " + Lit(Pick(Cities)) + ", 12.5);");
                    Line("            Log.Warn($\"Retry {id} of " + random.Next(2, 6) + " for " + word + " {name} failed; next attempt in {id * 2} s\");");
                    literals++;
                    break;
                case 1:
                    Line("            const string " + v + " = " + Lit("SELECT " + string.Join(", ", Enumerable.Range(0, 3).Select(_ => "t." + Pick(Columns))) + " FROM " + Pick(Tables) + " t WHERE t." + Pick(Columns) + " = @id AND t.TenantId = @tenant ORDER BY t.CreatedAt DESC") + ";");
                    Line("            sb.Append(" + v + ").Append(TableName);");
                    break;
                case 2:
                    Line("            var " + v + " = @\"");
                    Line("                UPDATE " + Pick(Tables));
                    Line("                SET Status = 'Processed', UpdatedAt = SYSUTCDATETIME(), Note = N'" + Cap(word) + " " + Pick(Cities) + "'");
                    Line("                WHERE Id = @id AND RowVersion = @rowVersion\";");
                    Line("            sb.Append(" + v + ".Trim());");
                    literals++;
                    break;
                case 3:
                    Line("            var " + v + " = Path.Combine(AppContext.BaseDirectory, " + Lit("data") + ", " + Lit(word + "s") + ", id.ToString(CultureInfo.InvariantCulture) + " + Lit(".json") + ");");
                    Line("            var " + v + "b = " + Verbatim(@"C:\ProgramData\Contoso\" + Cap(word) + @"\logs\" + word + ".log") + ";");
                    Line("            sb.Append(" + v + ").Append(" + v + "b).Append(" + Lit("/var/lib/contoso/" + word + "/cache/") + ");");
                    break;
                case 4:
                    Line("            var " + v + " = new Uri(" + Lit("https://" + Pick(Hosts) + "/v" + random.Next(1, 4) + "/" + word + "s/") + " + id);");
                    Line("            sb.Append(Telemetry.Track(" + Lit(word + ".loaded") + ", endpoint: " + Lit("https://telemetry.contoso.com/ingest/" + word) + "));");
                    Line("            sb.Append(Telemetry.Send(" + v + ", $\"/status/{name}?expand=items&page={id}\"));");
                    literals++;
                    break;
                case 5:
                    Line("            var " + v + " = \"\"\"");
                    Line("                {");
                    Line("                  \"" + word + "Id\": 42,");
                    Line("                  \"currency\": \"EUR\",");
                    Line("                  \"city\": \"" + Pick(Cities) + "\",");
                    Line("                  \"items\": [ { \"sku\": \"AB-" + random.Next(1000, 9999) + "\", \"qty\": 2 } ],");
                    Line("                  \"callback\": \"https://" + Pick(Hosts) + "/callbacks/" + word + "\"");
                    Line("                }");
                    Line("                \"\"\";");
                    Line("            sb.Append(" + v + ");");
                    literals++;
                    break;
                case 6:
                    Line("            var " + v + " = $$\"\"\"{\"id\": {{id}}, \"name\": \"{{name}}\", \"type\": \"" + word + ".updated\", \"source\": \"" + project + "\"}\"\"\";");
                    Line("            sb.Append(" + v + ");");
                    literals++;
                    break;
                case 7:
                    Line("            var " + v + " = new Dictionary<string, string>");
                    Line("            {");
                    Line("                { " + Lit("Content-Type") + ", " + Lit("application/json") + " },");
                    Line("                { " + Lit("Accept") + ", " + Lit(Pick(new[] { "application/json", "text/plain", "application/problem+json" })) + " },");
                    Line("                { " + Lit("X-Correlation-Id") + ", Guid.NewGuid().ToString(" + Lit("N") + ") },");
                    Line("            };");
                    Line("            " + v + "[" + Lit("Authorization") + "] = " + Lit("Bearer ") + " + name;");
                    Line("            sb.Append(" + v + ".Count);");
                    break;
                case 8:
                    Line("            var " + v + " = settings.TryGetValue(" + Lit(folder + ":" + Cap(word) + "Limit") + ", out var " + v + "s) ? " + v + "s : " + Lit(random.Next(10, 500).ToString(CultureInfo.InvariantCulture)) + ";");
                    Line("            var " + v + "e = Environment.GetEnvironmentVariable(" + Lit("CONTOSO_" + word.ToUpperInvariant() + "_" + Pick(new[] { "DB", "QUEUE", "API_KEY", "TIMEOUT" })) + ") ?? " + Lit("") + ";");
                    Line("            sb.Append(" + v + ").Append(" + v + "e).Append(CacheKeyPrefix);");
                    break;
                case 9:
                    Line("            if (Regex.IsMatch(name, " + Verbatim(@"^[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}$") + ", RegexOptions.IgnoreCase) || CodePattern.IsMatch(name))");
                    Line("            {");
                    Line("                sb.Append(Regex.Replace(name, " + Lit("(?<year>\\d{4})-(?<month>\\d{2})") + ", " + Lit("${month}/${year}") + "));");
                    Line("            }");
                    break;
                case 10:
                    Line("            switch (name)");
                    Line("            {");
                    Line("                case " + Lit("Index") + ":");
                    Line("                case " + Lit("Details") + ":");
                    Line("                    sb.Append(" + Lit(Pick(Identifiers)) + ");");
                    Line("                    break;");
                    Line("                case " + Lit(Pick(NearMisses)) + ":");
                    Line("                    sb.Append(" + Lit(Pick(NearMisses)) + ");");
                    Line("                    break;");
                    Line("                default:");
                    Line("                    sb.Append(" + Lit(Pick(Identifiers)) + ");");
                    Line("                    break;");
                    Line("            }");
                    break;
                case 11:
                    Line("            var " + v + " = new { name = name, url = " + Lit("https://hooks." + Pick(Hosts) + "/" + word) + ", type = " + Lit(word + ".created") + ", label = " + Lit(Pick(NearMisses)) + " };");
                    Line("            sb.Append(" + v + ".url).Append(" + v + ".label);");
                    break;
                case 12:
                    Line("            if (id < 0)");
                    Line("            {");
                    Line("                throw new InvalidOperationException($\"" + Cap(word) + " {id} was not found in warehouse {name}; check the " + Pick(Identifiers) + " setting\");");
                    Line("            }");
                    literals++;
                    break;
                case 13:
                    Line("            sb.Append(" + Lit("<div class=\"alert alert-info\">Your " + word + " has been updated.</div>") + ");");
                    Line("            sb.AppendFormat(CultureInfo.InvariantCulture, " + Lit("{0:N2} {1} on {2:yyyy-MM-dd}") + ", id * 1.5, " + Lit("EUR") + ", new DateTime(2024, 5, 1));");
                    break;
                case 14:
                    Line("            sb.Append(Forecasts.Load(model: " + Lit(Cap(word) + "Forecast-v" + random.Next(1, 5)) + ", horizon: " + random.Next(7, 90) + "));");
                    Line("            sb.Append(" + Lit("Thanks for shopping with Contoso. We will email you at the address on file when your " + word + " ships; most orders arrive within 3-5 business days.") + ");");
                    break;
                case 15:
                    Line("            var " + v + " = new[] { " + string.Join(", ", Enumerable.Range(0, 5).Select(_ => Lit(Pick(Identifiers)))) + " };");
                    Line("            sb.Append(string.Join(" + Lit(", ") + ", " + v + ".Where(x => x.StartsWith(" + Lit("C") + ", StringComparison.Ordinal))));");
                    break;
                case 16:
                    // What BannedApiAnalyzers is there to catch, sprinkled as in real code.
                    Line("            var " + v + " = DateTime.Now.ToString(" + Lit("O") + ", CultureInfo.InvariantCulture);");
                    Line("            if (File.Exists(" + Lit(word + ".lock") + ")) { Console.WriteLine(" + Lit("Lock held for " + word) + "); }");
                    Line("            sb.Append(" + v + ");");
                    break;
                case 17:
                    Line("            var " + v + " = string.Format(CultureInfo.InvariantCulture, " + Lit("{0}/{1}/{2}") + ", " + Lit(word) + ", id, name);");
                    Line("            sb.Append(" + v + ").Append(" + Lit("'") + ").Append(" + Lit("\\t") + ").Append('\\n');");
                    break;
                case 18:
                    Line("            var " + v + " = \"\"\"");
                    Line("                Dear customer,");
                    Line("                your " + word + " from " + Pick(Cities) + " is on its way. Track it at https://track.contoso.com/" + word + ".");
                    Line("                Questions? Reply to this e-mail or call +1 555 0100.");
                    Line("                \"\"\";");
                    Line("            sb.Append(" + v + ");");
                    literals++;
                    break;
                default:
                    Line("            sb.Append(" + Lit(Pick(NearMisses)) + ").Append(" + Lit(Pick(Identifiers)) + ").Append(U8Len(" + Lit(word) + "u8));");
                    break;
            }
        }

        private void WriteAiMethod()
        {
            // Payments is regulated: only US/EU models there. Elsewhere anything goes, including the denied
            // origins the policy should flag (warnings, so the build completes).
            var regulated = folder == "Payments";
            var variant = regulated ? index % 2 : index % 7;
            Line("        public string Ask" + Entity + "(string apiKey, string question)");
            Line("        {");
            switch (variant)
            {
                case 0:
                    Line("            var client = new ChatClient(" + Lit(regulated ? "gpt-4o-mini" : "gpt-4o-2024-08-06") + ", apiKey);");
                    Line("            return client.CompleteChat(question);");
                    break;
                case 1:
                    Line("            var embeddings = new EmbeddingClient(" + Lit("text-embedding-3-small") + ", apiKey);");
                    Line("            return embeddings.GenerateEmbedding(question).Length.ToString(CultureInfo.InvariantCulture);");
                    break;
                case 2:
                    Line("            var options = new OpenAIClientOptions { Endpoint = new Uri(" + Lit("https://dashscope.aliyuncs.com/compatible-mode/v1") + ") };");
                    Line("            var client = new ChatClient(model: " + Lit("qwen-max") + ", apiKey, options);");
                    Line("            return client.CompleteChat(question);");
                    break;
                case 3:
                    Line("            var client = new OpenAIClient(apiKey, new OpenAIClientOptions { Endpoint = new Uri(" + Lit("https://api.deepseek.com/v1") + ") });");
                    Line("            return client.GetChatClient(" + Lit("deepseek-chat") + ").CompleteChat(question);");
                    break;
                case 4:
                    Line("            var body = \"\"\"{\"model\": \"qwen2.5:7b\", \"prompt\": \"Summarise this " + Entity.ToLowerInvariant() + "\", \"stream\": false}\"\"\";");
                    Line("            return body + " + Lit("http://localhost:11434/api/generate") + ";");
                    literals++;
                    break;
                case 5:
                    Line("            const string DefaultModel = " + Lit("claude-3-5-sonnet-20241022") + ";");
                    Line("            return new ChatClient(DefaultModel, apiKey).CompleteChat(question);");
                    break;
                default:
                    Line("            var weights = new Dictionary<string, string> { { " + Lit("model") + ", " + Lit("Qwen/Qwen2.5-7B-Instruct") + " }, { " + Lit("path") + ", " + Lit("/models/qwen2.5-7b-instruct-q4_k_m.gguf") + " } };");
                    Line("            return weights[" + Lit("model") + "] + question;");
                    break;
            }

            Line("        }");
        }

        private string Lit(string value)
        {
            literals++;
            return "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
        }

        private string Verbatim(string value)
        {
            literals++;
            return "@\"" + value.Replace("\"", "\"\"") + "\"";
        }

        private static string Cap(string word) => char.ToUpperInvariant(word[0]) + word.Substring(1);

        private T Pick<T>(T[] items) => items[random.Next(items.Length)];

        private void Line(string line) => text.Append(line).Append('\n');
    }
}
