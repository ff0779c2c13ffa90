using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Identity.Web;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// Who may use the app and how people sign in. Production: Entra ID over OpenID Connect (Microsoft.Identity.Web,
/// section <c>AzureAd</c>) with a session cookie. Development and Testing may instead enable development sign-in: the
/// persona picker at <c>/dev/signin</c> signs in with the same cookie. Either way every request is authenticated by
/// the cookie and its claims are mapped to the app's own user by <see cref="RegistryClaimsTransformation"/>.
/// </summary>
public static class RegistrySignIn
{
    /// <summary>The environment of the automated tests, where development sign-in is allowed as in Development.</summary>
    public const string TestingEnvironment = "Testing";

    /// <summary>
    /// Every endpoint that does not say otherwise: a signed-in user with access to the register
    /// (<see cref="RegistryUser.HasAccess"/>, the <see cref="RegistryRight.Read"/> right).
    /// </summary>
    public static AuthorizationPolicy AccessPolicy { get; } = new AuthorizationPolicyBuilder()
        .RequireAuthenticatedUser()
        .AddRequirements(new RegistryRightRequirement(RegistryRight.Read))
        .Build();

    /// <summary>
    /// Registers sign-in, the claims transformation and the fallback policy. Refuses to start (throws) when
    /// development sign-in is enabled outside Development and Testing, or when neither it nor Entra ID is configured.
    /// </summary>
    public static IServiceCollection AddRegistrySignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var section = configuration.GetSection(RegistrySignInOptions.SectionName);
        var settings = section.Get<RegistrySignInOptions>() ?? new RegistrySignInOptions();
        EnsureSignInIsSafe(settings, configuration.GetSection(RegistrySignInOptions.AzureAdSectionName), environment);

        services.Configure<RegistrySignInOptions>(section);
        services.AddSingleton<DevelopmentSignIn>();
        services.AddSingleton<UserSummaries>();
        var authentication = services.AddAuthentication(options =>
        {
            // The cookie authenticates, and sends whoever lacks one to /account/signin (which chooses the provider).
            options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            options.DefaultChallengeScheme = CookieAuthenticationDefaults.AuthenticationScheme;
        });
        if (settings.DevelopmentSignIn.Enabled)
        {
            authentication.AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
        }
        else
        {
            authentication.AddMicrosoftIdentityWebApp(
                configuration.GetSection(RegistrySignInOptions.AzureAdSectionName),
                OpenIdConnectDefaults.AuthenticationScheme,
                CookieAuthenticationDefaults.AuthenticationScheme);
            services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, ConfigureCookie);
        }

        // Partner systems: bearer tokens for the API, under their own scheme (never the cookie).
        authentication.AddRegistryApiAuthentication(configuration, environment);

        services.AddSingleton<IClaimsTransformation, RegistryClaimsTransformation>();
        services.AddAuthorizationBuilder().SetFallbackPolicy(AccessPolicy);
        return services;
    }

    /// <summary>The start-up guard; the messages name the setting to change.</summary>
    internal static void EnsureSignInIsSafe(RegistrySignInOptions settings, IConfigurationSection azureAd, IHostEnvironment environment)
    {
        if (settings.DevelopmentSignIn.Enabled)
        {
            if (!environment.IsDevelopment() && !environment.IsEnvironment(TestingEnvironment))
            {
                throw new InvalidOperationException(
                    $"Development sign-in is enabled ({RegistrySignInOptions.DevelopmentSignInEnabledKey} = true) in the " +
                    $"'{environment.EnvironmentName}' environment. It lets anyone sign in as any persona without a password, so " +
                    $"it is allowed only in Development and {TestingEnvironment}. Remove the setting and configure Entra ID in " +
                    $"the '{RegistrySignInOptions.AzureAdSectionName}' section.");
            }

            return;
        }

        var hasAuthority = !string.IsNullOrWhiteSpace(azureAd["Authority"])
            || (!string.IsNullOrWhiteSpace(azureAd["Instance"]) && !string.IsNullOrWhiteSpace(azureAd["TenantId"]));
        if (!hasAuthority || string.IsNullOrWhiteSpace(azureAd["ClientId"]))
        {
            throw new InvalidOperationException(
                $"Sign-in is not configured for the '{environment.EnvironmentName}' environment: set " +
                $"{RegistrySignInOptions.AzureAdSectionName}:Instance, {RegistrySignInOptions.AzureAdSectionName}:TenantId and " +
                $"{RegistrySignInOptions.AzureAdSectionName}:ClientId (the Entra ID app registration; see the README, " +
                $"'Aanmelden / Signing in'). In Development you can enable {RegistrySignInOptions.DevelopmentSignInEnabledKey} instead.");
        }
    }

    private static void ConfigureCookie(CookieAuthenticationOptions options)
    {
        options.Cookie.Name = ".OrganisationRegistry.Session";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.LoginPath = AccountPaths.SignIn;
        options.AccessDeniedPath = AccountPaths.NoAccess;
        options.ReturnUrlParameter = AccountPaths.ReturnUrlParameter;
        options.ExpireTimeSpan = TimeSpan.FromHours(8);
        options.SlidingExpiration = true;
    }
}
