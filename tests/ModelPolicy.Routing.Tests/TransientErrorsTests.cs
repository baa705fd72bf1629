using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace ModelPolicy.Routing.Tests
{
    public class TransientErrorsTests
    {
        [Theory]
        [InlineData(408, true)]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        [InlineData(403, false)]
        [InlineData(404, false)]
        [InlineData(422, false)]
        [InlineData(501, false)]
        public void Http_statuses(int status, bool transient)
        {
            Assert.Equal(transient, TransientErrors.IsTransient(new HttpRequestException("x", null, (HttpStatusCode)status)));
            Assert.Equal(transient, TransientErrors.IsTransient(new System.ClientModel.ClientResultException(status)));
        }

        [Fact]
        public void A_connection_failure_is_transient()
        {
            Assert.True(TransientErrors.IsTransient(new HttpRequestException("No such host is known")));
            Assert.True(TransientErrors.IsTransient(new System.ClientModel.ClientResultException(0, new HttpRequestException("refused"))));
            Assert.False(TransientErrors.IsTransient(new System.ClientModel.ClientResultException(0)));
        }

        [Fact]
        public void Timeouts_are_transient_and_a_cancelled_caller_never_fails_over()
        {
            Assert.True(TransientErrors.IsTransient(new TimeoutException()));
            Assert.True(TransientErrors.IsTransient(new TaskCanceledException()));
            Assert.True(TransientErrors.ShouldFailOver(new TaskCanceledException(), CancellationToken.None));
            Assert.False(TransientErrors.ShouldFailOver(new TaskCanceledException(), new CancellationToken(canceled: true)));
            Assert.False(TransientErrors.ShouldFailOver(new HttpRequestException(), new CancellationToken(canceled: true)));
            Assert.False(TransientErrors.IsTransient(new OperationCanceledException()));
        }

        [Fact]
        public void Other_errors_are_not_transient()
        {
            Assert.False(TransientErrors.IsTransient(new ArgumentException()));
            Assert.False(TransientErrors.IsTransient(new InvalidOperationException()));
            Assert.False(TransientErrors.IsTransient(new NotSupportedException()));
        }

        [Fact]
        public void A_custom_predicate_replaces_the_built_in_one()
        {
            Assert.True(TransientErrors.ShouldFailOver(new InvalidOperationException(), CancellationToken.None, e => e is InvalidOperationException));
            Assert.False(TransientErrors.ShouldFailOver(new TimeoutException(), CancellationToken.None, e => e is InvalidOperationException));
        }
    }
}
