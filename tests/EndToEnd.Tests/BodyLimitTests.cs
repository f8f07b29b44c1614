using System.Globalization;
using System.Net;
using System.Net.Sockets;
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

        // A chunked body that grows over the limit, written on a socket of its own: the service answers and closes
        // as soon as the body passes the limit, so the end of the body may meet a closed connection. HttpClient then
        // reports the broken pipe instead of the answer (seen on clean-clone CI runs), while the answer itself has
        // already arrived; this client keeps writing errors to itself and reads what the service said.
        var (status, contentType, chunkedBody) = await SendChunkedAsync(outreach.Client().BaseAddress!, RequestLimits.MaxRequestBodyBytes * 2);
        status.ShouldBe(HttpStatusCode.RequestEntityTooLarge, chunkedBody + outreach.Output);
        contentType.ShouldStartWith("application/problem+json");
        ShouldSayNothingWasRecorded(chunkedBody);

        StoredRows.Changes(before, await StoredRows.CountAsync(postgres.ConnectionString)).ShouldBeEmpty();
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response, string output)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge, body + output);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        ShouldSayNothingWasRecorded(body);
    }

    private static void ShouldSayNothingWasRecorded(string body)
    {
        using var problem = JsonDocument.Parse(body);
        problem.RootElement.GetProperty("status").GetInt32().ShouldBe(413);
        var detail = problem.RootElement.GetProperty("detail").GetString()!;
        detail.ShouldContain("Không có gì được ghi");
        detail.ShouldContain("Nothing was recorded");
    }

    /// <summary>
    /// Posts a body of <paramref name="length"/> bytes of JSON in chunks of 64 KiB over a plain socket, and returns the
    /// answer's status, content type and body. A write that fails because the service has already answered and
    /// closed stops the writing; the answer is read all the same.
    /// </summary>
    private static async Task<(HttpStatusCode Status, string ContentType, string Body)> SendChunkedAsync(Uri service, long length)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(service.Host, service.Port);
        var stream = tcp.GetStream();
        var head = $"POST {Url} HTTP/1.1\r\nHost: {service.Authority}\r\nAuthorization: Bearer {TestTokens.ProvincialAdministrator}\r\n" +
                   "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
        try
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
            var chunk = new byte[64 * 1024];
            Array.Fill(chunk, (byte)' ');
            chunk[0] = (byte)'[';
            for (long written = 0; written < length; written += chunk.Length)
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes($"{chunk.Length:x}\r\n"));
                await stream.WriteAsync(chunk);
                await stream.WriteAsync("\r\n"u8.ToArray());
                chunk[0] = (byte)' ';
            }

            await stream.WriteAsync("0\r\n\r\n"u8.ToArray());
        }
        catch (IOException)
        {
            // The service answered before the body ended and closed the connection.
        }

        var received = new MemoryStream();
        var buffer = new byte[16 * 1024];
        try
        {
            int n;
            while ((n = await stream.ReadAsync(buffer)) > 0)
            {
                await received.WriteAsync(buffer.AsMemory(0, n));
            }
        }
        catch (IOException)
        {
            // A reset after the answer: what arrived before it is kept.
        }

        var bytes = received.ToArray();
        var headerEnd = bytes.AsSpan().IndexOf("\r\n\r\n"u8);
        headerEnd.ShouldBeGreaterThan(0, "no answer: " + Encoding.UTF8.GetString(bytes));
        var lines = Encoding.ASCII.GetString(bytes, 0, headerEnd).Split("\r\n");
        var status = (HttpStatusCode)int.Parse(lines[0].Split(' ')[1], CultureInfo.InvariantCulture);
        var headers = lines.Skip(1).Select(l => l.Split(':', 2)).ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var content = bytes[(headerEnd + 4)..];
        var body = headers.TryGetValue("Transfer-Encoding", out var encoding) && encoding == "chunked"
            ? Encoding.UTF8.GetString(Unchunk(content))
            : Encoding.UTF8.GetString(content, 0, int.Parse(headers["Content-Length"], CultureInfo.InvariantCulture));
        return (status, headers.GetValueOrDefault("Content-Type") ?? "", body);
    }

    /// <summary>The content of a chunked answer, which must end with its last (empty) chunk.</summary>
    private static byte[] Unchunk(byte[] chunked)
    {
        var content = new List<byte>();
        var at = 0;
        while (true)
        {
            var lineEnd = chunked.AsSpan(at).IndexOf("\r\n"u8);
            lineEnd.ShouldBeGreaterThanOrEqualTo(0, "the answer ends before its last chunk");
            var size = int.Parse(Encoding.ASCII.GetString(chunked, at, lineEnd).Split(';')[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            at += lineEnd + 2;
            if (size == 0)
            {
                return [.. content];
            }

            content.AddRange(chunked.AsSpan(at, size));
            at += size + 2;
        }
    }
}
