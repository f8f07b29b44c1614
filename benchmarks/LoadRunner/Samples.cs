namespace BhxhPlatform.Benchmarks;

/// <summary>The commands the runner sends, as the JSON a client would post.</summary>
public static class Samples
{
    /// <summary>Each unit's approved plan, approved through Planning before the runner logs anything.</summary>
    public static Dictionary<string, Guid> Plans { get; } = new(StringComparer.Ordinal);

    public static object Activity(string unit) => new
    {
        districtPlanId = Plans[unit],
        planLineCode = "3.1.01",
        audienceCode = "3.1",
        form = "DirectContact",
        startedAt = new DateTimeOffset(2026, 11, 20, 18, 0, 0, TimeSpan.FromHours(7)),
        endedAt = new DateTimeOffset(2026, 11, 20, 20, 0, 0, TimeSpan.FromHours(7)),
        peopleReached = 12,
        summary = "Tư vấn trực tiếp cho hộ nông dân sau mùa thu hoạch",
        teamMembers = new[] { "Nguyễn Văn An", "Trần Thị Bình" },
    };

    public static object Correction(long version, string unit) => new
    {
        version,
        reason = "Điều chỉnh số người được tiếp cận",
        activity = Activity(unit),
    };

    public static object Batch(int size, string unit) => new { activities = Enumerable.Range(0, size).Select(_ => Activity(unit)).ToArray() };
}
