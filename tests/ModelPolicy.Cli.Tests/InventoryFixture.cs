using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using ModelPolicy.Cli.Inventory;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    /// <summary>
    /// Loads the sample tree once (design-time builds take seconds each) and runs the inventory on it; the
    /// tests render that one result in each format.
    /// </summary>
    public sealed class InventoryFixture : IAsyncLifetime
    {
        public string Root { get; private set; } = string.Empty;

        internal InventoryResult Result { get; private set; } = null!;

        internal InventoryReport Report => new InventoryReport(Result);

        public async Task InitializeAsync()
        {
            Root = SampleSolution.Create();
            Result = await InventoryCommand.AnalyzeAsync(Root, new Dictionary<string, string>(), progress: null, CancellationToken.None);
        }

        public Task DisposeAsync()
        {
            try
            {
                Directory.Delete(Root, recursive: true);
            }
            catch (IOException)
            {
            }

            return Task.CompletedTask;
        }

        internal string Render(OutputFormat format)
        {
            var output = new StringWriter();
            InventoryCommand.Render(Report, format, output);
            return output.ToString();
        }
    }

    [CollectionDefinition(Name)]
    public sealed class InventoryCollection : ICollectionFixture<InventoryFixture>
    {
        public const string Name = "inventory";
    }
}
