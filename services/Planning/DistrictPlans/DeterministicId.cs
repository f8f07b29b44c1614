using System.Security.Cryptography;
using System.Text;

namespace BhxhPlatform.Planning.DistrictPlans;

/// <summary>Name-based UUIDs (RFC 9562 version 5, SHA-1): the same name always gives the same stream id.</summary>
public static class DeterministicId
{
    /// <summary>The namespace of Planning's names (a fixed random UUID).</summary>
    private static readonly Guid Namespace = new("4b0e8f3c-5a61-4f0e-9d2b-7f3a1c6e2d90");

    public static Guid Create(string name)
    {
        var bytes = Namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
#pragma warning disable CA5350 // SHA-1 is what UUID v5 is defined with; it names, it does not protect.
        var hash = SHA1.HashData(bytes);
#pragma warning restore CA5350
        var uuid = hash.AsSpan(0, 16).ToArray();
        uuid[6] = (byte)((uuid[6] & 0x0F) | 0x50);
        uuid[8] = (byte)((uuid[8] & 0x3F) | 0x80);
        return new Guid(uuid, bigEndian: true);
    }

    public static Guid DistrictPlan(string district, int year) => Create($"district-plan/{district}/{year}");

    public static Guid Rollout(string province, Guid templateId, int templateVersion) =>
        Create($"rollout/{province}/{templateId:D}/{templateVersion}");
}
