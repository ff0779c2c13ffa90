using System.Runtime.CompilerServices;
using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// The changes in a domain between two dates (<see cref="DomainChangesFilter"/>): who entered, who left, who moved to
/// another category.
/// </summary>
/// <remarks>
/// Set-based, three parts put together with UNION ALL, each over the domain's assignments valid on one date (the index
/// on ApplicationDomainId, ValidFrom, ValidTo): entered = valid on the second date with no assignment of the same
/// organisation valid on the first (NOT EXISTS, the index on OrganisationId, ApplicationDomainId, ValidFrom); left =
/// the mirror image; moved = valid on both, joined on the organisation, with another category. An organisation has at
/// most one assignment per domain on a date (assignments of one domain never overlap), so every organisation appears
/// at most once. Paging and counting happen in the database; the CSV streams.
/// </remarks>
public sealed partial class ApplicationDomainQueries
{
    /// <summary>
    /// How many organisations entered, left and moved between the dates, in all and per category, or <c>null</c> when
    /// there is no domain <paramref name="code"/>. The filter's kind is ignored: the counts are always for all kinds.
    /// </summary>
    /// <exception cref="ValidationException">The second date lies before the first.</exception>
    public async Task<DomainChangesSummary?> SummariseChangesAsync(string code, DomainChangesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Validate(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domain = await db.ApplicationDomains.AsNoTracking()
            .Where(d => d.Code == code)
            .Select(d => new { d.Id, d.Code, d.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (domain is null)
        {
            return null;
        }

        var groups = await Changes(db, domain.Id, filter with { Kind = null })
            .GroupBy(r => new { r.Kind, r.BeforeCategoryId, r.AfterCategoryId })
            .Select(g => new { g.Key.Kind, g.Key.BeforeCategoryId, g.Key.AfterCategoryId, Count = g.Count() })
            .ToListAsync(cancellationToken);
        int Sum(Func<DomainChangeKind, Guid?, Guid?, bool> where) =>
            groups.Where(g => where(g.Kind, g.BeforeCategoryId, g.AfterCategoryId)).Sum(g => g.Count);

        var categories = await CategoriesAsync(db, domain.Id, cancellationToken);
        return new DomainChangesSummary(
            domain.Code,
            domain.Name,
            filter.From,
            filter.To,
            Sum((kind, _, _) => kind == DomainChangeKind.Entered),
            Sum((kind, _, _) => kind == DomainChangeKind.Left),
            Sum((kind, _, _) => kind == DomainChangeKind.Moved),
            [
                .. categories.Select(c => new DomainCategoryChanges(
                    c.Code,
                    c.Name,
                    c.IsActive,
                    Sum((kind, _, after) => kind == DomainChangeKind.Entered && after == c.Id),
                    Sum((kind, before, _) => kind == DomainChangeKind.Left && before == c.Id),
                    Sum((kind, _, after) => kind == DomainChangeKind.Moved && after == c.Id),
                    Sum((kind, before, _) => kind == DomainChangeKind.Moved && before == c.Id))),
            ]);
    }

    /// <summary>One page of the changes (by name, then OVO code); empty for an unknown domain.</summary>
    /// <exception cref="ValidationException">The second date lies before the first.</exception>
    public async Task<DomainChangesPage> SearchChangesAsync(string code, DomainChangesSearch search, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(search);
        Validate(search.Filter);
        var (page, pageSize) = ListQueries.ClampPage(search.Page, search.PageSize, DomainMemberSearch.MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domainId = await DomainIdAsync(db, code, cancellationToken);
        if (domainId is null)
        {
            return new DomainChangesPage([], 0, page, pageSize);
        }

        var changes = Changes(db, domainId.Value, search.Filter);
        var total = await changes.CountAsync(cancellationToken);
        var rows = await Ordered(changes).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new DomainChangesPage([.. rows.Select(r => r.ToChange())], total, page, pageSize);
    }

    /// <summary>Every change as <paramref name="filter"/> selects them, by name, read row by row; empty for an unknown domain.</summary>
    /// <exception cref="ValidationException">The second date lies before the first.</exception>
    public async IAsyncEnumerable<DomainChange> StreamChangesAsync(
        string code,
        DomainChangesFilter filter,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Validate(filter);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domainId = await DomainIdAsync(db, code, cancellationToken);
        if (domainId is null)
        {
            yield break;
        }

        await foreach (var row in Ordered(Changes(db, domainId.Value, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row.ToChange();
        }
    }

    /// <summary>Writes the changes of <see cref="StreamChangesAsync"/> as CSV (<see cref="DomainChangesCsv"/>); <paramref name="output"/> stays open.</summary>
    public async Task WriteChangesCsvAsync(string code, DomainChangesFilter filter, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        Validate(filter);
        await using var writer = new StreamWriter(output, DomainChangesCsv.Encoding, bufferSize: 16 * 1024, leaveOpen: true)
        {
            NewLine = DomainChangesCsv.NewLine,
        };
        await writer.WriteLineAsync(DomainChangesCsv.Header.AsMemory(), cancellationToken);
        await foreach (var change in StreamChangesAsync(code, filter, cancellationToken))
        {
            await writer.WriteLineAsync(DomainChangesCsv.Line(change).AsMemory(), cancellationToken);
        }

        await writer.FlushAsync(cancellationToken);
    }

    private static void Validate(DomainChangesFilter filter)
    {
        if (DomainChangesFilter.PeriodError(filter.From, filter.To) is { } error)
        {
            throw new ValidationException([new ValidationFailure(nameof(DomainChangesFilter.To), error)]);
        }
    }

    private static Task<Guid?> DomainIdAsync(RegistryDbContext db, string code, CancellationToken cancellationToken) =>
        db.ApplicationDomains.Where(d => d.Code == code).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);

    private static IQueryable<ChangeRow> Ordered(IQueryable<ChangeRow> changes) =>
        changes.OrderBy(r => r.Name).ThenBy(r => r.OvoCode);

    /// <summary>The changes as one query: UNION ALL of the kinds asked for (see the class remarks).</summary>
    private static IQueryable<ChangeRow> Changes(RegistryDbContext db, Guid domainId, DomainChangesFilter filter)
    {
        var inDomain = db.DomainAssignments.AsNoTracking().Where(a => a.ApplicationDomainId == domainId);
        var before = inDomain.ValidOn(filter.From);
        var after = inDomain.ValidOn(filter.To);

        var entered = after
            .Where(b => !before.Any(a => a.OrganisationId == b.OrganisationId))
            .Select(b => new ChangeRow
            {
                Kind = DomainChangeKind.Entered,
                OvoCode = b.Organisation!.OvoCode,
                Name = b.Organisation.Name,
                ShortName = b.Organisation.ShortName,
                KboNumber = b.Organisation.KboNumber,
                BeforeCategoryId = null,
                BeforeCategoryCode = null,
                BeforeCategoryName = null,
                BeforeFrom = null,
                BeforeTo = null,
                AfterCategoryId = b.CategoryId,
                AfterCategoryCode = b.Category!.Code,
                AfterCategoryName = b.Category.Name,
                AfterFrom = b.ValidFrom,
                AfterTo = b.ValidTo,
            });
        var left = before
            .Where(a => !after.Any(b => b.OrganisationId == a.OrganisationId))
            .Select(a => new ChangeRow
            {
                Kind = DomainChangeKind.Left,
                OvoCode = a.Organisation!.OvoCode,
                Name = a.Organisation.Name,
                ShortName = a.Organisation.ShortName,
                KboNumber = a.Organisation.KboNumber,
                BeforeCategoryId = a.CategoryId,
                BeforeCategoryCode = a.Category!.Code,
                BeforeCategoryName = a.Category.Name,
                BeforeFrom = a.ValidFrom,
                BeforeTo = a.ValidTo,
                AfterCategoryId = null,
                AfterCategoryCode = null,
                AfterCategoryName = null,
                AfterFrom = null,
                AfterTo = null,
            });
        var moved = before
            .Join(after, a => a.OrganisationId, b => b.OrganisationId, (a, b) => new { a, b })
            .Where(x => x.a.CategoryId != x.b.CategoryId)
            .Select(x => new ChangeRow
            {
                Kind = DomainChangeKind.Moved,
                OvoCode = x.a.Organisation!.OvoCode,
                Name = x.a.Organisation.Name,
                ShortName = x.a.Organisation.ShortName,
                KboNumber = x.a.Organisation.KboNumber,
                BeforeCategoryId = x.a.CategoryId,
                BeforeCategoryCode = x.a.Category!.Code,
                BeforeCategoryName = x.a.Category.Name,
                BeforeFrom = x.a.ValidFrom,
                BeforeTo = x.a.ValidTo,
                AfterCategoryId = x.b.CategoryId,
                AfterCategoryCode = x.b.Category!.Code,
                AfterCategoryName = x.b.Category.Name,
                AfterFrom = x.b.ValidFrom,
                AfterTo = x.b.ValidTo,
            });

        return filter.Kind switch
        {
            null => entered.Concat(left).Concat(moved),
            DomainChangeKind.Entered => entered,
            DomainChangeKind.Left => left,
            DomainChangeKind.Moved => moved,
            _ => throw new ArgumentOutOfRangeException(nameof(filter), filter.Kind, null),
        };
    }

    /// <summary>One change as the database gives it: flat, so that the three parts of the union have the same columns.</summary>
    private sealed class ChangeRow
    {
        public DomainChangeKind Kind { get; init; }

        public OvoCode OvoCode { get; init; }

        public string Name { get; init; } = null!;

        public string? ShortName { get; init; }

        public KboNumber? KboNumber { get; init; }

        public Guid? BeforeCategoryId { get; init; }

        public string? BeforeCategoryCode { get; init; }

        public string? BeforeCategoryName { get; init; }

        public DateOnly? BeforeFrom { get; init; }

        public DateOnly? BeforeTo { get; init; }

        public Guid? AfterCategoryId { get; init; }

        public string? AfterCategoryCode { get; init; }

        public string? AfterCategoryName { get; init; }

        public DateOnly? AfterFrom { get; init; }

        public DateOnly? AfterTo { get; init; }

        public DomainChange ToChange() => new(
            Kind,
            OvoCode,
            Name,
            ShortName,
            KboNumber,
            BeforeCategoryCode is null ? null : new DomainChangeSide(BeforeCategoryCode, BeforeCategoryName!, BeforeFrom, BeforeTo),
            AfterCategoryCode is null ? null : new DomainChangeSide(AfterCategoryCode, AfterCategoryName!, AfterFrom, AfterTo));
    }
}
