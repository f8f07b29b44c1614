namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Planning: a coordination programme or contract was signed (or renewed or
/// amended: the fields are the agreement as it now stands). Receivers key by <paramref name="AgreementId"/>.
/// </summary>
/// <param name="Kind">Programme or Contract.</param>
/// <param name="PartnerIds">The partner organisations that are parties to it.</param>
/// <param name="AudienceCodes">Audiences in scope (e.g. <c>2</c>, <c>3.1</c>).</param>
/// <param name="FormKinds">Forms of communication in scope.</param>
/// <param name="PlanLineCodes">Catalogue lines in scope.</param>
/// <param name="ActivitiesPerYear">How many activities the agreement commits to per year, when it says.</param>
/// <param name="Revision">
/// The agreement's version in Partners after this change; a receiver applies terms only when they are newer
/// than those it holds, so an amendment and a renewal handled out of order end at the newest. 0: unknown.
/// </param>
[ConsumedBy(ServiceNames.Planning)]
public sealed record AgreementSigned(
    Guid AgreementId,
    string Kind,
    IReadOnlyList<Guid> PartnerIds,
    IReadOnlyList<string> AudienceCodes,
    IReadOnlyList<string> FormKinds,
    IReadOnlyList<string> PlanLineCodes,
    DateOnly StartsOn,
    DateOnly EndsOn,
    int? ActivitiesPerYear,
    decimal? Value,
    long Revision = 0);
