using System.Security.Cryptography;
using BhxhPlatform.Outreach.Prospects;
using System.Diagnostics.Metrics;
using BhxhPlatform.TestSupport;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace BhxhPlatform.Outreach.Tests.Prospects;

public sealed class PersonalDataProtectorTests
{
    private static PersonalDataProtector Protector(byte[]? key = null) => new(key ?? RandomNumberGenerator.GetBytes(32));

    private static IConfiguration Configuration(string? masterKey) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [PersonalDataProtector.ConfigurationKey] = masterKey }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_master_key_fails_start_up_with_a_clear_message(string? masterKey)
    {
        var failure = Should.Throw<InvalidOperationException>(() => PersonalDataProtector.FromConfiguration(Configuration(masterKey)));

        failure.Message.ShouldContain("PersonalData:MasterKey is not configured");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_malformed_master_key_fails_start_up(string masterKey) =>
        Should.Throw<InvalidOperationException>(() => PersonalDataProtector.FromConfiguration(Configuration(masterKey)))
            .Message.ShouldContain("exactly 32 bytes");

    [Fact]
    public void A_value_that_fails_to_open_while_its_key_exists_is_counted_by_reason_and_an_erased_one_is_not()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var probe = new MetricProbe();
        var masterKey = RandomNumberGenerator.GetBytes(32);
        var protector = new PersonalDataProtector(masterKey, new UnreadablePersonalData(services.GetRequiredService<IMeterFactory>(), NullLogger<UnreadablePersonalData>.Instance));
        var key = protector.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var other = protector.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var sealedPhone = protector.Seal(key, "0912345678", "phone")!;
        long Unreadable(string reason) => probe.Counter(UnreadablePersonalData.Instrument, ("reason", reason));

        // One byte of the ciphertext changed (a database administrator's edit): read as null, and counted.
        var bytes = Convert.FromBase64String(sealedPhone[(sealedPhone.LastIndexOf(':') + 1)..]);
        bytes[^1] ^= 1;
        protector.Open(key, $"{sealedPhone[..(sealedPhone.LastIndexOf(':') + 1)]}{Convert.ToBase64String(bytes)}", "phone").ShouldBeNull();
        protector.Open(key, sealedPhone, "email").ShouldBeNull();
        Unreadable("tag-mismatch").ShouldBe(2);

        protector.Open(other, sealedPhone, "phone").ShouldBeNull();
        Unreadable("key-mismatch").ShouldBe(1);
        protector.Open(key, "0912345678", "phone").ShouldBeNull();
        Unreadable("malformed").ShouldBe(1);

        // The key wrapped under another master key (a key changed without re-wrapping).
        var foreign = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).NewPersonKey(key.Id, DateTimeOffset.UnixEpoch);
        protector.Open(foreign, sealedPhone, "phone").ShouldBeNull();
        Unreadable("tag-mismatch").ShouldBe(3);

        // Erased (the key destroyed) and absent values are not failures; the value as sealed still opens.
        protector.Open(key with { WrappedKey = null }, sealedPhone, "phone").ShouldBeNull();
        protector.Open(key, null, "phone").ShouldBeNull();
        protector.Open(key, sealedPhone, "phone").ShouldBe("0912345678");
        (Unreadable("tag-mismatch") + Unreadable("key-mismatch") + Unreadable("malformed")).ShouldBe(5);
    }

    [Fact]
    public void A_sealed_value_opens_with_its_key_only_for_its_person_and_field()
    {
        var protector = Protector();
        var key = protector.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var other = protector.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);

        var sealedPhone = protector.Seal(key, "0912345678", "phone");

        sealedPhone.ShouldStartWith("enc:v1:");
        sealedPhone.ShouldNotContain("0912345678");
        protector.Open(key, sealedPhone, "phone").ShouldBe("0912345678");
        protector.Open(key, sealedPhone, "zalo").ShouldBeNull();
        protector.Open(other, sealedPhone, "phone").ShouldBeNull();
        protector.Open(key with { WrappedKey = null }, sealedPhone, "phone").ShouldBeNull();
        Protector().Open(key, sealedPhone, "phone").ShouldBeNull();
    }

    [Fact]
    public void Claim_ids_are_keyed_by_the_master_key()
    {
        var masterKey = RandomNumberGenerator.GetBytes(32);

        Protector(masterKey).ClaimId("bien-hoa", "phone", "0912345678").ShouldBe(Protector(masterKey).ClaimId("bien-hoa", "phone", "0912345678"));
        Protector(masterKey).ClaimId("bien-hoa", "phone", "0912345678").ShouldNotBe(Protector().ClaimId("bien-hoa", "phone", "0912345678"));
        Protector(masterKey).ClaimId("bien-hoa", "phone", "0912345678").ShouldNotBe(Protector(masterKey).ClaimId("long-thanh", "phone", "0912345678"));
    }
}
