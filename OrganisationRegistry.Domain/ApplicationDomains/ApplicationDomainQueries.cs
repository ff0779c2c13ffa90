using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// Reads the application domains: the list with stewards and categories, and the organisations assigned to a domain
/// on a date (a page for screens, a stream for the CSV export). Each call makes its own short-lived context and
/// projects in SQL to read-only records.
/// </summary>
public sealed partial class ApplicationDomainQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>Every domain by name, with the number of organisations assigned to it on <paramref name="countOn"/>.</summary>
    public async Task<IReadOnlyList<ApplicationDomainOverview>> ListAsync(DateOnly countOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await OverviewsAsync(db, db.ApplicationDomains, countOn, cancellationToken);
    }

    /// <summary>The codes and names of every domain by name, for a choice in a filter (no counting).</summary>
    public async Task<IReadOnlyList<ApplicationDomainChoice>> ListChoicesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApplicationDomains.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new ApplicationDomainChoice(d.Code, d.Name))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The domain with <paramref name="code"/>, or <c>null</c> when there is none.</summary>
    public async Task<ApplicationDomainOverview?> GetAsync(string code, DateOnly countOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var overviews = await OverviewsAsync(db, db.ApplicationDomains.Where(d => d.Code == code), countOn, cancellationToken);
        return overviews.SingleOrDefault();
    }

    /// <summary>
    /// How many organisations fall under the domain <paramref name="code"/> on <paramref name="on"/>, per category (see
    /// <see cref="DomainReport"/>), or <c>null</c> when there is no such domain. One grouped count over the domain's
    /// assignments valid on the date (the index on ApplicationDomainId, ValidFrom, ValidTo).
    /// </summary>
    public async Task<DomainReport?> ReportAsync(string code, DateOnly on, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domain = await db.ApplicationDomains.AsNoTracking()
            .Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Code, d.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (domain is null)
        {
            return null;
        }

        var categories = await CategoriesAsync(db, domain.Id, cancellationToken);
        var counts = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.ApplicationDomainId == domain.Id)
            .ValidOn(on)
            .GroupBy(a => a.CategoryId)
            .Select(g => new { CategoryId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Count, cancellationToken);
        return new DomainReport(
            domain.Code,
            domain.Name,
            on,
            [
                .. categories
                    .Select(c => new DomainCategoryCount(c.Code, c.Name, c.IsActive, counts.GetValueOrDefault(c.Id)))
                    .Where(c => c.IsActive || c.Count > 0),
            ]);
    }

    /// <summary>A domain's categories in their order (sort order, then name).</summary>
    private static async Task<List<CategoryRow>> CategoriesAsync(RegistryDbContext db, Guid domainId, CancellationToken cancellationToken) =>
        await db.DomainCategories.AsNoTracking()
            .Where(c => c.ApplicationDomainId == domainId)
            .OrderBy(c => c.SortOrder)
            .ThenBy(c => c.Name)
            .Select(c => new CategoryRow(c.Id, c.Code, c.Name, c.IsActive))
            .ToListAsync(cancellationToken);

    private sealed record CategoryRow(Guid Id, string Code, string Name, bool IsActive);

    /// <summary>One page of the organisations assigned to the domain <paramref name="code"/> as <paramref name="search"/> filters them.</summary>
    public async Task<DomainMemberPage> SearchMembersAsync(string code, DomainMemberSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        var (page, pageSize) = ListQueries.ClampPage(search.Page, search.PageSize, DomainMemberSearch.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assignments = await AssignmentsAsync(db, code, search.Filter, cancellationToken);
        if (assignments is null)
        {
            return new DomainMemberPage([], 0, page, pageSize);
        }

        var total = await assignments.CountAsync(cancellationToken);
        var items = await Order(assignments, search.Sort, search.Descending)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(ToMember)
            .ToListAsync(cancellationToken);
        return new DomainMemberPage(items, total, page, pageSize);
    }

    /// <summary>
    /// Every organisation assigned to the domain as <paramref name="filter"/> filters them, by name (or as
    /// <paramref name="sort"/> says), read row by row from the database (nothing is held in memory). Empty for an
    /// unknown domain or category.
    /// </summary>
    public async IAsyncEnumerable<DomainMember> StreamMembersAsync(
        string code,
        DomainMemberFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default,
        DomainMemberSort sort = DomainMemberSort.Name)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var assignments = await AssignmentsAsync(db, code, filter, cancellationToken);
        if (assignments is null)
        {
            yield break;
        }

        var members = Order(assignments, sort, descending: false).Select(ToMember).AsAsyncEnumerable();
        await foreach (var member in members.WithCancellation(cancellationToken))
        {
            yield return member;
        }
    }

    /// <summary>
    /// Writes the members of <see cref="StreamMembersAsync"/> to <paramref name="output"/> as CSV (see
    /// <see cref="DomainMemberCsv"/>), row by row. <paramref name="output"/> stays open.
    /// </summary>
    public async Task WriteCsvAsync(
        string code,
        DomainMemberFilter filter,
        Stream output,
        CancellationToken cancellationToken = default,
        DomainMemberSort sort = DomainMemberSort.Name)
    {
        await using var writer = new StreamWriter(output, DomainMemberCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = DomainMemberCsv.NewLine,
        };
        await writer.WriteLineAsync(DomainMemberCsv.Header.AsMemory(), cancellationToken);
        await foreach (var member in StreamMembersAsync(code, filter, cancellationToken, sort))
        {
            await writer.WriteLineAsync(DomainMemberCsv.Line(member).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static readonly Expression<Func<DomainAssignment, DomainMember>> ToMember = a => new DomainMember(
        a.Organisation!.OvoCode,
        a.Organisation.Name,
        a.Organisation.ShortName,
        a.Organisation.KboNumber,
        a.Category!.Code,
        a.Category.Name,
        a.ValidFrom,
        a.ValidTo,
        a.ParentOrganisation != null ? (OvoCode?)a.ParentOrganisation.OvoCode : null,
        a.ParentOrganisation != null ? a.ParentOrganisation.Name : null,
        a.Remark);

    /// <summary>
    /// The domain's assignments valid on the filter's date, optionally in one category; <c>null</c> when the domain or
    /// the category does not exist. Served by the indexes (ApplicationDomainId, ValidFrom, ValidTo) and
    /// (ApplicationDomainId, CategoryId, ValidFrom, ValidTo).
    /// </summary>
    private static async Task<IQueryable<DomainAssignment>?> AssignmentsAsync(
        RegistryDbContext db,
        string code,
        DomainMemberFilter filter,
        CancellationToken cancellationToken)
    {
        var domainId = await db.ApplicationDomains
            .Where(d => d.Code == code)
            .Select(d => (Guid?)d.Id)
            .SingleOrDefaultAsync(cancellationToken);
        if (domainId is null)
        {
            return null;
        }

        var assignments = db.DomainAssignments.AsNoTracking().Where(a => a.ApplicationDomainId == domainId).ValidOn(filter.ValidOn);
        if (string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            return assignments;
        }

        var categoryCode = filter.CategoryCode.Trim();
        var categoryId = await db.DomainCategories
            .Where(c => c.ApplicationDomainId == domainId && c.Code == categoryCode)
            .Select(c => (Guid?)c.Id)
            .SingleOrDefaultAsync(cancellationToken);
        return categoryId is null ? null : assignments.Where(a => a.CategoryId == categoryId);
    }

    /// <summary>
    /// Sorted on the chosen column, then on the OVO code; assignments without a start date last. By category means in
    /// the domain's category order, then by name within a category (as the report lists them).
    /// By name sorts on the expression <c>Name || ''</c>: PostgreSQL would otherwise walk the name index of all
    /// organisations probing each for an assignment (a domain holds 2% of them: 230 ms for the first page at 500,000
    /// organisations), instead of starting from the domain's assignments and sorting those.
    /// </summary>
    private static IQueryable<DomainAssignment> Order(IQueryable<DomainAssignment> query, DomainMemberSort sort, bool descending) => sort switch
    {
        DomainMemberSort.Name => query.SortBy(a => a.Organisation!.Name + "", descending, a => a.Organisation!.OvoCode),
        DomainMemberSort.OvoCode => descending
            ? query.OrderByDescending(a => a.Organisation!.OvoCode)
            : query.OrderBy(a => a.Organisation!.OvoCode),
        DomainMemberSort.Category => descending
            ? query.OrderByDescending(a => a.Category!.SortOrder).ThenByDescending(a => a.Category!.Name)
                .ThenByDescending(a => a.Organisation!.Name).ThenByDescending(a => a.Organisation!.OvoCode)
            : query.OrderBy(a => a.Category!.SortOrder).ThenBy(a => a.Category!.Name)
                .ThenBy(a => a.Organisation!.Name).ThenBy(a => a.Organisation!.OvoCode),
        DomainMemberSort.ValidFrom => query.SortBy(a => a.ValidFrom, descending, a => a.Organisation!.OvoCode, emptyLast: true),
        _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
    };

    private static async Task<IReadOnlyList<ApplicationDomainOverview>> OverviewsAsync(
        RegistryDbContext db,
        IQueryable<ApplicationDomain> domains,
        DateOnly countOn,
        CancellationToken cancellationToken)
    {
        // A handful of domains: four small queries, put together here.
        var heads = await domains.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Code, d.Name, d.Article, d.Description, d.LegalReference })
            .ToListAsync(cancellationToken);
        if (heads.Count == 0)
        {
            return [];
        }

        var ids = heads.Select(d => d.Id).ToList();
        var categories = (await db.DomainCategories.AsNoTracking()
                .Where(c => ids.Contains(c.ApplicationDomainId))
                .OrderBy(c => c.SortOrder)
                .ThenBy(c => c.Name)
                .Select(c => new { c.ApplicationDomainId, Item = new DomainCategoryItem(c.Code, c.Name, c.IsActive) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ApplicationDomainId, c => c.Item);
        var stewards = (await db.DomainStewards.AsNoTracking()
                .Where(s => ids.Contains(s.ApplicationDomainId))
                .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.ApplicationDomainId, o.OvoCode, o.Name })
                .OrderBy(s => s.Name)
                .ToListAsync(cancellationToken))
            .ToLookup(s => s.ApplicationDomainId, s => new DomainStewardItem(s.OvoCode, s.Name));
        var counts = await db.DomainAssignments.AsNoTracking()
            .Where(a => ids.Contains(a.ApplicationDomainId))
            .ValidOn(countOn)
            .GroupBy(a => a.ApplicationDomainId)
            .Select(g => new { DomainId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.DomainId, g => g.Count, cancellationToken);

        return
        [
            .. heads.Select(d => new ApplicationDomainOverview(
                d.Code,
                d.Name,
                d.Article,
                d.Description,
                d.LegalReference,
                [.. stewards[d.Id]],
                [.. categories[d.Id]],
                countOn,
                counts.GetValueOrDefault(d.Id))),
        ];
    }
}

/// <summary>
/// The CSV form of a domain's members, as the registry's partners exchange lists: <c>;</c>-separated, UTF-8 with a
/// byte order mark (so that Excel reads the accents right), Dutch headers, dates <c>dd/MM/yyyy</c>, CRLF line ends.
/// </summary>
public static class DomainMemberCsv
{
    public const char Separator = ';';
    public const string NewLine = "\r\n";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static readonly IReadOnlyList<string> Columns =
    [
        "OVO-code", "Naam", "Korte naam", "KBO-nummer", "Categorie", "Geldig vanaf", "Geldig tot",
        "Moederorganisatie in toepassingsgebied (OVO-code)", "Moederorganisatie in toepassingsgebied", "Opmerking",
    ];

    public static string Header { get; } = string.Join(Separator, Columns);

    public static string Line(DomainMember member)
    {
        ArgumentNullException.ThrowIfNull(member);
        return string.Join(
            Separator,
            member.OvoCode.Value,
            Common.CsvField.Format(member.Name),
            Common.CsvField.Format(member.ShortName),
            member.KboNumber?.Formatted ?? string.Empty,
            Common.CsvField.Format(member.CategoryName),
            Date(member.ValidFrom),
            Date(member.ValidTo),
            member.ParentOvoCode?.Value ?? string.Empty,
            Common.CsvField.Format(member.ParentName),
            Common.CsvField.Format(member.Remark));
    }

    internal static string Date(DateOnly? date) => date is { } value ? Common.Validity.Format(value) : string.Empty;

}
