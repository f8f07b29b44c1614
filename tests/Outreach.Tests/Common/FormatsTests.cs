using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;

namespace BhxhPlatform.Outreach.Tests.Common;

public sealed class FormatsTests
{
    [Theory]
    [InlineData("0912345678", true)]
    [InlineData("+84912345678", true)]
    [InlineData("0912 345 678", true)]
    [InlineData("091.234.5678", true)]
    [InlineData("0012345678", false)]
    [InlineData("912345678", false)]
    [InlineData("+8491234567", false)]
    [InlineData("+85512345678", false)]
    public void Vietnamese_phones(string phone, bool valid) => Formats.IsVietnamesePhone(phone).ShouldBe(valid);

    [Theory]
    [InlineData("+84 912 345 678", "0912345678")]
    [InlineData("0912-345-678", "0912345678")]
    public void Phones_are_compared_in_national_form(string phone, string national) => Formats.NormalisePhone(phone).ShouldBe(national);

    [Theory]
    [InlineData("hoa.le@example.vn", true)]
    [InlineData("hoa.le@example.vn\n", false)]
    [InlineData("hoa.le@example", false)]
    public void Emails_end_where_they_end(string email, bool valid) => Formats.IsEmail(email).ShouldBe(valid);

    [Theory]
    [InlineData("079203001234", true)]
    [InlineData("079203001234\n", false)]
    [InlineData("07920300123", false)]
    public void Citizen_ids_are_12_digits_and_nothing_after(string id, bool valid) => Formats.IsCitizenId(id).ShouldBe(valid);

    [Theory]
    [InlineData("3600123456", true)]
    [InlineData("3600123456-001", true)]
    [InlineData("3600123456\n", false)]
    public void Tax_codes_end_where_they_end(string code, bool valid) => Formats.IsTaxCode(code).ShouldBe(valid);

    [Theory]
    [InlineData("https://zalo.me/bhxh", true)]
    [InlineData("http://vov.vn/a?b=1", true)]
    [InlineData("ftp://x.vn/a", false)]
    [InlineData("www.x.vn", false)]
    [InlineData("javascript:alert(1)", false)]
    public void Links_are_absolute_http(string link, bool valid) => Formats.IsHttpUrl(link).ShouldBe(valid);

    [Fact]
    public void Deterministic_ids_depend_on_every_part_of_the_key()
    {
        Formats.DeterministicGuid("a\nb").ShouldBe(Formats.DeterministicGuid("a\nb"));
        Formats.DeterministicGuid("a\nb").ShouldNotBe(Formats.DeterministicGuid("a\nc"));
    }

    [Theory]
    [InlineData("2026-11-23T07:00:00+07:00", "2026-11-23T17:00:00+07:00", false)] // Monday, a full office day
    [InlineData("2026-11-23T16:30:00+07:00", "2026-11-23T17:30:00+07:00", true)]  // runs past closing
    [InlineData("2026-11-23T01:00:00+00:00", "2026-11-23T02:00:00+00:00", false)] // 08:00-09:00 in Vietnam
    [InlineData("2026-11-22T23:30:00+00:00", "2026-11-23T00:30:00+00:00", true)]  // 06:30-07:30 in Vietnam
    [InlineData("2026-11-28T08:00:00+07:00", "2026-11-28T10:00:00+07:00", true)]  // Saturday
    [InlineData("2026-11-24T15:00:00+07:00", "2026-11-25T09:00:00+07:00", true)]  // overnight
    public void Office_hours_are_weekdays_seven_to_five_in_Vietnam(string start, string end, bool outside) =>
        Activity.IsOutsideOfficeHours(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            DateTimeOffset.Parse(end, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(outside);
}
