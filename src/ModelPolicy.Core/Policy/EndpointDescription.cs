using ModelPolicy.Catalog;

namespace ModelPolicy.Policy
{
    /// <summary>
    /// The words every surface uses for an endpoint's three facts, so the analyzer, the runtime guard and the
    /// command-line tool say the same: <c>Amazon, US, region DE</c>.
    /// </summary>
    public static class EndpointDescription
    {
        /// <summary>
        /// "Amazon, US, region US" (operator, operator's country, region); "OpenAI, US, region unknown";
        /// "self-hosted" or "host not in the catalog" for a host the catalog does not know.
        /// </summary>
        /// <param name="entry">The catalog's entry for the host, or null.</param>
        /// <param name="region">The host's region (<see cref="Verdict.Region"/> or <see cref="HostEntry.RegionOf"/>); null reads as unknown.</param>
        /// <param name="local">True for localhost and loopback addresses.</param>
        public static string Describe(HostEntry? entry, EndpointRegion? region, bool local) =>
            entry != null
                ? entry.Operator.Name + ", " + entry.Country + ", region " + (region?.Display ?? "unknown")
                : local ? "self-hosted" : "host not in the catalog";

        /// <summary>As <see cref="Describe(HostEntry?, EndpointRegion?, bool)"/>, taking the region from the verdict.</summary>
        public static string Describe(HostEntry? entry, Verdict verdict, bool local) => Describe(entry, verdict.Region, local);

        /// <summary>"region DE (aws eu-central-1, Europe (Frankfurt))": the region with the cloud's code where the host names one.</summary>
        public static string DescribeRegion(EndpointRegion region) =>
            "region " + region.Display + (region.CloudRegion == null ? string.Empty : " (" + region.CloudRegion + (region.CloudRegionName == null ? string.Empty : ", " + region.CloudRegionName) + ")");
    }
}
