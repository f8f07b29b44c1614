using BhxhPlatform.Portal.Localization;

namespace BhxhPlatform.Portal.Tests;

public sealed class DisplayTests
{
    [Fact]
    public void Dates_are_day_month_year_in_Vietnam()
    {
        Display.Date(new DateOnly(2026, 3, 7)).ShouldBe("07/03/2026");
        // 18:30 UTC on 31 December is already 1 January in Vietnam.
        Display.DateTime(new DateTimeOffset(2026, 12, 31, 18, 30, 0, TimeSpan.Zero)).ShouldBe("01/01/2027 01:30");
        Display.Date(new DateTimeOffset(2026, 12, 31, 18, 30, 0, TimeSpan.Zero)).ShouldBe("01/01/2027");
    }

    [Fact]
    public void Numbers_are_written_the_Vietnamese_way_in_both_languages()
    {
        using (Culture.English())
        {
            Display.Number(1234567).ShouldBe("1.234.567");
        }

        Display.Number(0).ShouldBe("0");
        Display.Number(12.5m).ShouldBe("12,5");
    }

    [Fact]
    public void A_local_day_and_time_is_an_instant_at_plus_seven()
    {
        var instant = Display.Instant(new DateOnly(2026, 11, 20), new TimeOnly(18, 30));
        instant.Offset.ShouldBe(TimeSpan.FromHours(7));
        instant.UtcDateTime.ShouldBe(new DateTime(2026, 11, 20, 11, 30, 0, DateTimeKind.Utc));
    }

    [Fact]
    public void The_half_of_a_bilingual_text_in_the_current_language()
    {
        using (Culture.Vietnamese())
        {
            Display.Half("Không tìm thấy / Not found").ShouldBe("Không tìm thấy");
        }

        using (Culture.English())
        {
            Display.Half("Không tìm thấy / Not found").ShouldBe("Not found");
            Display.Half("only one").ShouldBe("only one");
        }
    }
}
