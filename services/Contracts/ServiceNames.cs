namespace BhxhPlatform.Contracts;

/// <summary>The services of the platform; each listens on a PostgreSQL queue of the same name.</summary>
public static class ServiceNames
{
    public const string Planning = "planning";
    public const string Outreach = "outreach";
    public const string Partners = "partners";

    public static readonly IReadOnlyList<string> All = [Planning, Outreach, Partners];
}
