using BhxhPlatform.Benchmarks.CrudPeer;
using Npgsql;

var builder = WebApplication.CreateBuilder(args);
var connectionString = builder.Configuration.GetConnectionString("bhxh")
    ?? throw new InvalidOperationException("The connection string 'bhxh' is not configured.");

// Prepared statements, as the services and the raw baseline have them (Max Auto Prepare).
var dataSourceBuilder = new NpgsqlDataSourceBuilder(connectionString);
dataSourceBuilder.ConnectionStringBuilder.MaxAutoPrepare = 64;
dataSourceBuilder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
await using var dataSource = dataSourceBuilder.Build();
await Activities.CreateSchemaAsync(dataSource);
builder.Services.AddSingleton(dataSource);

var app = builder.Build();
app.MapGet("/health", () => Results.Ok());
app.MapPost("/api/units/{unit}/activities", Activities.LogAsync);
await app.RunAsync();
