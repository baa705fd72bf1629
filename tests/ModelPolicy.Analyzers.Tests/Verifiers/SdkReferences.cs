using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace ModelPolicy.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Metadata references for test sources: the .NET 10 reference assemblies (no download) and the real
    /// SDK assemblies this test project restores, with the dependencies they need to compile against.
    /// </summary>
    public static class SdkReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyAll = new Lazy<ImmutableArray<MetadataReference>>(Load);

        /// <summary>One type of each SDK the analyzer is tested against.</summary>
        public static readonly Type[] SdkRoots =
        {
            typeof(OpenAI.Chat.ChatClient),
            typeof(Azure.AI.OpenAI.AzureOpenAIClient),
            typeof(Microsoft.Extensions.AI.IChatClient),
            typeof(Microsoft.Extensions.AI.ChatClientBuilder),
            typeof(Microsoft.Extensions.AI.OpenAIClientExtensions),
            typeof(Microsoft.SemanticKernel.Kernel),
            typeof(Microsoft.SemanticKernel.OpenAIServiceCollectionExtensions),
            typeof(Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings),
            typeof(Microsoft.SemanticKernel.Connectors.AzureOpenAI.AzureOpenAIPromptExecutionSettings),
            typeof(OllamaSharp.OllamaApiClient),
            typeof(LLama.Common.ModelParams),
            typeof(Anthropic.AnthropicClient),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.DependencyInjection.ServiceCollection),
            typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.Logging.ILogger),
            typeof(ModelPolicy.Routing.IModelRoutes),
        };

        public static ImmutableArray<MetadataReference> All => LazyAll.Value;

        private static ImmutableArray<MetadataReference> Load()
        {
            var framework = Basic.Reference.Assemblies.Net100.References.All.ToList();
            var frameworkNames = new HashSet<string>(
                framework.Select(r => Path.GetFileNameWithoutExtension(((PortableExecutableReference)r).FilePath ?? string.Empty)),
                StringComparer.OrdinalIgnoreCase);
            var baseDirectory = AppContext.BaseDirectory;
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            var pending = new Queue<Assembly>(SdkRoots.Select(t => t.Assembly));
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (pending.Count > 0)
            {
                var assembly = pending.Dequeue();
                var name = assembly.GetName().Name!;
                if (!seen.Add(name) || frameworkNames.Contains(name))
                {
                    continue;
                }

                var location = assembly.Location;
                if (string.IsNullOrEmpty(location) || !location.StartsWith(baseDirectory, StringComparison.Ordinal))
                {
                    continue;
                }

                paths.Add(location);
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    var file = Path.Combine(baseDirectory, reference.Name + ".dll");
                    if (File.Exists(file) && !seen.Contains(reference.Name!))
                    {
                        try
                        {
                            pending.Enqueue(Assembly.Load(reference));
                        }
                        catch (IOException)
                        {
                        }
                    }
                }
            }

            return framework.Concat(paths.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))).ToImmutableArray();
        }
    }
}
