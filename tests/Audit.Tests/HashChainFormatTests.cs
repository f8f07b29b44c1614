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

    private static readonly HashChain.FactsV2 V2Facts = new(
        Guid.Parse("0196b2a0-0000-7000-8000-0000000000e1"), "bien-hoa", Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), 3,
        "activity_logged", new DateTimeOffset(2026, 12, 3, 8, 30, 0, 123, 456, TimeSpan.FromHours(7)), Data, "Nguyễn Văn An", "corr-1", null, null);

    [Fact]
    public void A_version_2_event_hashes_as_it_always_has() =>
        HashChain.ComputeV2(HashChain.Genesis, V2Facts).ShouldBe("498e4ac55d45906a6be06a5c9ec776da2b83addf7b8706180ede66f7bb764b27");

    [Fact]
    public void A_version_2_hash_covers_the_event_id_the_time_to_the_microsecond_and_the_headers()
    {
        var hash = HashChain.ComputeV2(HashChain.Genesis, V2Facts);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { EventId = Guid.CreateVersion7() }).ShouldNotBe(hash);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { Timestamp = V2Facts.Timestamp.AddTicks(10) }).ShouldNotBe(hash);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { Timestamp = V2Facts.Timestamp.AddTicks(5) }).ShouldBe(hash);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { Timestamp = V2Facts.Timestamp.ToUniversalTime() }).ShouldBe(hash);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { Headers = "{\"source\":\"import\"}" }).ShouldNotBe(hash);
        HashChain.ComputeV2(HashChain.Genesis, V2Facts with { CausationId = "" }).ShouldNotBe(hash);
        HashChain.CoveredHeaders("{\"bhxh-hash\":\"x\",\"bhxh-chain\":\"2\"}").ShouldBeNull();
        HashChain.CoveredHeaders("{\"bhxh-hash\":\"x\",\"z\":1,\"a\":2}").ShouldBe("{\"a\":2,\"z\":1}");
    }

    [Fact]
    public void A_version_1_event_is_still_hashed_as_version_1() =>
        HashChain.ComputeInFormat(1, HashChain.Genesis, V2Facts with { Timestamp = DateTimeOffset.UnixEpoch })
            .ShouldBe(HashChain.Compute(HashChain.Genesis, new HashChain.Facts("bien-hoa", V2Facts.StreamId, 3, "activity_logged", Data, "Nguyễn Văn An", "corr-1", null)));

    [Fact]
    public void Insignificant_whitespace_and_key_order_do_not_change_the_hash()
    {
        static string Hash(string data) => HashChain.Compute(HashChain.Genesis, new HashChain.Facts(
            "bien-hoa", Guid.Parse("0196b2a0-0000-7000-8000-0000000000c1"), 3, "activity_logged", data, null, null, null));

        Hash("{\"b\": [1, {\"y\":2, \"x\":\"\\u0041\"}], \"a\": null}").ShouldBe(Hash("{\"a\":null,\"b\":[1,{\"x\":\"A\",\"y\":2}]}"));
        Hash("{\"a\":1}").ShouldNotBe(Hash("{\"a\":2}"));
    }

    [Fact]
    public void Text_that_is_not_valid_unicode_cannot_be_hashed() =>
        Should.Throw<InvalidOperationException>(() => HashChain.Canonical("{\"a\":\"\\uD800\"}"));
}
