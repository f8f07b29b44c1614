using JasperFx.Events;
using Marten;
using Marten.Events;

namespace BhxhPlatform.Outreach.Tests;

public static class CommandEventsExtensions
{
    /// <summary>Marten's name of the event recording what Partners told Outreach of a partner.</summary>
    private const string PartnerRegistrationReceived = "partner_registration_received";

    /// <summary>
    /// The events of Outreach's own commands: every event but those recording what Partners told it
    /// (the known partners the tests are given before they act).
    /// </summary>
    public static IQueryable<IEvent> CommandEvents(this Marten.Events.IQueryEventStore events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.QueryAllRawEvents().Where(e => e.EventTypeName != PartnerRegistrationReceived);
    }
}
