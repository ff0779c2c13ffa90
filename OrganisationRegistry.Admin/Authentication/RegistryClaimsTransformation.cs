using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// Maps the identity provider's claims (Entra ID's ID token, kept in the session cookie) into the app's own user,
/// once per request: the principal it returns carries exactly <see cref="RegistryUser.ToClaims"/>, in an identity of
/// <see cref="AuthenticationType"/>, and such a principal is returned unchanged (development sign-in puts one straight
/// into its cookie). What it reads:
/// <list type="bullet">
/// <item>subject: <c>oid</c>, else <c>sub</c>;</item>
/// <item>name: <c>name</c>, else the sign-in name;</item>
/// <item>roles: the <c>roles</c> claim (<see cref="IdentityProviderRoles"/>), also the registry style
/// <c>decentraalbeheerder:OVO000123</c>;</item>
/// <item>organisation: the OVO code in the claim <see cref="RegistrySignInOptions.OrganisationClaimType"/> (default
/// <c>ovo</c>), else the OVO code of a scoped role; its id is looked up in the register;</item>
/// <item>roles granted in the register (<see cref="UserGrantService.WithGrantsAsync"/>) for the sign-in name
/// (<c>preferred_username</c>, <c>upn</c> or <c>email</c>).</item>
/// </list>
/// A user works for one organisation: a role scoped to another organisation than the one chosen is left out (and
/// logged), never merged.
/// </summary>
public sealed class RegistryClaimsTransformation(
    IDbContextFactory<RegistryDbContext> contexts,
    UserGrantService grants,
    IOptions<RegistrySignInOptions> options,
    ILogger<RegistryClaimsTransformation> logger) : IClaimsTransformation
{
    /// <summary>The authentication type of the identity that carries the app's own claims.</summary>
    public const string AuthenticationType = "OrganisationRegistry";

    // Entra ID claims by their JWT names, and by the long names they get when the handler maps inbound claims.
    private static readonly string[] SubjectClaimTypes = ["oid", "http://schemas.microsoft.com/identity/claims/objectidentifier", "sub", ClaimTypes.NameIdentifier];
    private static readonly string[] NameClaimTypes = ["name"];
    private static readonly string[] SignInNameClaimTypes = ["preferred_username", "upn", ClaimTypes.Upn, "email", ClaimTypes.Email, "unique_name"];
    private static readonly string[] RoleClaimTypes = ["roles", "role", ClaimTypes.Role];

    public async Task<ClaimsPrincipal> TransformAsync(ClaimsPrincipal principal)
    {
        if (principal.Identity?.IsAuthenticated != true || IsMapped(principal))
        {
            return principal;
        }

        var user = await MapAsync(principal);
        return user.ToPrincipal(AuthenticationType);
    }

    /// <summary>Whether <paramref name="principal"/> already carries the app's own user.</summary>
    public static bool IsMapped(ClaimsPrincipal principal) =>
        principal.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == AuthenticationType);

    /// <summary>The app's own user for the identity provider's <paramref name="principal"/>.</summary>
    public async Task<RegistryUser> MapAsync(ClaimsPrincipal principal, CancellationToken cancellationToken = default)
    {
        var signInName = First(principal, SignInNameClaimTypes);
        var subject = First(principal, SubjectClaimTypes) ?? signInName;
        if (subject is null)
        {
            logger.LogWarning("A signed-in principal has no oid, sub or sign-in name; it gets no roles.");
            return RegistryUser.Create("onbekend", principal.Identity?.Name ?? "Onbekende gebruiker", []);
        }

        var displayName = First(principal, NameClaimTypes) ?? principal.Identity?.Name ?? signInName ?? subject;
        var roles = RolesOf(principal);
        var organisationClaim = principal.FindFirst(options.Value.OrganisationClaimType)?.Value;
        OvoCode? organisation = OvoCode.TryParse(organisationClaim, out var claimed) ? claimed : null;
        if (organisation is null && !string.IsNullOrWhiteSpace(organisationClaim))
        {
            logger.LogWarning("The {ClaimType} claim of {Subject} is not an OVO code: '{Value}'.", options.Value.OrganisationClaimType, subject, organisationClaim);
        }

        // Without an organisation claim, a scoped role names it: one that needs an organisation first.
        organisation ??= roles.Where(r => r.Scope is not null).OrderBy(r => RegistryRoles.NeedsOrganisation(r.Role) ? 0 : 1).Select(r => r.Scope).FirstOrDefault();
        var kept = new List<string>();
        foreach (var role in roles)
        {
            if (role.Scope is { } scope && scope != organisation && RegistryRoles.NeedsOrganisation(role.Role))
            {
                logger.LogWarning(
                    "{Subject} has the role {Role} for {Scope}, but works for {Organisation} in the register; the role is left out.",
                    subject, role.Role, scope, organisation);
                continue;
            }

            kept.Add(role.Role);
        }

        var organisationId = organisation is { } code ? await OrganisationIdAsync(code, cancellationToken) : null;
        var user = RegistryUser.Create(subject, displayName, kept, organisation, organisationId);
        return await grants.WithGrantsAsync(user, signInName ?? subject, cancellationToken);
    }

    private static List<IdentityProviderRole> RolesOf(ClaimsPrincipal principal) =>
        [.. principal.Claims
            .Where(c => RoleClaimTypes.Contains(c.Type, StringComparer.Ordinal))
            .Select(c => IdentityProviderRoles.Parse(c.Value))
            .OfType<IdentityProviderRole>()
            .Distinct()];

    private async Task<Guid?> OrganisationIdAsync(OvoCode code, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.AsNoTracking()
            .Where(o => o.OvoCode == code)
            .Select(o => (Guid?)o.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    private static string? First(ClaimsPrincipal principal, IEnumerable<string> claimTypes) =>
        claimTypes.Select(type => principal.FindFirst(type)?.Value).FirstOrDefault(value => !string.IsNullOrWhiteSpace(value));
}
