using Alba;
using BhxhPlatform.Identity.Reminders;
using BhxhPlatform.ServiceDefaults.Security;
using BhxhPlatform.TestSupport;
using MimeKit;

namespace BhxhPlatform.Identity.Tests;

/// <summary>The Development mail sink's files, read back for their addressee; where no sink runs, there are none to read.</summary>
[Collection(IdentityCollection.Name)]
public sealed class SunkMailTests(IdentityFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("bhxh-sunk-mail-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private async Task KeepAsync(string file, string to, string subject, DateTimeOffset date)
    {
        using var message = new MimeMessage
        {
            Subject = subject,
            Date = date,
            Body = new TextPart("plain") { Text = $"Nội dung: {subject}" },
        };
        message.From.Add(new MailboxAddress("BHXH Đồng Nai", "nhac-viec@demo.bhxh.local"));
        message.To.Add(MailboxAddress.Parse(to));
        await message.WriteToAsync(Path.Combine(_folder, file));
    }

    [Fact]
    public async Task A_person_reads_only_the_mails_to_their_address_newest_first()
    {
        await KeepAsync("20261201-080000-000-a.eml", "officer.bien-hoa@demo.bhxh.local", "Kế hoạch bị trả lại", new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero));
        await KeepAsync("20261202-080000-000-b.eml", "admin.dong-nai@demo.bhxh.local", "Kế hoạch được trình", new DateTimeOffset(2026, 12, 2, 8, 0, 0, TimeSpan.Zero));
        await KeepAsync("20261203-080000-000-c.eml", "Officer.Bien-Hoa@demo.bhxh.local", "3 thẻ BHYT hết hạn ngày 27/12/2026", new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));

        var mails = await new SunkMail(_folder).ToAsync("officer.bien-hoa@demo.bhxh.local", CancellationToken.None);

        mails.Select(m => m.Subject).ShouldBe(["3 thẻ BHYT hết hạn ngày 27/12/2026", "Kế hoạch bị trả lại"]);
        mails[0].Text.Trim().ShouldBe("Nội dung: 3 thẻ BHYT hết hạn ngày 27/12/2026");
        (await new SunkMail(null).ToAsync("officer.bien-hoa@demo.bhxh.local", CancellationToken.None)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Where_no_sink_runs_the_api_says_so_with_a_problem()
    {
        var result = await fixture.Host.Scenario(s =>
        {
            s.Get.Url("/api/units/bien-hoa/mail-sink");
            s.WithRequestHeader("Authorization", $"Bearer {TestTokens.For(PlatformRoles.DistrictOfficer, "bien-hoa", Guid.CreateVersion7().ToString())}");
            s.StatusCodeShouldBe(404);
            s.ContentTypeShouldBe("application/problem+json");
        });
        (await result.ReadAsTextAsync()).ShouldContain("Development only");
    }
}
