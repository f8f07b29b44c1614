using BhxhPlatform.Identity.Credentials;
using BhxhPlatform.Identity.Tokens;

namespace BhxhPlatform.Identity;

/// <summary>
/// Before the first request: the credential store's migrations, the clients and scopes, and in
/// Development the demo accounts; a deployment's first administrator when configured (after Marten has created its own schema objects, which is registered first).
/// </summary>
public sealed class IdentityStartup(IServiceProvider services, IHostEnvironment environment, IConfiguration configuration) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            await CredentialsConfiguration.MigrateAsync(scope.ServiceProvider, cancellationToken);
            await scope.ServiceProvider.GetRequiredService<Clients>().RegisterAsync(cancellationToken);
        }

        await FirstAdministrator.EnsureAsync(services, configuration, cancellationToken);
        if (environment.IsDevelopment())
        {
            await DemoAccounts.EnsureAsync(services, cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
