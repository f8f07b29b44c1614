using AngleSharp.Dom;
using BhxhPlatform.Contracts;
using BhxhPlatform.Portal.Components.Pages.Activities;
using BhxhPlatform.Portal.ServiceClients;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The activity form shows exactly the fields its form of communication needs, each labelled, and the service's problems beside them.</summary>
public sealed class ActivityFormFieldsTests : IDisposable
{
    private readonly BunitContext _context = new();

    public ActivityFormFieldsTests() => _context.Services.AddLocalization();

    public void Dispose() => _context.Dispose();

    private IRenderedComponent<ActivityFormFields> Render(CommunicationForm form, string audience = "2", ServiceProblem? problem = null, string prefix = "") =>
        _context.Render<ActivityFormFields>(p => p
            .Add(c => c.Form, form)
            .Add(c => c.AudienceCode, audience)
            .Add(c => c.Input, new ActivityInput().Complete([new KnownPartnerView(Guid.NewGuid(), "Hội Nông dân", "MassOrganisation", null)]))
            .Add(c => c.Communes, [new CommuneView("bien-hoa.trang-dai", "25993", "Phường Trảng Dài")])
            .Add(c => c.Problem, problem)
            .Add(c => c.Prefix, prefix));

    private static string[] Sections(IRenderedComponent<ActivityFormFields> form) =>
        form.FindAll("fieldset[data-testid]").Select(f => f.GetAttribute("data-testid")!).ToArray();

    [Fact]
    public void Direct_advice_asks_for_a_team_of_up_to_four_a_commune_materials_and_partners()
    {
        using var _ = Culture.Vietnamese();
        var form = Render(CommunicationForm.DirectContact);

        Sections(form).ShouldBe(["when", "team", "what", "materials", "partners"]);
        form.FindAll("input[name^='Input.TeamMembers[']").Count.ShouldBe(4);
        form.FindAll("input[name^='Input.TeamMembers['][required]").Count.ShouldBe(2);
        form.Find("label[for='f-teamMembers-0']").TextContent.ShouldBe("Thành viên 1");
        form.Find("select[name='Input.CommuneId']").TextContent.ShouldContain("Phường Trảng Dài");
        form.FindAll("input[name='Input.PeopleReached']").Count.ShouldBe(1);
    }

    [Fact]
    public void A_conference_asks_for_attendance_and_the_checklist_and_counts_attendance_as_people_reached()
    {
        using var _ = Culture.Vietnamese();
        var form = Render(CommunicationForm.Conference);

        Sections(form).ShouldBe(["when", "conference", "what", "materials", "partners"]);
        form.FindAll("input[name='Input.Attendance']").Count.ShouldBe(1);
        form.FindAll("input[type=radio][name='Input.VideoClipShown']").Count.ShouldBe(2);
        form.FindAll("input[type=radio][name='Input.GovernmentRepresentativeInvited']").Count.ShouldBe(2);
        form.FindAll("input[type=radio][name='Input.BeneficiaryTestified']").Count.ShouldBe(2);
        form.FindAll("input[name='Input.EthnicLanguageSpeaker']").ShouldBeEmpty();
        form.FindAll("input[name='Input.PeopleReached']").ShouldBeEmpty();
    }

    [Fact]
    public void A_conference_for_ethnic_minorities_also_asks_about_the_speakers_language()
    {
        using var _ = Culture.Vietnamese();
        Render(CommunicationForm.Conference, audience: "3.9").FindAll("input[type=radio][name='Input.EthnicLanguageSpeaker']").Count.ShouldBe(2);
    }

    [Fact]
    public void A_post_asks_for_platform_link_and_reach_and_no_commune_team_or_materials()
    {
        using var _ = Culture.Vietnamese();
        var form = Render(CommunicationForm.MassMedia);

        Sections(form).ShouldBe(["when", "post", "what", "partners"]);
        form.Find("select[name='Input.Platform']").TextContent.ShouldContain("Zalo");
        form.Find("input[name='Input.Link']").GetAttribute("type").ShouldBe("url");
        form.FindAll("input[name='Input.Reach']").Count.ShouldBe(1);
        form.FindAll("select[name='Input.CommuneId']").ShouldBeEmpty();
    }

    [Fact]
    public void An_sms_or_call_campaign_asks_for_the_channel_and_the_counts_only()
    {
        using var _ = Culture.Vietnamese();
        var form = Render(CommunicationForm.SmsPhone);

        Sections(form).ShouldBe(["when", "campaign", "what"]);
        form.FindAll("input[type=radio][name='Input.Channel']").Select(r => r.GetAttribute("value")).ShouldBe(["Sms", "Call"]);
        form.FindAll("input[name='Input.ContactsAttempted'], input[name='Input.ContactsReached']").Count.ShouldBe(2);
        form.FindAll("input[name='Input.PeopleReached']").ShouldBeEmpty();
    }

    [Theory]
    [InlineData(CommunicationForm.DirectContact)]
    [InlineData(CommunicationForm.Conference)]
    [InlineData(CommunicationForm.MassMedia)]
    [InlineData(CommunicationForm.SmsPhone)]
    [InlineData(CommunicationForm.Poster)]
    public void Every_input_has_a_label(CommunicationForm kind)
    {
        using var _ = Culture.Vietnamese();
        var form = Render(kind, audience: "3.9");

        foreach (var input in form.FindAll("input:not([type=hidden]), select, textarea"))
        {
            var labelled = input.Id is { Length: > 0 } id && form.FindAll($"label[for='{id}']").Any(l => l.TextContent.Trim().Length > 0)
                           || input.Closest("label") is { } wrapping && wrapping.TextContent.Trim().Length > 0;
            labelled.ShouldBeTrue($"{input.OuterHtml} has no label");
        }
    }

    [Fact]
    public void The_services_field_errors_appear_beside_their_fields_in_the_current_language()
    {
        var problem = new ServiceProblem(400, null, null, null, null,
        [
            new FieldError("activity.teamMembers", "team-size", "Tổ tư vấn trực tiếp phải có từ 2 đến 4 người.", "A direct-contact advisory team has 2 to 4 people."),
            new FieldError("activity.summary", "required", "Nội dung không được để trống.", "Summary is required."),
        ]);

        using (Culture.Vietnamese())
        {
            var form = Render(CommunicationForm.DirectContact, problem: problem, prefix: "activity.");
            form.Find("fieldset[data-testid=team] .field-error[data-field=teamMembers]").TextContent.ShouldContain("từ 2 đến 4 người");
            var summary = form.Find("#f-summary-error");
            summary.TextContent.Trim().ShouldBe("Nội dung không được để trống.");
            form.Find("#f-summary").GetAttribute("aria-describedby").ShouldBe("f-summary-error");
            form.Find("#f-summary").Closest(".field")!.ClassList.ShouldContain("invalid");
        }

        using (Culture.English())
        {
            Render(CommunicationForm.DirectContact, problem: problem, prefix: "activity.").Find("#f-summary-error").TextContent.Trim().ShouldBe("Summary is required.");
        }
    }

    [Fact]
    public void An_error_on_one_team_member_is_shown_beside_that_member_only()
    {
        using var _ = Culture.Vietnamese();
        var problem = new ServiceProblem(400, null, null, null, null,
            [new FieldError("teamMembers[1]", "too-long", "Thành viên tổ dài quá 200 ký tự.", "Team member is longer than 200 characters.")]);
        var form = Render(CommunicationForm.DirectContact, problem: problem);

        form.FindAll(".field-error").Count.ShouldBe(1);
        form.Find("#f-teamMembers-1-error").TextContent.ShouldContain("200 ký tự");
    }
}
