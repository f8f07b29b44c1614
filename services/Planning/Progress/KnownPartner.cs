using BhxhPlatform.Contracts.Partners;
using BhxhPlatform.ServiceDefaults;
using Marten;
using Wolverine;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Partners told Planning a partner organisation was registered (or restated its registration).</summary>
public sealed record PartnerRegistrationReceived(Guid PartnerId, string Name, string PartnerType, string? CommuneId, Guid MessageId);

/// <summary>Planning's directory of the partner organisations registered in a unit (a stream per partner, inline snapshot).</summary>
public sealed record KnownPartner(Guid Id, string Name, string PartnerType, string? CommuneId)
{
    public static KnownPartner Create(PartnerRegistrationReceived e) => new(e.PartnerId, e.Name, e.PartnerType, e.CommuneId);

    public KnownPartner Apply(PartnerRegistrationReceived e) => Create(e);
}

public static class PartnerRegisteredHandler
{
    /// <summary>Kept as an event of the partner's stream (on the timeline under the sender's correlation id); a repeat changes nothing.</summary>
    public static async Task Handle(PartnerRegistered message, Envelope envelope, IDocumentSession session, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(envelope);
        await session.AppendIfChangedAsync<KnownPartner, PartnerRegistrationReceived>(
            message.PartnerId, new PartnerRegistrationReceived(message.PartnerId, message.Name, message.PartnerType, message.CommuneId, envelope.Id),
            (_, received) => KnownPartner.Create(received), cancellation);
    }
}
