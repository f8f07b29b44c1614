using BhxhPlatform.ServiceDefaults.Audit;

namespace BhxhPlatform.Audit.Tests;

/// <summary>
/// The hash of an event is stored with it for good, so the way it is computed can never change:
/// these values were computed when the chain was first written and must stay the same whatever
/// the code that computes them becomes.
/// </summary>
public sealed class HashChainFormatTests
{
    private const string Data =
        "{\"summary\":\"Tư vấn trực tiếp\",\"peopleReached\":12,\"n\":1.50e1,\"a\":[true,null,\"\\u00e9\"]}";

    [Fact]
    public void Canonical_json_sorts_keys_unescapes_text_and_writes_numbers_by_value() =>
        HashChain.Canonical(Data).ShouldBe("{\"a\":[true,null,\"é\"],\"n\":15.0,\"peopleReached\":12,\"summary\":\"Tư vấn trực tiếp\"}");

    [Fact]
    public void An_event_hashes_as_it_always_has() =>
        HashChain.Compute(HashChain.Genesis, new HashChain.Facts(
                "bien-hoa", Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), 3, "activity_logged", Data, "Nguyễn Văn An", "corr-1", null))
            .ShouldBe("a21561756d0eed148bc095e3093de5f6d5233a7d897f753e287e1e5f5fe1d43a");

    [Fact]
    public void Insignificant_whitespace_and_key_order_do_not_change_the_hash()
    {
        static string Hash(string data) => HashChain.Compute(HashChain.Genesis, new HashChain.Facts(
            "bien-hoa", Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), 3, "activity_logged", data, null, null, null));

        Hash("{\"b\": [1, {\"y\":2, \"x\":\"\\u0041\"}], \"a\": null}").ShouldBe(Hash("{\"a\":null,\"b\":[1,{\"x\":\"A\",\"y\":2}]}"));
        Hash("{\"a\":1}").ShouldNotBe(Hash("{\"a\":2}"));
    }
}

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
