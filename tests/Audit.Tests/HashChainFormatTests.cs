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

    [Fact]
    public void Text_that_is_not_valid_unicode_cannot_be_hashed() =>
        Should.Throw<InvalidOperationException>(() => HashChain.Canonical("{\"a\":\"\\uD800\"}"));
}
