using System.Security.Claims;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// Mints development tokens for API clients (the <c>dev-token</c> command, the tests): a JWT with the client's id and
/// scopes, signed with <see cref="DevelopmentTokenOptions.SigningKey"/>. Refuses when development tokens are not enabled,
/// which the start-up guard allows only in Development and Testing.
/// </summary>
public sealed class DevelopmentTokenIssuer(IOptions<ApiOptions> options, TimeProvider time)
{
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromHours(8);

    public bool IsEnabled => options.Value.DevelopmentTokens.Enabled;

    public string Issue(string clientId, IEnumerable<string> scopes, TimeSpan? lifetime = null)
    {
        var settings = options.Value.DevelopmentTokens;
        if (!settings.Enabled)
        {
            throw new InvalidOperationException($"Development tokens are not enabled ({ApiOptions.DevelopmentTokensEnabledKey}).");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = DevelopmentTokenOptions.Issuer,
            Audience = DevelopmentTokenOptions.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? DefaultLifetime),
            Subject = new ClaimsIdentity(
            [
                new Claim("sub", clientId),
                new Claim("client_id", clientId),
                new Claim("azp", clientId),
                new Claim("scope", string.Join(' ', scopes)),
                new Claim("jti", Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(Key(settings), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    internal static TokenValidationParameters ValidationParameters(DevelopmentTokenOptions settings) => new()
    {
        ValidIssuer = DevelopmentTokenOptions.Issuer,
        ValidAudience = DevelopmentTokenOptions.Audience,
        IssuerSigningKey = Key(settings),
        ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        ClockSkew = TimeSpan.FromSeconds(30),
    };

    private static SymmetricSecurityKey Key(DevelopmentTokenOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey ?? throw new InvalidOperationException($"{ApiOptions.DevelopmentTokensSigningKeyKey} is not set.")));
}
