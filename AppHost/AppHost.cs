using BhxhPlatform.AppHost;
using BhxhPlatform.Contracts;

var builder = DistributedApplication.CreateBuilder(args);

var database = await builder.AddPlatformDatabaseAsync();

builder.AddService<Projects.Planning>(ServiceNames.Planning, database);
builder.AddService<Projects.Outreach>(ServiceNames.Outreach, database);
builder.AddService<Projects.Partners>(ServiceNames.Partners, database);

await builder.Build().RunAsync();
