using System.Security.Cryptography;

namespace BhxhPlatform.AppHost;

/// <summary>
/// The development master key of prospects' personal data (Outreach): created once, at random,
/// in <c>.data/dev-personal-data-key</c> (ignored by git), base64 of 32 bytes. Losing it makes the
/// local prospects' personal data unreadable, as erasure would.
/// </summary>
public static class DevPersonalDataKey
{
    public static string PathIn(string repositoryRoot) => Path.Combine(repositoryRoot, ".data", "dev-personal-data-key");

    public static string LoadOrCreate(string repositoryRoot)
    {
        var path = PathIn(repositoryRoot);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }
}
