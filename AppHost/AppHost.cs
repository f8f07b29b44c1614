using BhxhPlatform.AppHost;
using BhxhPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var database = await builder.AddPlatformDatabaseAsync();
var demoDataSecret = builder.AddDemoDataSecret();
var identity = builder.AddIdentityService(database, demoDataSecret);

var planning = builder.AddService<Projects.Planning>(ServiceNames.Planning, database, identity);
var outreach = builder.AddService<Projects.Outreach>(ServiceNames.Outreach, database, identity)
    .WithEnvironment("PersonalData__MasterKey", builder.AddSecret("personal-data-key", SecretKind.Key256));
var partners = builder.AddService<Projects.Partners>(ServiceNames.Partners, database, identity);
identity.WithApiPagesOf(planning, outreach, partners);
builder.AddDemoDataLoader(demoDataSecret, identity, planning, outreach, partners);

await builder.Build().RunAsync();
