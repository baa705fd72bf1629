using System;
using System.CommandLine;
using System.Linq;

namespace ModelPolicy.Cli
{
    /// <summary>The options every command that loads projects takes, made one way.</summary>
    internal static class CommonOptions
    {
        /// <summary><c>--property/-p Name=Value</c>, repeatable: an MSBuild global property for loading.</summary>
        public static Option<string[]> Property(string description)
        {
            var property = new Option<string[]>("--property", "-p")
            {
                Description = description,
                HelpName = "name=value",
                AllowMultipleArgumentsPerToken = false,
            };
            property.Validators.Add(result =>
            {
                foreach (var value in result.Tokens.Select(t => t.Value))
                {
                    if (value.IndexOf('=', StringComparison.Ordinal) <= 0)
                    {
                        result.AddError($"--property expects Name=Value, not '{value}'.");
                    }
                }
            });
            return property;
        }

        /// <summary><c>--quiet/-q</c>: no progress on standard error.</summary>
        public static Option<bool> Quiet() => new Option<bool>("--quiet", "-q") { Description = "No progress on standard error." };
    }
}
