using System.Net;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using BhxhPlatform.Portal.Components.Pages.Prospects;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Bunit;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests;

/// <summary>The hand-off page offers only the collection-service organisations Outreach knows as active.</summary>
public sealed class HandOffPageTests : IDisposable
{
    private readonly BunitContext _context = new();
    private readonly Culture _culture = Culture.Vietnamese();

    public void Dispose()
    {
        _context.Dispose();
        _culture.Dispose();
    }

    private IRenderedComponent<HandOff> Render(params KnownPartnerView[] partners)
    {
        _context.Services.AddLocalization();
        _context.Services.AddSingleton(TimeProvider.System);
        _context.Services.AddSingleton(new ProspectsClient(new HttpClient(new Answers(new Dictionary<string, object>
        {
            ["/api/units/bien-hoa/known-partners"] = partners,
            // One contacted person, so the form (and its list of organisations) is shown.
            ["/api/units/bien-hoa/prospects"] = $$"""[{"id":"{{Guid.CreateVersion7()}}","erased":false,"fullName":"Nguyễn Văn An","status":"Contacted","version":2}]""",
            ["/api/units/bien-hoa/hand-offs"] = Array.Empty<object>(),
        })) { BaseAddress = new Uri("http://outreach") }));
        var http = new DefaultHttpContext
        {
            User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(PortalUser.NameClaim, "Cán bộ"), new Claim(PortalUser.UnitClaim, "bien-hoa"), new Claim(PortalUser.RoleClaim, PortalUser.DistrictOfficer)], "test")),
        };
        return _context.Render<HandOff>(p => p.AddCascadingValue(http));
    }

    private static KnownPartnerView Organisation(string name, string status) =>
        new(Guid.CreateVersion7(), name, ProspectsClient.CollectionServiceOrganisation, null, status);

    [Fact]
    public void Only_active_collection_service_organisations_are_offered()
    {
        var page = Render(
            Organisation("Bưu điện Trảng Dài", "Active"), Organisation("Bưu điện Tân Phong", "Suspended"), Organisation("Đại lý thu cũ", "Dissolved"),
            new KnownPartnerView(Guid.CreateVersion7(), "Hội Nông dân", "UnionOrAssociation", null));

        page.WaitForAssertion(() => page.FindAll("select option").Select(o => o.TextContent.Trim()).ShouldContain("Bưu điện Trảng Dài"));
        page.FindAll("select option").Select(o => o.TextContent.Trim()).ShouldNotContain(t => t.Contains("Tân Phong") || t.Contains("Đại lý") || t.Contains("Nông dân"));
    }

    [Fact]
    public void With_no_active_organisation_the_page_says_so()
    {
        var page = Render(Organisation("Bưu điện Tân Phong", "Suspended"));

        page.WaitForAssertion(() => page.Find("[data-testid=no-organisations]").TextContent.ShouldContain("đang hoạt động"));
        page.FindAll("select").ShouldBeEmpty();
    }

    private sealed class Answers(Dictionary<string, object> bodies) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(bodies.TryGetValue(request.RequestUri!.AbsolutePath, out var body)
                ? new HttpResponseMessage(HttpStatusCode.OK)
                {
                    Content = new StringContent(body as string ?? JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json"),
                }
                : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
