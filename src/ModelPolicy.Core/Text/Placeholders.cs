using System;

namespace ModelPolicy.Text
{
    /// <summary>
    /// Values that stand in for a model id or host in tests and samples, never a real choice: generic words
    /// (<c>model</c>, <c>deployment-name</c>), fake-/test-/mock- ids, runs of letters (<c>abcd</c>), a parameter's own name
    /// echoed, reserved host names (RFC 2606: <c>example.com</c>, <c>*.example</c>, <c>*.invalid</c>, <c>*.test</c>) and
    /// single-label hosts without a port (<c>https://endpoint</c>).
    /// </summary>
    public static class Placeholders
    {
        private static readonly string[] Words =
        {
            "model", "models", "model-id", "model_id", "modelid", "model-name", "model_name", "modelname", "my-model", "your-model", "mymodel",
            "deployment", "deployment-name", "deployment_name", "deploymentname", "deployment-id", "deploymentid", "my-deployment", "your-deployment",
            "test", "testing", "tests", "mock", "fake", "dummy", "stub", "sample", "example", "placeholder", "foo", "bar", "baz", "qux", "n/a", "na",
            "none", "null", "default", "string", "value", "name", "id", "unknown", "any", "xxx", "todo",
        };

        private static readonly string[] Prefixes = { "fake-", "fake_", "test-", "test_", "mock-", "mock_", "dummy-", "dummy_", "stub-", "my-", "your-", "sample-", "example-", "some-", "other-", "non-existent", "nonexistent", "invalid-", "unknown-" };

        /// <summary>True for a value that only stands in for a model id.</summary>
        /// <param name="positionName">The parameter, property or key name the value is given to; a value equal to it is the name echoed.</param>
        public static bool IsPlaceholderModel(string id, string? positionName = null)
        {
            var trimmed = id.Trim();
            if (trimmed.Length == 0)
            {
                return true;
            }

            foreach (var word in Words)
            {
                if (string.Equals(trimmed, word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            foreach (var prefix in Prefixes)
            {
                if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            if (!string.IsNullOrEmpty(positionName) && string.Equals(Normalize(trimmed), Normalize(positionName!), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            return IsLetterRun(trimmed);
        }

        /// <summary>
        /// True for a host that is never a real endpoint: reserved names, and a single-label host or <c>localhost</c> with
        /// neither a port nor a path (<c>https://endpoint</c>, <c>https://localhost</c>).
        /// </summary>
        /// <param name="afterHost">The index just after the host in <paramref name="text"/>.</param>
        public static bool IsPlaceholderHost(string text, int hostStart, int hostLength, int afterHost, int end)
        {
            var host = text.Substring(hostStart, hostLength).ToLowerInvariant();
            if (host == "example.com" || host == "example.net" || host == "example.org" || host.EndsWith(".example.com", StringComparison.Ordinal)
                || host.EndsWith(".example.net", StringComparison.Ordinal) || host.EndsWith(".example.org", StringComparison.Ordinal)
                || host.EndsWith(".example", StringComparison.Ordinal) || host.EndsWith(".invalid", StringComparison.Ordinal) || host.EndsWith(".test", StringComparison.Ordinal)
                || host == "example" || host == "invalid" || host == "test")
            {
                return true;
            }

            var singleLabel = host.IndexOf('.') < 0 && host.IndexOf(':') < 0;
            var hasPort = afterHost < end && text[afterHost] == ':';
            if (!(singleLabel || UrlText.IsLocalHost(text, hostStart, hostLength)) || hasPort)
            {
                return false;
            }

            // No port: a path of an AI API still makes it an endpoint (http://localhost/v1/chat/completions behind a proxy).
            return !Catalog.ModelServers.IsAiApiPath(text, afterHost, end);
        }

        /// <summary>"abcd", "hijk", "xyz", "aaaa": consecutive or repeated letters, as tests make up.</summary>
        private static bool IsLetterRun(string text)
        {
            if (text.Length < 3 || text.Length > 8)
            {
                return false;
            }

            bool consecutive = true, repeated = true;
            for (var i = 1; i < text.Length; i++)
            {
                var a = char.ToLowerInvariant(text[i - 1]);
                var b = char.ToLowerInvariant(text[i]);
                if (a < 'a' || a > 'z' || b < 'a' || b > 'z')
                {
                    return false;
                }

                consecutive &= b == a + 1;
                repeated &= b == a;
            }

            return consecutive || repeated;
        }

        private static string Normalize(string name) => name.Replace("-", string.Empty).Replace("_", string.Empty);
    }
}
