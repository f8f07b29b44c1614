using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace BhxhPlatform.Browser.Tests;

/// <summary>
/// Writes each resource's console output, which Aspire's testing host forwards to the logger category
/// <c>{AppHost}.Resources.{resource}</c>, to one file per resource, for the reader of a failing journey.
/// </summary>
public sealed class ResourceLogFiles(string folder) : ILoggerProvider
{
    private const string Marker = ".Resources.";
    private readonly ConcurrentDictionary<string, StreamWriter> _files = new(StringComparer.Ordinal);

    public ILogger CreateLogger(string categoryName)
    {
        var at = categoryName.IndexOf(Marker, StringComparison.Ordinal);
        return at < 0 ? Silent.Instance : new FileLogger(_files.GetOrAdd(categoryName[(at + Marker.Length)..], Open));
    }

    private StreamWriter Open(string resource)
    {
        Directory.CreateDirectory(folder);
        return new StreamWriter(Path.Combine(folder, $"{resource}.log"), append: false) { AutoFlush = true };
    }

    public void Dispose()
    {
        foreach (var file in _files.Values)
        {
            lock (file)
            {
                file.Dispose();
            }
        }
    }

    private sealed class FileLogger(StreamWriter file) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (file)
            {
                if (file.BaseStream.CanWrite)
                {
                    file.WriteLine(formatter(state, exception));
                }
            }
        }
    }

    private sealed class Silent : ILogger
    {
        public static readonly Silent Instance = new();

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => false;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
        }
    }
}
