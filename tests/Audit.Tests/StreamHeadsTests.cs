using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Audit.Tests;

/// <summary>The heads a process remembers: bounded, and only ever the exact version asked for.</summary>
public sealed class StreamHeadsTests
{
    [Fact]
    public void Heads_stay_within_the_bound()
    {
        var heads = new StreamHeads(capacity: 10);
        var ids = Enumerable.Range(1, 25).Select(i => new Guid(i, 0, 0, new byte[8])).ToList();
        foreach (var id in ids)
        {
            heads.Remember(new StreamHead("bien-hoa", id, 1, $"hash-{id}"));
            heads.Count.ShouldBeLessThanOrEqualTo(10);
        }

        heads.Find("bien-hoa", ids[^1], 1).ShouldBe($"hash-{ids[^1]}");
    }

    [Fact]
    public void A_later_head_of_the_same_stream_replaces_the_earlier_and_takes_no_room()
    {
        var heads = new StreamHeads(capacity: 2);
        var id = Guid.CreateVersion7();
        for (var version = 1; version <= 10; version++)
        {
            heads.Remember(new StreamHead("bien-hoa", id, version, $"hash-{version}"));
        }

        heads.Count.ShouldBe(1);
        heads.Find("bien-hoa", id, 10).ShouldBe("hash-10");
        heads.Find("bien-hoa", id, 9).ShouldBeNull();
        heads.Find("xuan-loc", id, 10).ShouldBeNull();
    }
}
