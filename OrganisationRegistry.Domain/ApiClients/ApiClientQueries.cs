using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>The registered clients of the API, for the screen on which central staff manage them.</summary>
public sealed class ApiClientQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>Every registered client, active or not, by client id.</summary>
    public async Task<IReadOnlyList<ApiClientItem>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.ApiClients).ToListAsync(cancellationToken);

        // A handful of rows, sorted here: ordinal, as the API matches client ids, whatever the database's collation.
        return [.. rows.Select(ToItem).OrderBy(c => c.ClientId, StringComparer.Ordinal)];
    }

    /// <summary>The client with exactly this client id, or <c>null</c>.</summary>
    public async Task<ApiClientItem?> GetAsync(string clientId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Rows(db, db.ApiClients.Where(c => c.ClientId == clientId)).ToListAsync(cancellationToken);
        return rows.Where(r => string.Equals(r.Client.ClientId, clientId, StringComparison.Ordinal)).Select(ToItem).FirstOrDefault();
    }

    private static IQueryable<Row> Rows(RegistryDbContext db, IQueryable<ApiClient> clients) =>
        clients.AsNoTracking()
            .Join(db.Organisations, c => c.OrganisationId, o => o.Id, (c, o) => new Row(c, o.OvoCode, o.Name));

    private static ApiClientItem ToItem(Row row) => new(
        row.Client.Id,
        row.Client.Version,
        row.Client.ClientId,
        row.Client.Name,
        row.OvoCode,
        row.OrganisationName,
        row.Client.AllowedScopes,
        row.Client.IsActive);

    private sealed record Row(ApiClient Client, OvoCode OvoCode, string OrganisationName);
}

/// <summary>A registered client of the API, with the version that changing it needs.</summary>
/// <param name="Scopes">The allowed scopes in canonical order (<see cref="ApiScopes.All"/>).</param>
public sealed record ApiClientItem(
    Guid Id,
    long Version,
    string ClientId,
    string Name,
    OvoCode OrganisationOvoCode,
    string OrganisationName,
    IReadOnlyList<string> Scopes,
    bool IsActive);
