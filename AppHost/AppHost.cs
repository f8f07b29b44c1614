using BhxhPlatform.AppHost;
using BhxhPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var database = await builder.AddPlatformDatabaseAsync();
var signingKey = builder.AddSigningKey();

builder.AddService<Projects.Planning>(ServiceNames.Planning, database, signingKey);
builder.AddService<Projects.Outreach>(ServiceNames.Outreach, database, signingKey)
    .WithEnvironment("PersonalData__MasterKey", builder.AddPersonalDataKey());
builder.AddService<Projects.Partners>(ServiceNames.Partners, database, signingKey);

await builder.Build().RunAsync();
