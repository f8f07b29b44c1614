namespace BhxhPlatform.Planning;

/// <summary>
/// Time as the offices see it: Vietnam is UTC+7 all year (no daylight saving), so "today", a report's day and
/// the hour a reminder goes out are counted there, whatever the server's own zone.
/// </summary>
public static class VietnamTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(7);

    /// <summary>The instant <paramref name="clock"/> tells, in Vietnam.</summary>
    public static DateTimeOffset Now(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return clock.GetUtcNow().ToOffset(Offset);
    }

    /// <summary>Today in Vietnam.</summary>
    public static DateOnly Today(TimeProvider clock) => DayOf(Now(clock));

    /// <summary>The day in Vietnam of <paramref name="instant"/>.</summary>
    public static DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(instant.ToOffset(Offset).DateTime);

    /// <summary>A wall-clock time in Vietnam on <paramref name="day"/>, as an instant.</summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time) => new(day.ToDateTime(time), Offset);
}
