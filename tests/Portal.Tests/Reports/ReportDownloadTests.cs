using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using Alba;
using Alba.Security;
using BhxhPlatform.Portal.ServiceClients;
using BhxhPlatform.Portal.SignIn;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace BhxhPlatform.Portal.Tests.Reports;

/// <summary>The portal as it is hosted, signed in as an officer (a stubbed session), with a Planning that answers the downloads.</summary>
public sealed class ReportDownloadHost : IAsyncLifetime
{
    public FakeFiles Planning { get; } = new();

    public IAlbaHost Host { get; private set; } = default!;

    public async Task InitializeAsync() => Host = await AlbaHost.For<Program>(
        web =>
        {
            web.UseSetting("Identity:Authority", "http://identity.test");
            web.UseSetting("Identity:ClientSecret", "a-test-secret-of-at-least-32-characters!");
            web.ConfigureServices(services =>
            {
                services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
                    options.Configuration = new Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration { Issuer = "http://identity.test/" });
                services.AddHttpClient<ReportsClient>().ConfigurePrimaryHttpMessageHandler(() => Planning);
            });
        },
        new AuthenticationStub()
            .With(PortalUser.UnitClaim, "bien-hoa")
            .With(PortalUser.RoleClaim, PortalUser.DistrictOfficer)
            .With(ClaimTypes.Role, PortalUser.DistrictOfficer));

    public async Task DisposeAsync() => await Host.DisposeAsync();

    /// <summary>Planning's file endpoints: one answer for every request, the requests kept.</summary>
    public sealed class FakeFiles : HttpMessageHandler
    {
        public Func<HttpResponseMessage> Answer { get; set; } = () => new HttpResponseMessage(HttpStatusCode.NotFound);

        public List<string> Asked { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            lock (Asked)
            {
                Asked.Add(request.RequestUri!.PathAndQuery);
            }

            return Task.FromResult(Answer());
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ReportDownloadCollection : ICollectionFixture<ReportDownloadHost>
{
    public const string Name = "Report downloads through the portal";
}

[Collection(ReportDownloadCollection.Name)]
public sealed class ReportDownloadTests(ReportDownloadHost portal)
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task A_download_is_Plannings_file_with_its_content_type_and_file_name()
    {
        byte[] bytes = [0x50, 0x4B, 0x03, 0x04, 1, 2, 3];
        portal.Planning.Answer = () =>
        {
            var content = new ByteArrayContent(bytes);
            content.Headers.ContentType = new MediaTypeHeaderValue(Docx);
            content.Headers.ContentDisposition = ContentDispositionHeaderValue.Parse("attachment; filename=bao-cao-ket-qua-bien-hoa-2026-m11.docx; filename*=UTF-8''bao-cao-ket-qua-bien-hoa-2026-m11.docx");
            return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
        };

        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/reports/download/docx?year=2026&period=m11&asOf=25/11/2026");
            s.StatusCodeShouldBe(200);
        });

        portal.Planning.Asked.ShouldContain("/api/units/bien-hoa/reports/2026/m11/docx?asOf=2026-11-25");
        result.Context.Response.ContentType.ShouldBe(Docx);
        var disposition = ContentDispositionHeaderValue.Parse(result.Context.Response.Headers.ContentDisposition.ToString());
        disposition.DispositionType.ShouldBe("attachment");
        disposition.FileNameStar.ShouldBe("bao-cao-ket-qua-bien-hoa-2026-m11.docx");
        using var body = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(body);
        body.ToArray().ShouldBe(bytes);
    }

    [Fact]
    public async Task A_file_without_a_name_or_type_is_named_and_typed_from_the_request()
    {
        portal.Planning.Answer = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1]) };

        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/reports/download/xlsx?unit=bien-hoa&year=2026&period=q4");
            s.StatusCodeShouldBe(200);
        });

        result.Context.Response.ContentType.ShouldBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        ContentDispositionHeaderValue.Parse(result.Context.Response.Headers.ContentDisposition.ToString()).FileName.ShouldBe("bao-cao-ket-qua-bien-hoa-2026-q4.xlsx");
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.NotFound)]
    public async Task A_refused_download_goes_back_to_the_report_page_which_shows_Plannings_problem(HttpStatusCode status)
    {
        portal.Planning.Answer = () => new HttpResponseMessage(status) { Content = new StringContent("{\"status\":" + (int)status + "}") };

        var result = await portal.Host.Scenario(s =>
        {
            s.Get.Url("/reports/download/docx?unit=long-thanh&year=2026&period=year");
            s.StatusCodeShouldBe(302);
        });

        result.Context.Response.Headers.Location.ToString().ShouldBe("/reports?unit=long-thanh&year=2026&period=year&failed=docx");
    }

    [Fact]
    public async Task Only_Word_and_Excel_are_downloads() =>
        await portal.Host.Scenario(s =>
        {
            s.Get.Url("/reports/download/pdf?year=2026&period=year");
            s.StatusCodeShouldBe(404);
        });
}
