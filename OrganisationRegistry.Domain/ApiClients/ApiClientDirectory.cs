using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>Finds the registered client behind a token, once per API call (one indexed query).</summary>
public sealed class ApiClientDirectory(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>
    /// The register's user for client <paramref name="clientId"/> with a token granting <paramref name="tokenScopes"/>;
    /// <c>null</c> when no such client is registered or it is inactive.
    /// </summary>
    public async Task<RegistryUser?> FindUserAsync(string clientId, IEnumerable<string> tokenScopes, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var found = await db.ApiClients.AsNoTracking()
            .Where(c => c.ClientId == clientId && c.IsActive)
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new { Client = c, o.OvoCode })
            .FirstOrDefaultAsync(cancellationToken);

        // Compared again here so that a case-insensitive collation (SQL Server) cannot let "KIOSK" pass for "kiosk".
        return found is null || !string.Equals(found.Client.ClientId, clientId, StringComparison.Ordinal)
            ? null
            : found.Client.ToUser(tokenScopes, found.OvoCode);
    }

    /// <summary>The scopes allowed to <paramref name="clientId"/>, or <c>null</c> when it is not registered.</summary>
    public async Task<IReadOnlyList<string>?> AllowedScopesAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var client = await db.ApiClients.AsNoTracking().FirstOrDefaultAsync(c => c.ClientId == clientId, cancellationToken);
        return client is null || !string.Equals(client.ClientId, clientId, StringComparison.Ordinal) ? null : client.AllowedScopes;
    }
}
