namespace BhxhPlatform.DevTokens;

/// <summary>
/// <c>dotnet run --project tools/DevTokens -- &lt;role&gt; &lt;unit&gt; [user]</c> prints a 12-hour token
/// signed with this checkout's development key (the one the AppHost gives the services).
/// </summary>
internal static class DevTokensCommand
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2)
        {
            await Console.Error.WriteLineAsync(
                "usage: dotnet run --project tools/DevTokens -- <role> <unit> [user]\n" +
                "roles: province-admin, district-officer, collection-agent, partner, auditor\n" +
                "units: dong-nai (province), bien-hoa, long-khanh, tan-phu, vinh-cuu, dinh-quan, trang-bom, thong-nhat, cam-my, long-thanh, xuan-loc, nhon-trach");
            return 2;
        }

        var key = Environment.GetEnvironmentVariable("BHXH_SIGNING_KEY")
            ?? DevSigningKey.LoadOrCreate(DevSigningKey.FindRepositoryRoot(Environment.CurrentDirectory));
        await Console.Out.WriteLineAsync(TokenMinter.Mint(key, args.Length > 2 ? args[2] : $"{args[0]}@{args[1]}", args[0], args[1]));
        return 0;
    }
}
