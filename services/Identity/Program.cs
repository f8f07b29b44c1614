using BhxhPlatform.Contracts;
using BhxhPlatform.Identity;
using BhxhPlatform.Identity.Accounts;
using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.Identity.Pages;
using BhxhPlatform.Identity.Reminders;
using BhxhPlatform.Identity.Tokens;
using BhxhPlatform.ServiceDefaults;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using JasperFx;
using Microsoft.Extensions.WebEncoders;
using Microsoft.AspNetCore.Identity;

var builder = WebApplication.CreateBuilder(args);

// Keys and secrets from configuration only; start-up fails here, naming the one that is missing.
var keys = SigningKeys.FromConfiguration(builder.Configuration);
Clients.CheckConfiguration(builder.Configuration, builder.Environment);

// The account API takes this service's own tokens, checked against its own public keys (no round trip to itself),
// besides any issuer the configuration names.
builder.Configuration["Auth:Issuers:self:Issuer"] = TokenServer.Issuer(builder.Configuration).AbsoluteUri;
builder.Configuration["Auth:Issuers:self:Jwks"] = keys.PublicJwks();

builder.AddServiceDefaults();
builder.AddCredentials();
builder.AddTokenServer(keys);
builder.Services.AddRazorPages();

// Vietnamese as it is in the page source (UTF-8), not as numeric character references.
builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
builder.Services.AddScoped<TokenClaims>().AddScoped<Clients>();
builder.Services.AddCors(cors => cors.AddDefaultPolicy(policy =>
    // The API pages redeem their code from the browser.
    policy.WithOrigins([.. Clients.ApiDocsUrls(builder.Configuration).Select(u => new Uri(u).GetLeftPart(UriPartial.Authority))])
        .AllowAnyHeader().WithMethods("GET", "POST")));
builder.AddCritterStack(ServiceNames.Identity, marten => marten.AddAccounts().AddReminders(), wolverine =>
{
    // ASP.NET Core Identity and EF Core are built by their own factories, which Wolverine's generated code cannot inline.
    wolverine.CodeGeneration.AlwaysUseServiceLocationFor<UserManager<PlatformUser>>();
    wolverine.CodeGeneration.AlwaysUseServiceLocationFor<AccountWriter>();
});
builder.Services.AddAccountServices();
builder.AddReminders();
builder.Services.AddHostedService<IdentityStartup>();

var app = builder.Build();

app.UseRequestLocalization(Bilingual.Options());
app.UseCors();
app.MapDefaultEndpoints();
app.MapServiceEndpoints();
app.MapAuthorizationEndpoints();
app.MapLanguageSwitch();
app.MapRazorPages();

return await app.RunJasperFxCommands(args);

/// <summary>The identity service's entry point, public so the tests can host it.</summary>
public partial class Program;
