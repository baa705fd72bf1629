using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// Start-up validation (with <c>ValidateOnStart</c>): bad policy values (naming the key), empty models,
    /// bad endpoints, unknown fallback routes, fallback cycles and, unless
    /// <see cref="ModelRoutingOptions.EnforcePolicyAtStartup"/> is false, routes and fallbacks the policy denies.
    /// </summary>
    internal sealed class ModelRoutingOptionsValidator : IValidateOptions<ModelRoutingOptions>
    {
        public ValidateOptionsResult Validate(string? name, ModelRoutingOptions options)
        {
            var errors = new List<string>();
            var denials = new List<string>();
            ModelRouteTable.Build(options, errors, denials);
            if (options.EnforcePolicyAtStartup)
            {
                errors.AddRange(denials);
            }

            return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
        }
    }
}
