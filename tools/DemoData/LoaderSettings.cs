using BhxhPlatform.Contracts;

namespace BhxhPlatform.DemoData;

/// <summary>
/// Where the services are and the demo-data client's secret. The AppHost passes them as environment
/// variables: the services' addresses by service discovery (<c>services__planning__http__0</c>, …, set by
/// <c>WithReference</c>) and the secret as <c>DemoData__ClientSecret</c>.
/// </summary>
public sealed record LoaderSettings(Uri Identity, Uri Planning, Uri Outreach, Uri Partners, string ClientSecret)
{
    public const string ClientSecretVariable = "DemoData__ClientSecret";

    public static LoaderSettings FromEnvironment() => new(
        Endpoint(ServiceNames.Identity), Endpoint(ServiceNames.Planning), Endpoint(ServiceNames.Outreach), Endpoint(ServiceNames.Partners),
        Environment.GetEnvironmentVariable(ClientSecretVariable) is { Length: > 0 } secret
            ? secret
            : throw new InvalidOperationException($"{ClientSecretVariable} is not set (the AppHost passes the demo-data-client-secret parameter)."));

    private static Uri Endpoint(string service)
    {
        var variable = $"services__{service}__http__0";
        return Environment.GetEnvironmentVariable(variable) is { Length: > 0 } url
            ? new Uri(url)
            : throw new InvalidOperationException($"{variable} is not set: the AppHost gives the loader a reference to {service}.");
    }
}
