using BhxhPlatform.ServiceDefaults.PersonalData;
using BhxhPlatform.ServiceDefaults.Security;
using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;

namespace BhxhPlatform.Partners.PersonalData;

/// <summary>
/// After a rotation of the master key: re-wrap the keys of the contact persons, collaborators and commended persons of a
/// province (see <see cref="PersonKeyRewrap"/>).
/// </summary>
public static class RewrapPersonKeysEndpoint
{
    public static ProblemDetails Validate(string unit, OrganisationDirectory directory) => PersonKeyRewrap.ValidateProvince(unit, directory);

    [WolverinePost("/api/units/{unit}/personal-data/rewrap")]
    [Tags("Personal data")]
    public static Task<RewrapReport> Post(
        string unit, IDocumentStore store, OrganisationDirectory directory, PersonalDataProtector protector, CancellationToken cancellation) =>
        PersonKeyRewrap.RewrapAsync(unit, store, directory, protector, cancellation);
}
