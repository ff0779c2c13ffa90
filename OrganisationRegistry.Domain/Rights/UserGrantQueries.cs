using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>The roles granted in the register, for the screen on which central staff grant and revoke them.</summary>
public sealed class UserGrantQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>Every granted role, by sign-in name and role.</summary>
    public async Task<IReadOnlyList<UserGrantItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.UserGrants.AsNoTracking()
            .OrderBy(g => g.Subject)
            .ThenBy(g => g.Role)
            .Select(g => new UserGrantItem(
                g.Id,
                g.Version,
                g.Subject,
                g.Role,
                db.Organisations.Where(o => o.Id == g.OrganisationId).Select(o => (OvoCode?)o.OvoCode).FirstOrDefault(),
                db.Organisations.Where(o => o.Id == g.OrganisationId).Select(o => o.Name).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>A granted role, with the id and version that revoking it needs.</summary>
public sealed record UserGrantItem(Guid Id, long Version, string Subject, string Role, OvoCode? OrganisationOvoCode, string? OrganisationName);
