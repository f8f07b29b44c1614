using BhxhPlatform.Contracts;
using BhxhPlatform.Planning.Catalogue;
using BhxhPlatform.Planning.DistrictPlans;
using BhxhPlatform.Planning.Organisation;
using BhxhPlatform.Planning.Progress;
using BhxhPlatform.Planning.Rollouts;
using BhxhPlatform.Planning.Schedule;
using BhxhPlatform.Planning.Templates;
using BhxhPlatform.ServiceDefaults;
using JasperFx;
using Marten;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddReferenceData();
builder.Services.AddSingleton<ProgressPlanReader>();
builder.Services.AddSingleton<ProgressReader>();
builder.Services.AddOrganisationSeed();
builder.AddCritterStack(ServiceNames.Planning, marten =>
{
    marten.AddOrganisation();
    marten.AddTemplates();
    marten.AddDistrictPlans();
    marten.AddRollouts();
    marten.AddProgress();
});
builder.Services.InitializeMartenWith(new EmptyTalliesOfAnEmptyStore());
builder.Services.AddHostedService<MonthEndReminderStartup>();

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceEndpoints();

return await app.RunJasperFxCommands(args);

/// <summary>The Planning service's entry point, public so the tests can host it.</summary>
public partial class Program;
