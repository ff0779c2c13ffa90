using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// Signs a <see cref="DevelopmentPersona"/> in with the session cookie, without an identity provider. Only when
/// <see cref="DevelopmentSignInOptions.Enabled"/>, which the start-up guard allows in Development and Testing only.
/// </summary>
public sealed class DevelopmentSignIn(IDbContextFactory<RegistryDbContext> contexts, TimeProvider clock, IOptions<RegistrySignInOptions> options)
{
    public bool IsEnabled => options.Value.DevelopmentSignIn.Enabled;

    public async Task<RegistryUser> SignInAsync(HttpContext httpContext, DevelopmentPersona persona, CancellationToken cancellationToken = default)
    {
        if (!IsEnabled)
        {
            throw new InvalidOperationException("Development sign-in is not enabled.");
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var user = await DevelopmentPersonas.SignInAsync(persona, db, RegistryDates.Today(clock), cancellationToken);
        await httpContext.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            user.ToPrincipal(RegistryClaimsTransformation.AuthenticationType));
        return user;
    }
}
