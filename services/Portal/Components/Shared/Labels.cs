using BhxhPlatform.Contracts;
using Microsoft.Extensions.Localization;

namespace BhxhPlatform.Portal.Components.Shared;

/// <summary>Names of the platform's codes in the current language (forms of communication, plan statuses), from <see cref="SharedText"/>.</summary>
public static class Labels
{
    public static string Form(this IStringLocalizer<SharedText> text, CommunicationForm form) => text["Form_" + form].Value;

    public static string PlanStatus(this IStringLocalizer<SharedText> text, string status) =>
        text["Status_" + status] is { ResourceNotFound: false } found ? found.Value : status;
}
