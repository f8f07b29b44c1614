namespace BhxhPlatform.Contracts;

/// <summary>The services of the platform; each of <see cref="All"/> listens on a PostgreSQL queue of the same name.</summary>
public static class ServiceNames
{
    public const string Planning = "planning";
    public const string Outreach = "outreach";
    public const string Partners = "partners";

    /// <summary>The OpenID Connect provider (accounts, grants, sign-in); not a message consumer, so not in <see cref="All"/>.</summary>
    public const string Identity = "identity";

    /// <summary>The web portal (a backend for frontend calling the services with the person's token); not a message consumer, so not in <see cref="All"/>.</summary>
    public const string Portal = "portal";

    public static readonly IReadOnlyList<string> All = [Planning, Outreach, Partners];
}
