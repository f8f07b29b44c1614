namespace BhxhPlatform.Contracts.Partners;

/// <summary>
/// Partners → Planning: a unit recorded a commendation ("biểu dương, khen thưởng") of a partner organisation or of a
/// person for a year's work. Receivers deduplicate by <paramref name="CommendationId"/>. A person's name and the
/// reason stay in Partners: the results report counts commendations, it does not name the people commended.
/// </summary>
/// <param name="Year">The year whose work is commended.</param>
/// <param name="PartnerId">The partner organisation commended; null when a person was.</param>
/// <param name="AwardedOn">The day it was awarded.</param>
[ConsumedBy(ServiceNames.Planning)]
public sealed record CommendationConferred(Guid CommendationId, int Year, Guid? PartnerId, DateOnly AwardedOn);
