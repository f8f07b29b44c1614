using Alba;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Collaborators;
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
