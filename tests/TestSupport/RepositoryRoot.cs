namespace BhxhPlatform.TestSupport;

public static class RepositoryRoot
{
    /// <summary>The checkout's root: the first folder above <paramref name="start"/> that holds BhxhPlatform.sln.</summary>
    public static string Above(string start)
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
