using System;
using Microsoft.Extensions.AI;
using ModelPolicy.Routing;

namespace RoutingConsumer;

/// <summary>
/// Both namespaces imported, and the names Microsoft.Extensions.AI 10.11 and ModelPolicy.Routing both could
/// have claimed: with ModelPolicy.Routing 0.1's own FailoverChatClient this file was error CS0104.
/// </summary>
public static class MeaiNames
{
    /// <summary>The routed client is MEAI's FailoverChatClient (and so its RoutingChatClient).</summary>
    public static FailoverChatClient AsFailover(ModelRouteChatClient routed) => routed;

    public static RoutingChatClient AsRouting(FailoverChatClient failover) => failover;

    public static string Describe(FailoverChatClient failover, OrderedFailoverChatClient? ordered) =>
        failover.GetType().Name + " : " + typeof(FailoverChatClient).FullName + (ordered is null ? string.Empty : ", " + ordered.GetType().FullName);
}
