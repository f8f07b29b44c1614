using BhxhPlatform.AppHost;
using BhxhPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var database = await builder.AddPlatformDatabaseAsync();
var portalSecret = builder.AddSecret("portal-client-secret", SecretKind.ClientSecret);
var identity = builder.AddIdentityService(database, portalSecret);

var planning = builder.AddService<Projects.Planning>(ServiceNames.Planning, database, identity);
var outreach = builder.AddService<Projects.Outreach>(ServiceNames.Outreach, database, identity)
    .WithEnvironment("PersonalData__MasterKey", builder.AddSecret("personal-data-key", SecretKind.Key256));
var partners = builder.AddService<Projects.Partners>(ServiceNames.Partners, database, identity);
identity.WithApiPagesOf(planning, outreach, partners);
builder.AddPortal(identity, portalSecret, planning, outreach, partners, identity);

await builder.Build().RunAsync();
