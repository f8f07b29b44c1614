using System.Net;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Contracts;
using BhxhPlatform.LocalPostgres;
using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.TestSupport;

namespace BhxhPlatform.EndToEnd.Tests;

/// <summary>
/// The request body limit as Kestrel enforces it on a real listener (Alba's TestServer enforces no
/// Kestrel limit): a declared length over it and a chunked body that grows over it are both a 413
/// problem, and nothing is stored.
/// </summary>
public sealed class BodyLimitTests
{
    private const string Url = "/api/units/bien-hoa/activities";

    /// <summary>A body of JSON that never ends before the limit, sent without a Content-Length (chunked).</summary>
    private sealed class EndlessJson(long length) : Stream
    {
        private long _written;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _written; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _written);
            for (var i = 0; i < n; i++)
            {
                buffer[offset + i] = _written + i == 0 ? (byte)'[' : (byte)' ';
            }

            _written += n;
            return n;
        }
    }

    [Fact]
    public async Task A_body_over_the_limit_is_a_413_problem_whether_its_length_is_declared_or_chunked_and_nothing_is_stored()
    {
        await using var postgres = await ThrowawayPostgres.StartAsync();
        await using var outreach = await ServiceProcess.StartAsync(ServiceNames.Outreach, postgres.ConnectionString);
        using var client = Tokens.Authorise(outreach.Client());
        var before = await StoredRows.CountAsync(postgres.ConnectionString);

        var declared = new ByteArrayContent(Encoding.UTF8.GetBytes("[" + new string(' ', (int)RequestLimits.MaxRequestBodyBytes) + "]"));
        declared.Headers.ContentType = new("application/json");
        await ShouldBeTooLargeAsync(await client.PostAsync(Url, declared), outreach.Output);

        // Just past the limit: the client has written all of it before the service can answer. A body far over
        // the limit has the client still writing when the service answers and closes the connection, and
        // HttpClient then reports the broken pipe instead of the answer (seen on a clean-clone CI run).
        var chunked = new StreamContent(new EndlessJson(RequestLimits.MaxRequestBodyBytes + 16));
        chunked.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await ShouldBeTooLargeAsync(await client.SendAsync(request), outreach.Output);

        StoredRows.Changes(before, await StoredRows.CountAsync(postgres.ConnectionString)).ShouldBeEmpty();
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response, string output)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, body + output);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(413);
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain("Không có gì được ghi");
        detail.ShouldContain("Nothing was recorded");
    }
}
