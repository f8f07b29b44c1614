namespace BhxhPlatform.Contracts;

/// <summary>The forms of communication the plan names (see the catalogue's <c>formKind</c>).</summary>
public enum CommunicationForm
{
    Report,
    InformationProvision,
    Conference,
    InspectionIntegration,
    MassMedia,
    DirectContact,
    VisualPropaganda,
    MeetingIntegration,
    CharityCustomerCare,
    SmsPhone,
    Poster,
    SchoolProducts,
    Commendation,
    Training,
    CommunicationProducts,
}
