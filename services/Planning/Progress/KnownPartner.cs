using BhxhPlatform.Contracts.Partners;
using Marten;

namespace BhxhPlatform.Planning.Progress;

/// <summary>Planning's directory of the partner organisations registered in a unit.</summary>
public sealed record KnownPartner(Guid Id, string Name, string PartnerType, string? CommuneId);

public static class PartnerRegisteredHandler
{
    public static void Handle(PartnerRegistered message, IDocumentSession session) =>
        session.Store(new KnownPartner(message.PartnerId, message.Name, message.PartnerType, message.CommuneId));
}
