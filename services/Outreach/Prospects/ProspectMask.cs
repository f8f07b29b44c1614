using BhxhPlatform.ServiceDefaults.PersonalData;

namespace BhxhPlatform.Outreach.Prospects;

/// <summary>A prospect as an auditor sees it (see <see cref="PersonalDataMask"/>).</summary>
public static class ProspectMask
{
    public static ProspectView Masked(this ProspectView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        return view with
        {
            FullName = PersonalDataMask.Name(view.FullName),
            Contact = view.Contact is { } c
                ? new ContactDetails(c.Address is null ? null : PersonalDataMask.Hidden, PersonalDataMask.Digits(c.Phone), PersonalDataMask.Digits(c.Zalo),
                    PersonalDataMask.Email(c.Email))
                : null,
            CitizenId = PersonalDataMask.Digits(view.CitizenId),
        };
    }
}
