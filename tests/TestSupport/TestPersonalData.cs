using System.Security.Cryptography;

namespace BhxhPlatform.TestSupport;

/// <summary>The personal-data master key the services under test run with (Outreach and Partners require one).</summary>
public static class TestPersonalData
{
    public static readonly string MasterKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
