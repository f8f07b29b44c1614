using Alba;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.Partners.Commendations;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.TestSupport;
using Marten;
using Wolverine.Http;

namespace BhxhPlatform.Partners.Tests;

/// <summary>State set up through the API, and the few reads the tests share.</summary>
public static class Given
{
    public const string District = "bien-hoa";

    public static DateOnly Today => AgreementSchedule.Today(TimeProvider.System);

    public static Task<Guid> PartnerAsync(this IAlbaHost host, string name = "Hội Nông dân huyện", PartnerType type = PartnerType.UnionOrAssociation) =>
        host.CreateAsync($"/api/units/{District}/partners", new RegisterPartner(name, type, null));

    public static Task<Guid> CollaboratorAsync(this IAlbaHost host, string name = "Lê Thị Mai") =>
        host.CreateAsync($"/api/units/{District}/collaborators",
            new EnlistCollaborator(name, CollaboratorKind.Collaborator, null, "0912345678", null, ["bien-hoa.trang-dai"]));

    /// <summary>The people Partners keeps personal data of, one of each kind, as <see cref="PeopleAsync"/> records them.</summary>
    public static class Person
    {
        public const string ContactName = "Phùng Thị Khánh Ly";
        public const string ContactPhone = "0987650011";
        public const string ContactEmail = "khanhly.phung@hoiphunu.vn";
        public const string CollaboratorName = "Quách Văn Trường";
        public const string CollaboratorPhone = "0987650022";
        public const string CommendedName = "Lương Thị Thu Hà";
    }

    public sealed record People(Guid PartnerId, Guid ContactId, Guid CollaboratorId, Guid CommendationId);

    /// <summary>A partner with a contact person, a collaborator and a commended person (<see cref="Person"/>).</summary>
    public static async Task<People> PeopleAsync(this IAlbaHost host)
    {
        var partner = await host.PartnerAsync();
        var added = await host.Scenario(s =>
        {
            s.Post.Json(new AddPartnerContact(1, Person.ContactName, "Chủ tịch", Person.ContactPhone, Person.ContactEmail), JsonStyle.MinimalApi)
                .ToUrl($"/api/units/{District}/partners/{partner}/contacts");
            s.StatusCodeShouldBeOk();
        });
        var contact = (await added.ReadAsJsonAsync<ContactAdded>())!.ContactId;
        var collaborator = await host.CreateAsync($"/api/units/{District}/collaborators",
            new EnlistCollaborator(Person.CollaboratorName, CollaboratorKind.Collaborator, null, Person.CollaboratorPhone, null, ["bien-hoa.trang-dai"]));
        var commendation = await host.CreateAsync($"/api/units/{District}/commendations",
            new AwardCommendation(Today.Year, null, Person.CommendedName, "Vận động 120 người tham gia BHXH tự nguyện", Today));
        return new People(partner, contact, collaborator, commendation);
    }

    public static DraftAgreement Programme(Guid partnerId, DateOnly? endsOn = null) =>
        new(AgreementKind.Programme, "Chương trình phối hợp tuyên truyền BHXH tự nguyện", [partnerId], ["2", "3.1"], ["Conference", "MassMedia"],
            ["3.1.01"], 4, Today.AddDays(-10), endsOn ?? Today.AddDays(365), null);

    public static async Task<Guid> SignedAgreementAsync(this IAlbaHost host, DraftAgreement draft)
    {
        var id = await host.CreateAsync($"/api/units/{District}/agreements", draft);
        await host.PostOkAsync($"/api/units/{District}/agreements/{id}/sign", new SignAgreement(1, null));
        return id;
    }

    public static async Task<Written> PostOkAsync(this IAlbaHost host, string url, object command)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            s.StatusCodeShouldBeOk();
        });
        return (await result.ReadAsJsonAsync<Written>())!;
    }

    public static async Task<ProblemBody> PostProblemAsync(this IAlbaHost host, string url, object command, int status)
    {
        var result = await host.Scenario(s =>
        {
            s.Post.Json(command, JsonStyle.MinimalApi).ToUrl(url);
            s.StatusCodeShouldBe(status);
        });
        return System.Text.Json.JsonSerializer.Deserialize<ProblemBody>(await result.ReadAsTextAsync(), TestSupport.ScenarioExtensions.Json)!;
    }

    public static async Task<int> EventCountAsync(this IDocumentStore store)
    {
        await using var session = store.QuerySession(District);
        return await session.Events.QueryAllRawEvents().CountAsync();
    }
}
