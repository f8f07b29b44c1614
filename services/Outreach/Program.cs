using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.ServiceDefaults;
using JasperFx;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddCritterStack(ServiceNames.Outreach, marten => marten.AddActivities());

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceEndpoints();

return await app.RunJasperFxCommands(args);

/// <summary>The Outreach service's entry point, public so the tests can host it.</summary>
public partial class Program;
