using BhxhPlatform.ServiceDefaults.PersonalData;
using System.Collections.Concurrent;
using Alba;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Wolverine.Http;
using static BhxhPlatform.Outreach.Tests.Samples;

namespace BhxhPlatform.Outreach.Tests.Prospects;

[Collection(OutreachCollection.Name)]
public sealed class PersonalDataLogTests(OutreachFixture fixture) : IAsyncLifetime, IDisposable
{
    private readonly CapturingLoggerProvider _logs = new();

    public Task InitializeAsync()
    {
        fixture.Host.Services.GetRequiredService<ILoggerFactory>().AddProvider(_logs);
        return fixture.ResetAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>The provider stays in the shared host's logger factory, stopped: it captures nothing after this test.</summary>
    public void Dispose() => _logs.Dispose();

    [Fact]
    public async Task Recording_reading_refusing_and_erasing_a_prospect_log_no_personal_data()
    {
        const string url = $"/api/units/{District}/prospects";
        var person = Prospect("0912345678", "079203001234") with { FullName = "Nguyen Van Bao Mat", Email = "bao.mat@example.vn" };

        var id = await fixture.Host.CreateAsync(url, person);
        await fixture.Host.GetJsonAsync<ProspectView>($"{url}/{id}");
        await fixture.Host.GetJsonAsync<List<ProspectView>>(url);
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(person, JsonStyle.MinimalApi).ToUrl(url);
            s.StatusCodeShouldBe(409);
        });
        await fixture.Host.Scenario(s =>
        {
            s.Post.Json(new EraseProspect(ErasureReason.ConsentWithdrawn), JsonStyle.MinimalApi).ToUrl($"{url}/{id}/erase");
            s.StatusCodeShouldBe(204);
        });

        var logged = _logs.Text();
        logged.ShouldNotBeEmpty();
        foreach (var personal in new[] { "Nguyen Van Bao Mat", "0912345678", "912345678", "bao.mat@example.vn", "079203001234", "Trảng Dài", "Trang Dai" })
        {
            logged.ShouldNotContain(personal, Case.Insensitive);
        }
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<string> _lines = new();
        private volatile bool _stopped;

        public void Stop() => _stopped = true;

        public string Text() => string.Join("\n", _lines);

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose() => Stop();

        private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => !owner._stopped;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (owner._stopped)
                {
                    return;
                }

                var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : string.Empty;
                owner._lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {values} {exception}");
            }
        }
    }
}
