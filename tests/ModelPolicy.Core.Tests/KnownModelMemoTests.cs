using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ModelPolicy.Catalog;
using Xunit;

namespace ModelPolicy.Tests
{
    /// <summary>
    /// ModelCatalog.IsKnownModel remembers its answers in a table without locks, looked up on a file's characters. Its
    /// answers must be the catalog's own (MatchModel) whatever was asked before, from any thread, and on characters inside
    /// a longer text as on a string of their own.
    /// </summary>
    public class KnownModelMemoTests
    {
        private static readonly string[] Known = { "gpt-4o", "gpt-4o-mini", "qwen-max", "deepseek-chat", "claude-3-5-sonnet-20241022", "Qwen/Qwen2.5-7B-Instruct", "command", "mistral" };

        private static readonly string[] Unknown = { "my-own-thing", "basket.created", "TokenForecast-v3", "step-by-step", "image/png" };

        [Fact]
        public void AnswersAreTheCatalogsOwnAfterTheTableIsFull()
        {
            var catalog = ModelCatalog.Builtin;
            // more distinct strings than the table has slots, asked twice: every slot is taken over at least once
            var asked = Enumerable.Range(0, 20_000).Select(i => (i % 3 == 0 ? "gpt-4o-" : "made-up-") + i).Concat(Known).Concat(Unknown).ToList();
            foreach (var round in Enumerable.Range(0, 2))
            {
                foreach (var id in asked)
                {
                    Assert.Equal(catalog.MatchModel(id) != null, catalog.IsKnownModel(id));
                }
            }

            foreach (var id in Known)
            {
                Assert.True(catalog.IsKnownModel(id), id);
            }

            foreach (var id in Unknown)
            {
                Assert.False(catalog.IsKnownModel(id), id);
            }
        }

        [Fact]
        public void CharactersInALongerTextAreAnsweredAsTheirOwnString()
        {
            var catalog = ModelCatalog.Builtin;
            foreach (var id in Known.Concat(Unknown))
            {
                var text = "var x = \"" + id + "\"; // " + id + "-suffix";
                var start = text.IndexOf(id, System.StringComparison.Ordinal);
                Assert.Equal(catalog.IsKnownModel(id), catalog.IsKnownModel(text, start, start + id.Length));
                Assert.Equal(catalog.IsKnownModel(id + "-suffix"), catalog.IsKnownModel(text, text.Length - id.Length - "-suffix".Length, text.Length));
            }
        }

        [Fact]
        public void ThreadsAskingAtOnceGetTheSameAnswers()
        {
            var catalog = ModelCatalog.Builtin;
            var ids = Enumerable.Range(0, 5_000).Select(i => (i % 2 == 0 ? "qwen-max-" : "other-") + (i % 700)).Concat(Known).Concat(Unknown).ToArray();
            var expected = ids.Distinct().ToDictionary(id => id, id => catalog.MatchModel(id) != null);
            var wrong = new List<string>();
            Parallel.For(0, 8, worker =>
            {
                for (var i = 0; i < ids.Length; i++)
                {
                    var id = ids[(i * (worker + 1)) % ids.Length];
                    if (catalog.IsKnownModel(id) != expected[id])
                    {
                        lock (wrong)
                        {
                            wrong.Add(id);
                        }
                    }
                }
            });
            Assert.Empty(wrong);
        }
    }
}
