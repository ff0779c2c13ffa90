using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// Turns the organisation and domain ids of changes into the OVO codes and domain codes the trail keeps (they never
/// change, and people search by them): from what the caller already knows (tracked or just inserted rows), then from
/// the database, in the same transaction.
/// </summary>
internal sealed class AuditSubjects
{
    private const int IdsPerQuery = 500;

    private readonly Dictionary<Guid, string> _ovoCodes = [];
    private readonly Dictionary<Guid, string> _domainCodes = [];
    private bool _domainsLoaded;

    public void KnowOrganisation(Guid id, string ovoCode) => _ovoCodes[id] = ovoCode;

    public void KnowDomain(Guid id, string code) => _domainCodes[id] = code;

    public async Task ResolveAsync(RegistryDbContext db, IReadOnlyList<AuditChange> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes)
        {
            if (change.OrganisationId is { } organisationId && change.OrganisationOvoCode is { } ovoCode)
            {
                _ovoCodes[organisationId] = ovoCode;
            }

            if (change.DomainId is { } domainId && change.DomainCode is { } code)
            {
                _domainCodes[domainId] = code;
            }
        }

        var organisations = changes
            .Where(c => c.OrganisationOvoCode is null && c.OrganisationId is { } id && !_ovoCodes.ContainsKey(id))
            .Select(c => c.OrganisationId!.Value)
            .Distinct()
            .ToList();
        foreach (var chunk in organisations.Chunk(IdsPerQuery))
        {
            var found = await db.Organisations.AsNoTracking()
                .Where(o => chunk.Contains(o.Id))
                .Select(o => new { o.Id, o.OvoCode })
                .ToListAsync(cancellationToken);
            foreach (var organisation in found)
            {
                _ovoCodes[organisation.Id] = organisation.OvoCode.Value;
            }
        }

        if (!_domainsLoaded && changes.Any(c => c.DomainCode is null && c.DomainId is { } id && !_domainCodes.ContainsKey(id)))
        {
            // A handful of rows: all of them, once.
            foreach (var domain in await db.ApplicationDomains.AsNoTracking().Select(d => new { d.Id, d.Code }).ToListAsync(cancellationToken))
            {
                _domainCodes.TryAdd(domain.Id, domain.Code);
            }

            _domainsLoaded = true;
        }

        foreach (var change in changes)
        {
            if (change.OrganisationOvoCode is null && change.OrganisationId is { } organisationId)
            {
                change.OrganisationOvoCode = _ovoCodes.GetValueOrDefault(organisationId);
            }

            if (change.DomainCode is null && change.DomainId is { } domainId)
            {
                change.DomainCode = _domainCodes.GetValueOrDefault(domainId);
            }
        }
    }
}
