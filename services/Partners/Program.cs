using BhxhPlatform.Contracts;
using BhxhPlatform.Partners.Agreements;
using BhxhPlatform.Partners.Collaborators;
using BhxhPlatform.Partners.Commendations;
using BhxhPlatform.Partners.Plans;
using BhxhPlatform.Partners.Registry;
using BhxhPlatform.Partners.Scorecards;
using BhxhPlatform.Partners.Trainings;
using BhxhPlatform.ServiceDefaults;
using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using JasperFx;
using Microsoft.Extensions.DependencyInjection.Extensions;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();

// Contact persons', collaborators' and commended persons' details are sealed: no start without the master key.
builder.Services.AddPersonalDataProtection(builder.Configuration);
builder.Services.AddUnitTreeLearning();
builder.Services.TryAddSingleton(TimeProvider.System);
builder.Services.AddCoRunRebuildCheck();
builder.Services.Configure<AgreementOptions>(builder.Configuration.GetSection(AgreementOptions.Section));
builder.AddCritterStack(ServiceNames.Partners, marten =>
{
    marten.AddPersonKeys();
    marten.AddRegistry();
    marten.AddAgreements();
    marten.AddTrainings();
    marten.AddCollaborators();
    marten.AddCommendations();
    marten.AddScorecards();
    marten.AddPlans();
});

var app = builder.Build();

app.MapDefaultEndpoints();
app.MapServiceEndpoints();

return await app.RunJasperFxCommands(args);

/// <summary>The Partners service's entry point, public so the tests can host it.</summary>
public partial class Program;
