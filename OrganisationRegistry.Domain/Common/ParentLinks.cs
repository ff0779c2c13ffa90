using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// The part of a hierarchy a check needs, read from the database: the given organisations and all their ancestors,
/// fetched level by level (a few small queries, never the whole register). Serves the aggregates' cycle checks
/// (<see cref="TemporalHierarchy"/>) and the "within the manager's subtree" right.
/// </summary>
internal sealed class ParentLinks
{
    private readonly Dictionary<Guid, List<DatedLink>> _links = [];

    private ParentLinks()
    {
    }

    /// <summary>No links at all (nothing to check).</summary>
    public static ParentLinks None { get; } = new();

    /// <summary>Every organisation reached: the starting ones and their ancestors.</summary>
    public IReadOnlyCollection<Guid> Organisations => _links.Keys;

    public IEnumerable<DatedLink> Of(Guid organisationId) => _links.TryGetValue(organisationId, out var links) ? links : [];

    /// <summary>The organisation structure above <paramref name="start"/>; only links valid on <paramref name="on"/> when given.</summary>
    public static Task<ParentLinks> StructureAboveAsync(RegistryDbContext db, Guid start, DateOnly? on, CancellationToken cancellationToken) =>
        LoadAsync(
            start,
            async (ids, ct) => (await db.OrganisationParents.AsNoTracking()
                    .Where(p => ids.Contains(p.OrganisationId))
                    .Where(p => on == null || ((p.ValidFrom == null || p.ValidFrom <= on) && (p.ValidTo == null || p.ValidTo >= on)))
                    .Select(p => new { p.OrganisationId, p.ParentOrganisationId, p.ValidFrom, p.ValidTo })
                    .ToListAsync(ct))
                .Select(p => new DatedLink(p.OrganisationId, p.ParentOrganisationId, new Validity(p.ValidFrom, p.ValidTo))),
            cancellationToken);

    /// <summary>The hierarchy within one application domain above <paramref name="start"/>.</summary>
    public static Task<ParentLinks> DomainAboveAsync(RegistryDbContext db, Guid applicationDomainId, Guid start, CancellationToken cancellationToken) =>
        LoadAsync(
            start,
            async (ids, ct) => (await db.DomainAssignments.AsNoTracking()
                    .Where(a => a.ApplicationDomainId == applicationDomainId && a.ParentOrganisationId != null && ids.Contains(a.OrganisationId))
                    .Select(a => new { a.OrganisationId, a.ParentOrganisationId, a.ValidFrom, a.ValidTo })
                    .ToListAsync(ct))
                .Select(a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, new Validity(a.ValidFrom, a.ValidTo))),
            cancellationToken);

    private static async Task<ParentLinks> LoadAsync(
        Guid start,
        Func<List<Guid>, CancellationToken, Task<IEnumerable<DatedLink>>> fetch,
        CancellationToken cancellationToken)
    {
        var graph = new ParentLinks();
        var frontier = new List<Guid> { start };
        while (frontier.Count > 0)
        {
            foreach (var id in frontier)
            {
                graph._links[id] = [];
            }

            var next = new List<Guid>();
            foreach (var link in await fetch(frontier, cancellationToken))
            {
                graph._links[link.Child].Add(link);
                if (!graph._links.ContainsKey(link.Parent) && !next.Contains(link.Parent))
                {
                    next.Add(link.Parent);
                }
            }

            frontier = next;
        }

        return graph;
    }
}
