using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace BhxhPlatform.TestSupport;

/// <summary>
/// An OpenTelemetry collector for a test: a Kestrel endpoint that takes what the services export over OTLP/HTTP
/// (traces, logs, metrics, protobuf) and keeps each body, so a test can read what left the services as telemetry.
/// Protobuf keeps strings as their UTF-8 bytes, so a value in any span, log record or metric reads in <see cref="Text"/>.
/// </summary>
public sealed class OtlpSink : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _received = new();

    private OtlpSink(WebApplication app, Uri endpoint)
    {
        _app = app;
        Endpoint = endpoint;
    }

    /// <summary>The address to give a service as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> (with <c>OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf</c>).</summary>
    public Uri Endpoint { get; }

    /// <summary>The settings that make a service export everything here, in batches of half a second.</summary>
    public IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        ["OTEL_BLRP_SCHEDULE_DELAY"] = "500",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "1000",
    };

    /// <summary>How many exports arrived of a signal (<c>traces</c>, <c>logs</c>, <c>metrics</c>).</summary>
    public int Count(string signal) => _received.Count(r => r.Signal == signal);

    /// <summary>Every body received so far, read as UTF-8.</summary>
    public string Text => string.Join('\n', _received.Select(r => Encoding.UTF8.GetString(r.Body)));

    public static async Task<OtlpSink> StartAsync()
    {
        var port = LocalPostgres.FreePort.Find();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var sink = new OtlpSink(app, new Uri($"http://127.0.0.1:{port}/"));
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            sink._received.Enqueue((signal, body.ToArray()));
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
        return sink;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
