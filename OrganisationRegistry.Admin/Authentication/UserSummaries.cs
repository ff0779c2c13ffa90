using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>What the app bar says about the signed-in user's organisation: "Agentschap Overheidspersoneel (OVO000012)".</summary>
public sealed class UserSummaries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>The name and OVO code of the user's organisation; only the OVO code when the register does not know it; <c>null</c> without one.</summary>
    public async Task<string?> OrganisationOfAsync(RegistryUser user, CancellationToken cancellationToken = default)
    {
        if (user.OrganisationId is null && user.OrganisationOvoCode is null)
        {
            return null;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisations = db.Organisations.AsNoTracking();
        organisations = user.OrganisationId is { } id
            ? organisations.Where(o => o.Id == id)
            : organisations.Where(o => o.OvoCode == user.OrganisationOvoCode!.Value);
        var organisation = await organisations.Select(o => new { o.Name, o.OvoCode }).FirstOrDefaultAsync(cancellationToken);
        return organisation is null ? user.OrganisationOvoCode?.Value : $"{organisation.Name} ({organisation.OvoCode})";
    }
}
