using BhxhPlatform.ServiceDefaults.PersonalData;
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

        // The key wrapped under a master key this service does not have (a key changed without keeping the previous one),
        // named by its id; one wrapped before keys had ids does not open either.
        var foreign = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).NewPersonKey(key.Id, DateTimeOffset.UnixEpoch);
        protector.Open(foreign, sealedPhone, "phone").ShouldBeNull();
        Unreadable("unknown-master-key").ShouldBe(1);
        protector.Open(foreign with { KeyId = null }, sealedPhone, "phone").ShouldBeNull();
        Unreadable("tag-mismatch").ShouldBe(3);

        // Erased (the key destroyed) and absent values are not failures; the value as sealed still opens.
        protector.Open(key with { WrappedKey = null }, sealedPhone, "phone").ShouldBeNull();
        protector.Open(key, null, "phone").ShouldBeNull();
        protector.Open(key, sealedPhone, "phone").ShouldBe("0912345678");
        (Unreadable("tag-mismatch") + Unreadable("key-mismatch") + Unreadable("malformed") + Unreadable("unknown-master-key")).ShouldBe(6);
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

    [Fact]
    public void A_key_id_tells_master_keys_apart_without_giving_them_away()
    {
        var masterKey = RandomNumberGenerator.GetBytes(32);

        var id = PersonalDataProtector.IdOf(masterKey);
        id.ShouldMatch("^[0-9a-f]{16}$");
        PersonalDataProtector.IdOf(masterKey.ToArray()).ShouldBe(id);
        PersonalDataProtector.IdOf(RandomNumberGenerator.GetBytes(32)).ShouldNotBe(id);
        id.ShouldNotBe(Convert.ToHexStringLower(masterKey)[..16]);
        Protector(masterKey).NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch).KeyId.ShouldBe(id);
    }

    [Fact]
    public void After_a_rotation_the_previous_key_unwraps_until_re_wrapped_and_then_the_new_key_alone_opens_the_data()
    {
        var (oldKey, newKey) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var before = Protector(oldKey);
        var key = before.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var sealedName = before.Seal(key, "Nguyễn Văn Bình", "full-name");
        var rotated = new PersonalDataProtector(newKey, previousKeys: [oldKey]);

        rotated.KeyId.ShouldBe(PersonalDataProtector.IdOf(newKey));
        rotated.Open(key, sealedName, "full-name").ShouldBe("Nguyễn Văn Bình");
        var (outcome, again) = rotated.Rewrap(key);
        outcome.ShouldBe(RewrapOutcome.Rewrapped);
        again.KeyId.ShouldBe(rotated.KeyId);
        again.WrappedKey.ShouldNotBe(key.WrappedKey);
        (again.Id, again.CreatedAt).ShouldBe((key.Id, key.CreatedAt));
        rotated.Rewrap(again).Outcome.ShouldBe(RewrapOutcome.Current);
        rotated.Rewrap(again with { WrappedKey = null }).Outcome.ShouldBe(RewrapOutcome.Erased);

        // The value itself was not re-encrypted: the re-wrapped key opens it, with the new master key alone, and the old key opens nothing.
        Protector(newKey).Open(again, sealedName, "full-name").ShouldBe("Nguyễn Văn Bình");
        before.Open(again, sealedName, "full-name").ShouldBeNull();
        Protector(newKey).Rewrap(key).Outcome.ShouldBe(RewrapOutcome.Unreadable);

        // The claims' key stays the oldest key's, so a person recorded before the rotation is still found a duplicate.
        rotated.ClaimId("bien-hoa", "phone", "0912345678").ShouldBe(before.ClaimId("bien-hoa", "phone", "0912345678"));
    }

    [Fact]
    public void A_key_wrapped_before_keys_had_ids_is_opened_with_whichever_key_of_the_ring_wrapped_it_and_re_wrapped()
    {
        var (oldKey, newKey) = (RandomNumberGenerator.GetBytes(32), RandomNumberGenerator.GetBytes(32));
        var before = Protector(oldKey);
        var key = before.NewPersonKey(Guid.NewGuid(), DateTimeOffset.UnixEpoch);
        var sealedPhone = before.Seal(key, "0912345678", "phone");
        var legacy = key with { KeyId = null };
        var rotated = new PersonalDataProtector(newKey, previousKeys: [oldKey]);

        rotated.Open(legacy, sealedPhone, "phone").ShouldBe("0912345678");
        var (outcome, again) = rotated.Rewrap(legacy);
        outcome.ShouldBe(RewrapOutcome.Rewrapped);
        Protector(newKey).Open(again, sealedPhone, "phone").ShouldBe("0912345678");
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAAA")]
    public void A_malformed_previous_key_fails_start_up(string previous)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PersonalDataProtector.ConfigurationKey] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            [PersonalDataProtector.PreviousKeysConfigurationKey] = $"{Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))},{previous}",
        }).Build();

        Should.Throw<InvalidOperationException>(() => PersonalDataProtector.FromConfiguration(configuration)).Message.ShouldContain("PersonalData:PreviousKeys");
    }

    [Fact]
    public void The_same_key_twice_in_the_ring_is_refused()
    {
        var key = RandomNumberGenerator.GetBytes(32);

        Should.Throw<ArgumentException>(() => new PersonalDataProtector(key, previousKeys: [key.ToArray()]));
    }
}
