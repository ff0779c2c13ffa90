using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// The application domains as their administration screen needs them: ids (the resources of the rights), versions
/// (what the update commands carry), every category with its order and state, and the stewards. A handful of domains:
/// three small queries, put together here.
/// </summary>
public sealed class DomainAdministrationQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    public async Task<IReadOnlyList<AdministeredDomain>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domains = await db.ApplicationDomains.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Version, d.Code, d.Name, d.Article, d.Description, d.LegalReference })
            .ToListAsync(cancellationToken);
        var categories = (await db.DomainCategories.AsNoTracking()
                .OrderBy(c => c.SortOrder)
                .ThenBy(c => c.Name)
                .Select(c => new { c.ApplicationDomainId, Item = new AdministeredCategory(c.Code, c.Name, c.SortOrder, c.IsActive, c.Version) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ApplicationDomainId, c => c.Item);
        var stewards = (await db.DomainStewards.AsNoTracking()
                .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.ApplicationDomainId, o.OvoCode, o.Name })
                .OrderBy(s => s.Name)
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ApplicationDomainId, s => new DomainStewardItem(s.OvoCode, s.Name));
        return
        [
            .. domains.Select(d => new AdministeredDomain(
                d.Id, d.Version, d.Code, d.Name, d.Article, d.Description, d.LegalReference, [.. categories[d.Id]], [.. stewards[d.Id]])),
        ];
    }

    /// <summary>The domain with <paramref name="code"/> as it is now, or <c>null</c> when there is none.</summary>
    public async Task<AdministeredDomain?> GetAsync(string code, CancellationToken cancellationToken = default) =>
        (await ListAsync(cancellationToken)).SingleOrDefault(d => d.Code == code);
}

/// <summary>A domain with everything its administration edits.</summary>
public sealed record AdministeredDomain(
    Guid Id,
    long Version,
    string Code,
    string Name,
    Article? Article,
    string? Description,
    string? LegalReference,
    IReadOnlyList<AdministeredCategory> Categories,
    IReadOnlyList<DomainStewardItem> Stewards);

/// <summary>A category with its order, its state and the version it is at.</summary>
public sealed record AdministeredCategory(string Code, string Name, int SortOrder, bool IsActive, long Version);
