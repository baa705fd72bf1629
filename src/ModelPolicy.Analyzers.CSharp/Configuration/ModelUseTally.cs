using System;
using System.Collections.Concurrent;
using System.Linq;
using ModelPolicy.Catalog;

namespace ModelPolicy.Analyzers.Configuration
{
    /// <summary>How many model uses of one compilation (code and configuration) come from each vendor: the fact MP0007's project check reads.</summary>
    internal sealed class ModelUseTally
    {
        private readonly ConcurrentDictionary<string, int> usesByVendor = new ConcurrentDictionary<string, int>(StringComparer.Ordinal);

        public void Record(ModelMatch? match)
        {
            if (match != null)
            {
                usesByVendor.AddOrUpdate(match.Vendor.Name, 1, (_, n) => n + 1);
            }
        }

        /// <summary>The one vendor every recognised use comes from, and the number of uses; null when there are none or several vendors.</summary>
        public (string Vendor, int Uses)? SingleVendor()
        {
            var snapshot = usesByVendor.ToArray();
            return snapshot.Length == 1 ? (snapshot[0].Key, snapshot[0].Value) : ((string, int)?)null;
        }
    }
}
