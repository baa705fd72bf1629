using System;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Threading;

namespace ModelPolicy.Routing
{
    /// <summary>
    /// Which errors a failover client fails over on. Transient:
    /// <list type="bullet">
    /// <item><see cref="HttpRequestException"/> without a status code (the connection failed: DNS, refused, reset, TLS);</item>
    /// <item><see cref="HttpRequestException"/>, <c>System.ClientModel.ClientResultException</c> (OpenAI, Azure OpenAI SDKs) or
    /// <c>Azure.RequestFailedException</c> with HTTP status 408, 429, 500, 502, 503 or 504; a ClientResultException or
    /// RequestFailedException with status 0 (no response) when its inner exception is transient;</item>
    /// <item><see cref="TimeoutException"/>;</item>
    /// <item><see cref="System.Threading.Tasks.TaskCanceledException"/> when the caller's token is not cancelled (an HTTP timeout).</item>
    /// </list>
    /// Everything else (400, 401, 403, 404, 422, <see cref="ArgumentException"/>, ...) is not, and an
    /// <see cref="OperationCanceledException"/> when the caller's token is cancelled never fails over.
    /// </summary>
    public static class TransientErrors
    {
        private const string ClientResultExceptionName = "System.ClientModel.ClientResultException";
        private const string RequestFailedExceptionName = "Azure.RequestFailedException";

        private static readonly ConcurrentDictionary<Type, Func<Exception, int>?> StatusReaders = new ConcurrentDictionary<Type, Func<Exception, int>?>();

#if !NET5_0_OR_GREATER
        // netstandard2.0 has no HttpRequestException.StatusCode; .NET 5+ runtimes do: read it once by reflection.
        private static readonly PropertyInfo? HttpStatusCodeProperty = typeof(HttpRequestException).GetProperty("StatusCode");
#endif

        /// <summary>408, 429, 500, 502, 503, 504.</summary>
        public static bool IsTransientStatus(int status) =>
            status == 408 || status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>True when <paramref name="exception"/> is transient (see the type's remarks); ignores cancellation tokens.</summary>
        public static bool IsTransient(Exception exception)
        {
            switch (exception)
            {
                case null:
                    return false;
                case HttpRequestException http:
                    var status = GetStatus(http);
                    return status == null || IsTransientStatus(status.Value);
                case TimeoutException:
                    return true;
                case System.Threading.Tasks.TaskCanceledException:
                    return true;
                default:
                    var reader = StatusReaders.GetOrAdd(exception.GetType(), CreateStatusReader);
                    if (reader == null)
                    {
                        return false;
                    }

                    var code = reader(exception);
                    return code == 0
                        ? exception.InnerException != null && IsTransient(exception.InnerException)
                        : IsTransientStatus(code);
            }
        }

        /// <summary>
        /// True when a failover client should try the next backend: never once <paramref name="cancellationToken"/>
        /// is cancelled, else <paramref name="isTransient"/> (or <see cref="IsTransient(Exception)"/>).
        /// </summary>
        public static bool ShouldFailOver(Exception exception, CancellationToken cancellationToken, Func<Exception, bool>? isTransient = null)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            return (isTransient ?? IsTransient)(exception);
        }

        /// <summary>The HTTP status of an <see cref="HttpRequestException"/>, or null when it has none (connection failure).</summary>
        public static int? GetStatus(HttpRequestException exception)
        {
#if NET5_0_OR_GREATER
            return exception.StatusCode is HttpStatusCode code ? (int)code : null;
#else
            if (HttpStatusCodeProperty != null)
            {
                return HttpStatusCodeProperty.GetValue(exception) is HttpStatusCode code ? (int)code : (int?)null;
            }

            // .NET Framework: EnsureSuccessStatusCode says "Response status code does not indicate success: 503 (Service Unavailable)."
            var message = exception.Message;
            var colon = message.IndexOf("success: ", StringComparison.Ordinal);
            if (colon >= 0 && message.Length >= colon + 12
                && int.TryParse(message.Substring(colon + 9, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            return null;
#endif
        }

        private static Func<Exception, int> MakeStatusReader<T>(MethodInfo getter)
            where T : Exception
        {
            var typed = (Func<T, int>)getter.CreateDelegate(typeof(Func<T, int>));
            return e => typed((T)e);
        }

        private static Func<Exception, int>? CreateStatusReader(Type type)
        {
            for (var t = type; t != null && t != typeof(Exception); t = t.BaseType)
            {
                if (t.FullName == ClientResultExceptionName || t.FullName == RequestFailedExceptionName)
                {
                    var property = t.GetProperty("Status", BindingFlags.Public | BindingFlags.Instance);
                    if (property == null || property.PropertyType != typeof(int) || property.GetMethod == null)
                    {
                        return null;
                    }

                    // A typed delegate over the getter, made once per exception type.
                    var make = typeof(TransientErrors).GetMethod(nameof(MakeStatusReader), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(t);
                    return (Func<Exception, int>)make.Invoke(null, new object[] { property.GetMethod })!;
                }
            }

            return null;
        }
    }
}
