using System;
using System.IO;
using ModelPolicy.Cli.Loading;
using Xunit;

namespace ModelPolicy.Cli.Tests
{
    public sealed class InventoryTargetTests : IDisposable
    {
        private readonly string root = Path.Combine(Path.GetTempPath(), "modelpolicy-target-" + Guid.NewGuid().ToString("N").Substring(0, 8));

        public InventoryTargetTests() => Directory.CreateDirectory(root);

        [Fact]
        public void A_folder_takes_the_one_closest_solution()
        {
            Touch("src/Deep/Other.sln");
            Touch("Main.slnx");
            Touch("src/App/App.csproj");

            var target = InventoryTarget.Resolve(root);

            Assert.Equal(Path.Combine(root, "Main.slnx"), target.Solution);
            Assert.Equal(root, target.Root);
            Assert.Equal("Main", target.Name);
        }

        [Fact]
        public void A_folder_with_two_solutions_at_the_same_depth_is_a_usage_error()
        {
            Touch("a/A.sln");
            Touch("b/B.sln");

            var error = Assert.Throws<InventoryException>(() => InventoryTarget.Resolve(root));
            Assert.Contains("several solutions", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void A_folder_without_a_solution_takes_every_project_but_those_under_bin_and_obj()
        {
            Touch("One/One.csproj");
            Touch("Two/Two.csproj");
            Touch("One/obj/Stale.csproj");

            var target = InventoryTarget.Resolve(root);

            Assert.Null(target.Solution);
            Assert.Equal(new[] { Path.Combine(root, "One", "One.csproj"), Path.Combine(root, "Two", "Two.csproj") }, target.Projects);
        }

        [Fact]
        public void An_empty_folder_is_a_usage_error()
        {
            Assert.Throws<InventoryException>(() => InventoryTarget.Resolve(root));
        }

        public void Dispose() => Directory.Delete(root, recursive: true);

        private void Touch(string relative)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, string.Empty);
        }
    }
}
