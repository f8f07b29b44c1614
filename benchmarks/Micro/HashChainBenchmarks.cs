using BenchmarkDotNet.Attributes;
using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Benchmarks.Micro;

/// <summary>What the hash chain adds to each appended event: canonical JSON of the event data, then SHA-256.</summary>
[MemoryDiagnoser]
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet runs instance methods.")]
public class HashChainBenchmarks
{
    private const string ActivityJson = """
        {"activityId":"0196b2a0-0000-7000-8000-0000000000c1","details":{"districtPlanId":"0196b2a0-0000-7000-8000-0000000000b1",
        "planLineCode":"3.1.01","audienceCode":"3.1","form":"DirectContact","communeId":"bien-hoa.trang-dai",
        "startedAt":"2026-11-20T18:00:00+07:00","endedAt":"2026-11-20T20:00:00+07:00","peopleReached":12,
        "summary":"Tư vấn trực tiếp cho hộ nông dân sau mùa thu hoạch","teamMembers":["Nguyễn Văn An","Trần Thị Bình"],
        "partnerIds":[],"materials":[{"kind":"Tờ gấp","count":80}],"conference":null,"post":null,"campaign":null}}
        """;

    private readonly HashChain.Facts _facts = new(
        "bien-hoa", Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), 3, "activity_logged", ActivityJson, "bench", "corr", "cause");

    [Benchmark]
    public string Canonical() => HashChain.Canonical(ActivityJson);

    [Benchmark]
    public string Compute() => HashChain.Compute(HashChain.Genesis, _facts);
}
