using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>What kind of register data a change of the feed is about.</summary>
public enum ChangeFeedResource
{
    Organisation,
    Key,
    Parent,
    Assignment,
    Steward,
}

/// <summary>
/// One change of the feed: which organisation, which row (its key) and what happened, at which position of the trail.
/// Deliberately nothing about who did it or why, and no values: consumers read the current state from the API.
/// </summary>
public sealed record ChangeFeedEntry(
    long Position,
    DateTime OccurredAt,
    string OrganisationOvoCode,
    ChangeFeedResource Resource,
    string EntityKey,
    AuditOperation Operation,
    string? DomainCode);

/// <summary>
/// The change feed for systems that keep a copy of the register: the audit trail's entries about organisations (the
/// organisation itself, its keys, parents, assignments and stewardships) after a position, in position order.
/// </summary>
/// <remarks>
/// A consumer that asks again after the last position it saw never misses an entry: positions come from the counter
/// row that each writer locks until it commits (<see cref="AuditChain"/>), so a later position never becomes visible
/// before an earlier one, and a rolled-back write gives its positions back. Entries about people's rights and API
/// clients are left out (they are about access, not about the register's data), and so is every actor field.
/// The read is a range of the primary key (<c>Position &gt; after</c>, in order, up to the limit): no scan of the trail.
/// </remarks>
public sealed class ChangeFeedQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    private static readonly Dictionary<string, ChangeFeedResource> Resources = new(StringComparer.Ordinal)
    {
        [nameof(Organisation)] = ChangeFeedResource.Organisation,
        [nameof(OrganisationKey)] = ChangeFeedResource.Key,
        [nameof(OrganisationParent)] = ChangeFeedResource.Parent,
        [nameof(DomainAssignment)] = ChangeFeedResource.Assignment,
        [nameof(DomainSteward)] = ChangeFeedResource.Steward,
    };

    private static readonly string[] EntityTypes = [.. Resources.Keys];

    /// <summary>At most <paramref name="limit"/> changes after <paramref name="after"/> (0: from the start), oldest first.</summary>
    public async Task<IReadOnlyList<ChangeFeedEntry>> AfterAsync(long after, int limit = DefaultLimit, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(after);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxLimit);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rows = await Query(db, after, limit).ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(e => new ChangeFeedEntry(
                e.Position,
                DateTime.SpecifyKind(e.OccurredAt, DateTimeKind.Utc),
                e.OrganisationOvoCode!,
                Resources[e.EntityType],
                e.EntityKey,
                e.Operation,
                e.DomainCode)),
        ];
    }

    /// <summary>The feed's read: a range of the primary key, in its order, cut at the limit (tests check the plan).</summary>
    internal static IQueryable<FeedRow> Query(RegistryDbContext db, long after, int limit) =>
        db.AuditEntries.AsNoTracking()
            .Where(e => e.Position > after && e.OrganisationOvoCode != null && EntityTypes.Contains(e.EntityType))
            .OrderBy(e => e.Position)
            .Take(limit)
            .Select(e => new FeedRow(e.Position, e.OccurredAt, e.OrganisationOvoCode, e.EntityType, e.EntityKey, e.Operation, e.DomainCode));

    internal sealed record FeedRow(
        long Position, DateTime OccurredAt, string? OrganisationOvoCode, string EntityType, string EntityKey, AuditOperation Operation, string? DomainCode);
}
