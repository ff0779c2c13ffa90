using System.Security.Claims;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.IdentityModel.Tokens;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.ApiClients;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// How partner systems authenticate to the EDIT API: OAuth2 bearer tokens (JWT) under the scheme
/// <see cref="Scheme"/>. Production: tokens of Entra ID for this app's API (Microsoft.Identity.Web, section
/// <c>AzureAd</c>), client credentials, the allowed scopes as app roles. Development and Testing may instead enable
/// development tokens (<see cref="DevelopmentTokenOptions"/>, the <c>dev-token</c> command). Either way the token's
/// client id (<c>azp</c>, <c>appid</c> or <c>client_id</c>) must be a registered, active <see cref="ApiClient"/>; the
/// request then acts as that client's <see cref="Domain.Rights.RegistryUser"/>, with the roles of the scopes that both
/// the token grants and the registration allows.
/// </summary>
public static class ApiAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    private static readonly string[] ClientIdClaimTypes = ["azp", "appid", "client_id"];
    private static readonly string[] ScopeClaimTypes = ["scp", "scope", "http://schemas.microsoft.com/identity/claims/scope"];
    private static readonly string[] RoleClaimTypes = ["roles", "role", ClaimTypes.Role];

    /// <summary>Adds the bearer scheme to the app's authentication; refuses development tokens outside Development and Testing.</summary>
    public static AuthenticationBuilder AddRegistryApiAuthentication(this AuthenticationBuilder authentication, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(ApiOptions.SectionName);
        var settings = section.Get<ApiOptions>() ?? new ApiOptions();
        EnsureTokensAreSafe(settings, environment);
        authentication.Services.Configure<ApiOptions>(section);
        authentication.Services.AddSingleton<DevelopmentTokenIssuer>();

        if (settings.DevelopmentTokens.Enabled)
        {
            authentication.AddJwtBearer(Scheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = DevelopmentTokenIssuer.ValidationParameters(settings.DevelopmentTokens);
            });
        }
        else
        {
            authentication.AddMicrosoftIdentityWebApi(configuration.GetSection(RegistrySignInOptions.AzureAdSectionName), Scheme);
        }

        // After everything else configured the scheme (Microsoft.Identity.Web chains its own handlers): map the client.
        authentication.Services.PostConfigure<JwtBearerOptions>(Scheme, options =>
        {
            options.Events ??= new JwtBearerEvents();
            var validated = options.Events.OnTokenValidated;
            options.Events.OnTokenValidated = async context =>
            {
                await validated(context);
                if (context.Result is null)
                {
                    await MapClientAsync(context);
                }
            };
            options.Events.OnChallenge = async context =>
            {
                context.HandleResponse();
                context.Response.Headers.WWWAuthenticate = context.Error is null
                    ? "Bearer"
                    : $"Bearer error=\"{context.Error}\"";
                await ApiProblems.WriteAsync(
                    context.HttpContext,
                    ApiProblems.Unauthorized(context.AuthenticateFailure is null
                        ? "Deze aanvraag heeft een geldig toegangstoken nodig (Authorization: Bearer ...)."
                        : $"Het toegangstoken werd geweigerd: {Describe(context.AuthenticateFailure)}"));
            };
            options.Events.OnForbidden = context => ApiProblems.WriteAsync(
                context.HttpContext,
                ApiProblems.Forbidden(
                    "read",
                    "Deze client heeft geen enkele scope van de API: vraag het centrale beheer om een scope toe te kennen."));
        });
        return authentication;
    }

    /// <summary>The start-up guard for development tokens; the message names the setting to change.</summary>
    internal static void EnsureTokensAreSafe(ApiOptions settings, IHostEnvironment environment)
    {
        var tokens = settings.DevelopmentTokens;
        if (!tokens.Enabled)
        {
            return;
        }

        if (!environment.IsDevelopment() && !environment.IsEnvironment(RegistrySignIn.TestingEnvironment))
        {
            throw new InvalidOperationException(
                $"Development tokens are enabled ({ApiOptions.DevelopmentTokensEnabledKey} = true) in the '{environment.EnvironmentName}' " +
                "environment. Anyone who knows the development key could then act as any API client, so they are allowed only in " +
                $"Development and {RegistrySignIn.TestingEnvironment}. Remove the setting: the API then accepts Entra ID tokens " +
                $"(section '{RegistrySignInOptions.AzureAdSectionName}').");
        }

        if (tokens.SigningKey is null || Encoding.UTF8.GetByteCount(tokens.SigningKey) < DevelopmentTokenOptions.MinimumKeyLength)
        {
            throw new InvalidOperationException(
                $"Development tokens are enabled but {ApiOptions.DevelopmentTokensSigningKeyKey} is missing or shorter than " +
                $"{DevelopmentTokenOptions.MinimumKeyLength} characters.");
        }
    }

    /// <summary>Replaces the token's principal with the registered client's user, or fails the authentication.</summary>
    private static async Task MapClientAsync(TokenValidatedContext context)
    {
        var principal = context.Principal!;
        var clientId = First(principal, ClientIdClaimTypes);
        if (clientId is null)
        {
            context.Fail("het token noemt geen client (azp, appid of client_id).");
            return;
        }

        var scopes = ScopeClaimTypes.SelectMany(type => principal.FindAll(type))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Concat(RoleClaimTypes.SelectMany(type => principal.FindAll(type)).Select(claim => claim.Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        var directory = context.HttpContext.RequestServices.GetRequiredService<ApiClientDirectory>();
        var user = await directory.FindUserAsync(clientId, scopes, context.HttpContext.RequestAborted);
        if (user is null)
        {
            context.Fail($"de client '{clientId}' is niet (meer) geregistreerd in het Organisatieregister.");
            return;
        }

        context.Principal = user.ToPrincipal(RegistryClaimsTransformation.AuthenticationType);
    }

    private static string Describe(Exception failure) => failure switch
    {
        SecurityTokenExpiredException => "het is verlopen.",
        SecurityTokenNotYetValidException or SecurityTokenInvalidLifetimeException => "het is (nog) niet geldig.",
        SecurityTokenInvalidSignatureException or SecurityTokenSignatureKeyNotFoundException => "de handtekening klopt niet.",
        SecurityTokenInvalidAudienceException => "het is niet voor deze API bedoeld (audience).",
        SecurityTokenInvalidIssuerException => "het komt niet van een vertrouwde uitgever (issuer).",
        SecurityTokenMalformedException or ArgumentException => "het is geen geldig JWT.",
        AuthenticationFailureException => failure.Message,
        _ => failure.Message.StartsWith("de client", StringComparison.Ordinal) || failure.Message.StartsWith("het token", StringComparison.Ordinal)
            ? failure.Message
            : "het is ongeldig.",
    };

    private static string? First(ClaimsPrincipal principal, IEnumerable<string> types) =>
        types.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
