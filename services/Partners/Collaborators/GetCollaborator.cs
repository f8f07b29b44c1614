using Marten;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http;
using Wolverine.Marten;

namespace BhxhPlatform.Partners.Collaborators;

public static class GetCollaboratorEndpoint
{
    [WolverineGet("/api/units/{unit}/collaborators/{id}")]
    [Tags("Collaborators")]
    public static Collaborator Get([ReadAggregate] Collaborator collaborator) => collaborator;
}

public static class ListCollaboratorsEndpoint
{
    /// <summary>The district's collaborators and agents still working, by name; optionally those covering one commune.</summary>
    [WolverineGet("/api/units/{unit}/collaborators")]
    [Tags("Collaborators")]
    public static async Task<IReadOnlyList<Collaborator>> Get(string? communeId, IQuerySession session, CancellationToken cancellation)
    {
        var working = await session.Query<Collaborator>().Where(c => c.LeftOn == null).OrderBy(c => c.Name).ToListAsync(cancellation);
        return string.IsNullOrEmpty(communeId) ? working : working.Where(c => c.CommuneIds.Contains(communeId)).ToList();
    }
}
