using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Reads the register for people and systems: a paged search and the detail of one organisation. Every call makes
/// its own short-lived context (Blazor circuits live long) and projects in SQL to read-only records, so no call loads
/// a whole aggregate or more than one page of a list. A check of the caller's rights can be added here later, in one
/// place, without changing the pages.
/// </summary>
public sealed class OrganisationQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>The most children a detail holds; <see cref="OrganisationDetail.ChildCount"/> tells how many there are.</summary>
    public const int ChildrenLimit = 200;

    public async Task<OrganisationSearchResult> SearchAsync(OrganisationSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var (page, pageSize) = ListQueries.ClampPage(search.Page, search.PageSize, OrganisationSearch.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        var indexMatches = SqliteIndexMatches(db, search.Query);
        var organisations = db.Organisations.AsNoTracking();
        var query = (indexMatches is null ? Match(organisations, search.Query) : organisations.Where(o => indexMatches.Contains(o.Id)))
            .ValidOn(search.ValidOn);
        if (!string.IsNullOrWhiteSpace(search.ApplicationDomainCode))
        {
            var code = search.ApplicationDomainCode.Trim();
            var domainId = await db.ApplicationDomains
                .Where(d => d.Code == code)
                .Select(d => (Guid?)d.Id)
                .SingleOrDefaultAsync(cancellationToken);
            if (domainId is null)
            {
                return new OrganisationSearchResult([], 0, page, pageSize);
            }

            // IN (subquery), not EXISTS: the database first collects the domain's members through the index on
            // (ApplicationDomainId, ValidFrom, ValidTo), then looks them up by key. A correlated EXISTS made SQLite probe
            // the assignments once for each of 500,000 organisations (1.7 s instead of 50 ms).
            var assigned = db.DomainAssignments.Where(a => a.ApplicationDomainId == domainId).ValidOn(search.ValidOn);
            query = query.Where(o => assigned.Select(a => a.OrganisationId).Contains(o.Id));
        }

        // The index holds one row per organisation (kept so by triggers): with no other filter, counting its matches
        // is the same number without looking up each matching organisation (18,000 for a common word).
        var total = indexMatches is not null && search.ValidOn is null && string.IsNullOrWhiteSpace(search.ApplicationDomainCode)
            ? await indexMatches.CountAsync(cancellationToken)
            : await query.CountAsync(cancellationToken);
        var items = await Order(query, search.Sort, search.Descending, IsTextSearch(search.Query))
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(o => new OrganisationListItem(o.OvoCode, o.Name, o.ShortName, o.KboNumber, o.ValidFrom, o.ValidTo))
            .ToListAsync(cancellationToken);
        return new OrganisationSearchResult(items, total, page, pageSize);
    }

    /// <summary>How many organisations the register holds, and how many of them are valid on <paramref name="validOn"/>.</summary>
    public async Task<(int Total, int ValidOn)> CountAsync(DateOnly validOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var total = await db.Organisations.CountAsync(cancellationToken);
        var valid = await db.Organisations.ValidOn(validOn).CountAsync(cancellationToken);
        return (total, valid);
    }

    /// <summary>
    /// The organisation with <paramref name="ovoCode"/>, or <c>null</c> when there is none. With <paramref name="asOn"/>,
    /// only the parents, children, keys and assignments valid on that date.
    /// </summary>
    public async Task<OrganisationDetail?> GetAsync(OvoCode ovoCode, DateOnly? asOn = null, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var organisation = await db.Organisations.AsNoTracking()
            .Where(o => o.OvoCode == ovoCode)
            .Select(o => new
            {
                o.Id,
                o.Name,
                o.ShortName,
                o.Article,
                o.Description,
                o.KboNumber,
                o.ValidFrom,
                o.ValidTo,
                PolicyDomainName = o.PolicyDomain != null ? o.PolicyDomain.Name : null,
                o.LegalForm,
                o.RegisteredSeat,
                o.KboStoppedOn,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var id = organisation.Id;
        var parents = await db.OrganisationParents.AsNoTracking()
            .Where(p => p.OrganisationId == id)
            .ValidOn(asOn)
            .Select(p => new RelatedOrganisation(p.ParentOrganisation!.OvoCode, p.ParentOrganisation.Name, p.ValidFrom, p.ValidTo))
            .ToListAsync(cancellationToken);

        var childLinks = db.OrganisationParents.AsNoTracking().Where(p => p.ParentOrganisationId == id).ValidOn(asOn);
        var childCount = await childLinks.CountAsync(cancellationToken);
        var children = await childLinks
            .Join(db.Organisations, p => p.OrganisationId, o => o.Id, (p, o) => new { o.OvoCode, o.Name, p.ValidFrom, p.ValidTo })
            .OrderBy(c => c.Name)
            .ThenBy(c => c.OvoCode)
            .Take(ChildrenLimit)
            .Select(c => new RelatedOrganisation(c.OvoCode, c.Name, c.ValidFrom, c.ValidTo))
            .ToListAsync(cancellationToken);

        var keys = await db.OrganisationKeys.AsNoTracking()
            .Where(k => k.OrganisationId == id)
            .ValidOn(asOn)
            .Select(k => new OrganisationKeyItem(k.KeyType!.Code, k.KeyType.Name, k.Value, k.ValidFrom, k.ValidTo))
            .ToListAsync(cancellationToken);

        var assignments = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == id)
            .ValidOn(asOn)
            .Select(a => new OrganisationAssignmentItem(
                a.ApplicationDomain!.Code,
                a.ApplicationDomain.Name,
                a.Category!.Code,
                a.Category.Name,
                a.ValidFrom,
                a.ValidTo,
                a.ParentOrganisation != null ? (OvoCode?)a.ParentOrganisation.OvoCode : null,
                a.ParentOrganisation != null ? a.ParentOrganisation.Name : null,
                a.Remark))
            .ToListAsync(cancellationToken);

        // The short lists are put in time order here: providers disagree on where NULL ("since always") sorts.
        return new OrganisationDetail(
            ovoCode,
            organisation.Name,
            organisation.ShortName,
            organisation.Article,
            organisation.Description,
            organisation.KboNumber,
            organisation.ValidFrom,
            organisation.ValidTo,
            organisation.PolicyDomainName,
            asOn,
            [.. parents.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue)],
            children,
            childCount,
            [.. keys.OrderBy(k => k.KeyTypeName).ThenBy(k => k.ValidFrom ?? DateOnly.MinValue)],
            [.. assignments.OrderBy(a => a.DomainName).ThenBy(a => a.ValidFrom ?? DateOnly.MinValue)],
            organisation.LegalForm,
            organisation.RegisteredSeat,
            organisation.KboStoppedOn);
    }

    /// <summary>An OVO code or a KBO number matches exactly (unique and plain indexes); other text matches name or short name.</summary>
    private static IQueryable<Organisation> Match(IQueryable<Organisation> query, string? term)
    {
        if (string.IsNullOrWhiteSpace(term))
        {
            return query;
        }

        if (OvoCode.TryParse(term, out var ovoCode))
        {
            return query.Where(o => o.OvoCode == ovoCode);
        }

        if (KboNumber.TryParse(term, out var kboNumber))
        {
            return query.Where(o => o.KboNumber == kboNumber);
        }

        // SearchText is stored lower case without diacritics, so a plain substring test behaves alike on every provider.
        // PostgreSQL answers it from its trigram index (LIKE '%term%', see decision 0003).
        var text = SearchText.Normalise(term);
        return query.Where(o => o.SearchText.Contains(text));
    }

    /// <summary>
    /// On SQLite, the ids of the organisations whose search text contains the text <paramref name="term"/>, from the
    /// FTS5 trigram index (decision 0003); <c>null</c> on other providers, for an OVO code or KBO number, and for terms
    /// shorter than 3 characters (a trigram index cannot look those up: they read every row, as before).
    /// </summary>
    private static IQueryable<Guid>? SqliteIndexMatches(RegistryDbContext db, string? term)
    {
        if (!db.Database.IsSqlite() || !IsTextSearch(term))
        {
            return null;
        }

        var text = SearchText.Normalise(term);
        if (text.EnumerateRunes().Count() < TrigramLength)
        {
            return null;
        }

        // One phrase of the whole term: its trigrams one after the other, i.e. the term as a substring.
        var phrase = "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return db.Database.SqlQuery<Guid>(
            $"SELECT \"OrganisationId\" AS \"Value\" FROM \"OrganisationSearchIndex\" WHERE \"OrganisationSearchIndex\" MATCH {phrase}");
    }

    /// <summary>The shortest term a trigram index can look up.</summary>
    private const int TrigramLength = 3;

    private static bool IsTextSearch(string? term) =>
        !string.IsNullOrWhiteSpace(term) && !OvoCode.TryParse(term, out _) && !KboNumber.TryParse(term, out _);

    /// <summary>
    /// Sorted on the chosen column, then on the OVO code; organisations without a value for the column last.
    /// With a text search the name is sorted as an expression (<c>Name || ''</c>) so that the database filters first
    /// and sorts the few matches, instead of walking the whole name index looking for 25 matches (SQLite took 1 s for a
    /// rare term that way, 0.1 s this way).
    /// </summary>
    private static IQueryable<Organisation> Order(IQueryable<Organisation> query, OrganisationSort sort, bool descending, bool textSearch) => sort switch
    {
        OrganisationSort.Name when textSearch => query.SortBy(o => o.Name + "", descending, o => o.OvoCode),
        OrganisationSort.Name => query.SortBy(o => o.Name, descending, o => o.OvoCode),
        OrganisationSort.ShortName => query.SortBy(o => o.ShortName, descending, o => o.OvoCode, emptyLast: true),
        OrganisationSort.OvoCode => descending ? query.OrderByDescending(o => o.OvoCode) : query.OrderBy(o => o.OvoCode),
        OrganisationSort.KboNumber => query.SortBy(o => o.KboNumber, descending, o => o.OvoCode, emptyLast: true),
        OrganisationSort.ValidFrom => query.SortBy(o => o.ValidFrom, descending, o => o.OvoCode, emptyLast: true),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };
}
