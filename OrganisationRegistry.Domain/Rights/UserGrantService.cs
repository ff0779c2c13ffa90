using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>People's rights kept in the register: central staff grant and revoke roles; sign-in adds them to the user.</summary>
public sealed class UserGrantService(RegistryWriter writer)
{
    public Task<Saved> GrantAsync(RegistryUser user, GrantRole command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, "rechten van personen beheren");
            var db = write.Db;

            // One person's grants are checked together (one role once, one organisation).
            await write.LockAsync(RegistryLock.Value("user-grant", UserGrant.Normalise(command.Subject)));
            var organisation = string.IsNullOrWhiteSpace(command.OrganisationOvoCode) ? null : await db.Organisations.OrganisationAsync(command.OrganisationOvoCode, cancellationToken);
            var grant = new UserGrant(command.Subject, command.Role, organisation?.Id);
            var existing = await db.UserGrants.Where(g => g.Subject == grant.Subject).ToListAsync(cancellationToken);
            if (existing.Any(g => g.Role == grant.Role))
            {
                throw new DomainRuleException(RuleCodes.Duplicate, $"{grant.Subject} heeft de rol {RegistryRoles.DisplayName(grant.Role)} al.");
            }

            if (grant.OrganisationId is { } organisationId && existing.FirstOrDefault(g => g.OrganisationId is not null && g.OrganisationId != organisationId) is { } other)
            {
                var otherOvoCode = await db.Organisations.Where(o => o.Id == other.OrganisationId).Select(o => o.OvoCode).SingleAsync(cancellationToken);
                throw new DomainRuleException(
                    RuleCodes.InvalidValue,
                    $"{grant.Subject} heeft al een rol voor {otherOvoCode}; een persoon heeft rechten voor één organisatie.");
            }

            db.UserGrants.Add(grant);
            await db.SaveChangesAsync(cancellationToken);
            return new Saved(grant.Id, grant.Version);
        }, cancellationToken);

    public Task RevokeAsync(RegistryUser user, RevokeRole command, CancellationToken cancellationToken = default) =>
        writer.WriteAsync(user, command, async write =>
        {
            RegistryAuthorization.EnsureMayAdministerRegister(user, "rechten van personen beheren");
            var grant = await write.Db.UserGrants.FirstOrDefaultAsync(g => g.Id == command.GrantId, cancellationToken)
                ?? throw RegistryWrite.Removed("Dit recht", command.ExpectedVersion);
            write.ExpectVersion(grant, command.ExpectedVersion);
            write.Db.UserGrants.Remove(grant);
            return await write.Db.SaveChangesAsync(cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// <paramref name="user"/> (as the identity provider describes it) with the roles granted to
    /// <paramref name="subject"/> in the register. A grant's organisation becomes the user's when the identity provider
    /// gave none; grants for another organisation than the one the identity provider gave are left out, never merged.
    /// </summary>
    public async Task<RegistryUser> WithGrantsAsync(RegistryUser user, string subject, CancellationToken cancellationToken = default)
    {
        await using var db = await writer.Contexts.CreateDbContextAsync(cancellationToken);
        var normalised = UserGrant.Normalise(subject);
        var grants = await db.UserGrants.AsNoTracking().Where(g => g.Subject == normalised).ToListAsync(cancellationToken);
        var organisationIds = grants.Select(g => g.OrganisationId).OfType<Guid>().Distinct().ToList();
        var ovoCodes = await db.Organisations.AsNoTracking()
            .Where(o => organisationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.OvoCode, cancellationToken);

        var organisationId = user.OrganisationId;
        OvoCode? ovoCode = user.OrganisationOvoCode;
        var roles = user.Roles.ToHashSet(StringComparer.Ordinal);
        foreach (var grant in grants)
        {
            if (grant.OrganisationId is { } grantedId)
            {
                var grantedOvoCode = ovoCodes[grantedId];
                if (ovoCode is null && organisationId is null)
                {
                    (organisationId, ovoCode) = (grantedId, grantedOvoCode);
                }
                else if (organisationId != grantedId && ovoCode != grantedOvoCode)
                {
                    continue;
                }
            }

            roles.Add(grant.Role);
        }

        return user with { Roles = roles, OrganisationId = organisationId, OrganisationOvoCode = ovoCode };
    }
}
