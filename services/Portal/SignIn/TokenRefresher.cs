using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace BhxhPlatform.Portal.SignIn;

/// <summary>
/// On each request, before the session is used: an access token that expires within
/// <see cref="Margin"/> is exchanged for a new one with the refresh token (which the identity
/// service rotates), and the cookie is rewritten with both. A refusal ends the session, so the next
/// page signs in again.
/// </summary>
public sealed class TokenRefresher(IOptionsMonitor<OpenIdConnectOptions> oidc, TimeProvider clock, ILogger<TokenRefresher> logger)
{
    public static readonly TimeSpan Margin = TimeSpan.FromMinutes(2);

    public async Task RefreshWhenNearExpiryAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var expiresAt = context.Properties.GetTokenValue("expires_at");
        if (expiresAt is null ||
            !DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var expires) ||
            expires - clock.GetUtcNow() > Margin)
        {
            return;
        }

        var refreshToken = context.Properties.GetTokenValue("refresh_token");
        var options = oidc.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var cancellation = context.HttpContext.RequestAborted;
        var tokens = refreshToken is null ? null : await RedeemAsync(options, refreshToken, cancellation);
        if (tokens is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.UpdateTokenValue("access_token", tokens.AccessToken);
        context.Properties.UpdateTokenValue("refresh_token", tokens.RefreshToken ?? refreshToken!);
        if (tokens.IdToken is not null)
        {
            context.Properties.UpdateTokenValue("id_token", tokens.IdToken);
        }

        context.Properties.UpdateTokenValue("expires_at",
            clock.GetUtcNow().AddSeconds(tokens.ExpiresIn).ToString("o", CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private async Task<TokenAnswer?> RedeemAsync(OpenIdConnectOptions options, string refreshToken, CancellationToken cancellation)
    {
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellation);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }),
        };
        using var response = await options.Backchannel.SendAsync(request, cancellation);
        if (!response.IsSuccessStatusCode)
        {
            logger.LogInformation("The refresh token was refused ({Status}); the session ends.", (int)response.StatusCode);
            return null;
        }

        return await response.Content.ReadFromJsonAsync<TokenAnswer>(JsonSerializerOptions.Web, cancellation);
    }

    private sealed record TokenAnswer(
        [property: System.Text.Json.Serialization.JsonPropertyName("access_token")] string AccessToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("refresh_token")] string? RefreshToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("id_token")] string? IdToken,
        [property: System.Text.Json.Serialization.JsonPropertyName("expires_in")] int ExpiresIn);
}
