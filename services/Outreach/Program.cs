using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.Contracts;
using BhxhPlatform.Outreach.Activities;
using BhxhPlatform.Outreach.Common;
using BhxhPlatform.Outreach.Directory;
using BhxhPlatform.Outreach.Employers;
using BhxhPlatform.Outreach.Enrolments;
using BhxhPlatform.Outreach.HandOffs;
using BhxhPlatform.Outreach.Prospects;
using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.ServiceDefaults.Security;
using JasperFx;
using Marten;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.Services.AddUnitTreeLearning();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddPersonalDataProtection(builder.Configuration);
builder.Services.AddExceptionHandler<StreamCollisionExceptionHandler>();
builder.Services.AddDistrictTotalsRebuildCheck();
builder.AddCritterStack(ServiceNames.Outreach, marten => marten.AddDirectory().AddActivities().AddProspects().AddEnrolments().AddHandOffs().AddEmployers());
builder.Services.InitializeMartenWith(new StartTimeColumnBackfill());

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceEndpoints();

return await app.RunJasperFxCommands(args);

/// <summary>The Outreach service's entry point, public so the tests can host it.</summary>
public partial class Program;
