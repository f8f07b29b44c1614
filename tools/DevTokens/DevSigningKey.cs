using System.Security.Cryptography;

namespace BhxhPlatform.DevTokens;

/// <summary>
/// The development signing key of a local checkout: created once, at random, in
/// <c>.data/dev-signing-key</c> (ignored by git), shared by the AppHost and this tool.
/// </summary>
public static class DevSigningKey
{
    public static string PathIn(string repositoryRoot) => Path.Combine(repositoryRoot, ".data", "dev-signing-key");

    public static string LoadOrCreate(string repositoryRoot)
    {
        var path = PathIn(repositoryRoot);
        if (File.Exists(path))
        {
            return File.ReadAllText(path).Trim();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
        File.WriteAllText(path, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return key;
    }

    public static string FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BhxhPlatform.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"BhxhPlatform.sln was not found above {start}.");
    }
}
