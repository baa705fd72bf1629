using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    /// <summary>
    /// Routes and policy change at run time (IOptionsMonitor over a reloaded configuration): a good change is
    /// served by the clients already handed out, a change with a problem is refused and logged.
    /// </summary>
    public class RouteReloadTests
    {
        private static readonly ChatMessage[] Hello = { new ChatMessage(ChatRole.User, "hello") };

        private readonly CallLog calls = new CallLog();
        private readonly FakeLogger logger = new FakeLogger();
        private readonly List<string> built = new List<string>();

        // gpt-4o is down; chat fails over to mistral-small-latest.
        private IConfigurationRoot configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ModelPolicy:DeniedOrigins"] = "CN",
            ["ModelRoutes:chat:Model"] = "gpt-4o",
            ["ModelRoutes:chat:Provider"] = "openai",
            ["ModelRoutes:chat:Fallbacks:0:Model"] = "mistral-small-latest",
            ["ModelRoutes:chat:Fallbacks:0:Provider"] = "mistral",
        }).Build();

        [Fact]
        public async Task A_good_reload_is_served_by_the_client_already_handed_out()
        {
            using var provider = Provider();
            var routes = provider.GetRequiredService<IModelRoutes>();
            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
            Assert.Equal("from mistral-small-latest", (await chat.GetResponseAsync(Hello)).Text);

            Change(("ModelRoutes:chat:Fallbacks:0:Model", "mistral-large-latest"));

            Assert.Equal("mistral-large-latest", routes.Get("chat").Fallbacks.Single().Model);
            Assert.Equal("from mistral-large-latest", (await chat.GetResponseAsync(Hello)).Text);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest", "gpt-4o", "mistral-large-latest" }, calls.Calls);
            var reloaded = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Reloaded);
            Assert.Equal(LogLevel.Information, reloaded.Level);
            Assert.Equal("Model routes reloaded from 'ModelRoutes': chat", reloaded.Message);
        }

        [Fact]
        public async Task A_reload_that_adds_a_denied_route_is_refused_logged_and_the_last_good_routes_keep_serving()
        {
            using var provider = Provider();
            var routes = provider.GetRequiredService<IModelRoutes>();
            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");

            // A new route to DeepSeek (CN), and the same model put first among chat's fallbacks.
            Change(
                ("ModelRoutes:cheap:Model", "deepseek-chat"),
                ("ModelRoutes:chat:Fallbacks:0:Model", "deepseek-chat"),
                ("ModelRoutes:chat:Fallbacks:0:Provider", "deepseek"),
                ("ModelRoutes:chat:Fallbacks:1:Model", "mistral-small-latest"),
                ("ModelRoutes:chat:Fallbacks:1:Provider", "mistral"));

            var refused = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.ReloadRefused);
            Assert.Equal(LogLevel.Error, refused.Level);
            Assert.Equal(2, refused["Count"]);
            Assert.Contains("Model route 'cheap' resolves to model 'deepseek-chat' (vendor DeepSeek, origin CN), which the model policy denies", refused.Message, StringComparison.Ordinal);
            Assert.Contains("Fallback 1 of model route 'chat' (ModelRoutes:chat:Fallbacks:0) resolves to model 'deepseek-chat'", refused.Message, StringComparison.Ordinal);
            Assert.StartsWith("Changed configuration of 'ModelRoutes' refused (2 problems), the last good routes keep serving: ", refused.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(logger.Entries, e => e.EventId == RoutingLog.Reloaded);

            Assert.Equal(new[] { "chat" }, routes.Names);
            Assert.Throws<ModelRouteNotFoundException>(() => routes.Get("cheap"));
            Assert.Equal("from mistral-small-latest", (await chat.GetResponseAsync(Hello)).Text);
            Assert.Equal(new[] { "gpt-4o", "mistral-small-latest" }, calls.Calls);
            Assert.DoesNotContain("deepseek-chat", built);
        }

        [Fact]
        public async Task A_reload_whose_policy_would_deny_a_route_in_use_is_refused()
        {
            using var provider = Provider();
            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");

            Change(("ModelPolicy:DeniedOrigins", "CN, FR"));

            var refused = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.ReloadRefused);
            Assert.Contains("'mistral-small-latest' (vendor Mistral, origin FR)", refused.Message, StringComparison.Ordinal);
            Assert.Equal("from mistral-small-latest", (await chat.GetResponseAsync(Hello)).Text);
        }

        [Fact]
        public void The_same_change_signalled_twice_is_judged_and_logged_once()
        {
            using var provider = Provider();
            _ = provider.GetRequiredService<IModelRoutes>().Names;

            Change(("ModelRoutes:chat:Fallbacks:0:Model", "deepseek-chat"));
            configuration.Reload(); // a file provider signals its own reload, then the root's

            Assert.Single(logger.Entries, e => e.EventId == RoutingLog.ReloadRefused);
        }

        [Fact]
        public void A_reload_with_a_broken_route_graph_is_refused_without_throwing_out_of_the_reload()
        {
            using var provider = Provider();
            var routes = provider.GetRequiredService<IModelRoutes>();

            Change(("ModelRoutes:chat:Fallbacks:0:Route", "nowhere"), ("ModelRoutes:chat:Model", ""));

            var refused = Assert.Single(logger.Entries, e => e.EventId == RoutingLog.ReloadRefused);
            Assert.Contains("ModelRoutes:chat:Model is empty", refused.Message, StringComparison.Ordinal);
            Assert.Equal("gpt-4o", routes.GetModel("chat"));
        }

        [Fact]
        public async Task A_good_reload_after_a_refused_one_is_served()
        {
            using var provider = Provider();
            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
            Change(("ModelRoutes:chat:Fallbacks:0:Model", "deepseek-chat"));
            Assert.Single(logger.Entries, e => e.EventId == RoutingLog.ReloadRefused);

            Change(("ModelRoutes:chat:Fallbacks:0:Model", "mistral-large-latest"));

            Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Reloaded);
            Assert.Equal("from mistral-large-latest", (await chat.GetResponseAsync(Hello)).Text);
            Assert.DoesNotContain("deepseek-chat", built);
        }

        [Fact]
        public async Task A_route_that_a_good_reload_removes_is_gone_for_its_clients_too()
        {
            // An appsettings.json rewritten on disk, then reloaded.
            var file = Path.Combine(Path.GetTempPath(), "routes-" + Guid.NewGuid().ToString("N") + ".json");
            File.WriteAllText(file, """{ "ModelRoutes": { "chat": { "Model": "gpt-4o" }, "summary": { "Model": "mistral-small-latest" } } }""");
            try
            {
                configuration = new ConfigurationBuilder().AddJsonFile(file, optional: false, reloadOnChange: false).Build();
                using var provider = Provider();
                var summary = provider.GetRequiredService<IRoutedChatClientFactory>().Create("summary");
                Assert.Equal("from mistral-small-latest", (await summary.GetResponseAsync(Hello)).Text);

                File.WriteAllText(file, """{ "ModelRoutes": { "chat": { "Model": "gpt-4o" } } }""");
                configuration.Reload();

                Assert.Single(logger.Entries, e => e.EventId == RoutingLog.Reloaded); // signalled twice by a file provider, judged once
                Assert.Equal(new[] { "chat" }, provider.GetRequiredService<IModelRoutes>().Names);
                var error = await Assert.ThrowsAsync<ModelRouteNotFoundException>(() => summary.GetResponseAsync(Hello));
                Assert.Equal("summary", error.RouteName);
            }
            finally
            {
                File.Delete(file);
            }
        }

        [Fact]
        public async Task A_request_keeps_the_route_it_started_with()
        {
            using var provider = Provider();
            var chat = provider.GetRequiredKeyedService<IChatClient>("chat");
            // The primary's failure reloads the configuration mid-request: the request still fails over along
            // the route it started with, the next request takes the new one.
            reloadDuringPrimary = () => Change(("ModelRoutes:chat:Fallbacks:0:Model", "mistral-large-latest"));

            Assert.Equal("from mistral-small-latest", (await chat.GetResponseAsync(Hello)).Text);
            Assert.Equal("from mistral-large-latest", (await chat.GetResponseAsync(Hello)).Text);
        }

        private Action? reloadDuringPrimary;

        private void Change(params (string Key, string Value)[] values)
        {
            foreach (var (key, value) in values)
            {
                configuration[key] = value;
            }

            configuration.Reload();
        }

        private ServiceProvider Provider()
        {
            var services = new ServiceCollection();
            services.AddLogging(b => b.AddProvider(logger).SetMinimumLevel(LogLevel.Trace));
            services.AddModelRoutes(configuration)
                .AddDefaultChatClientFactory((b, _) =>
                {
                    lock (built)
                    {
                        built.Add(b.Model);
                    }

                    return new FakeChatClient(b, calls, b.Model == "gpt-4o"
                        ? _ =>
                        {
                            var reload = reloadDuringPrimary;
                            reloadDuringPrimary = null;
                            reload?.Invoke();
                            return new HttpRequestException("down");
                        }
                        : null);
                })
                .AddKeyedChatClient("chat");
            services.Configure<ModelRoutingOptions>(o => o.Catalog = TestCatalog.Instance);
            var provider = services.BuildServiceProvider();
            provider.GetRequiredService<Microsoft.Extensions.Options.IStartupValidator>().Validate();
            return provider;
        }
    }
}
