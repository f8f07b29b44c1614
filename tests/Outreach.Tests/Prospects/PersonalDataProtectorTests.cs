using System.Security.Cryptography;
using BhxhPlatform.Outreach.Prospects;
using Microsoft.Extensions.Configuration;

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
