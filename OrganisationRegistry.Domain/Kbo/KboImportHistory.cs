using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>One import as the KBO page shows it, with who did it (from the audit trail).</summary>
public sealed record KboImportItem(
    Guid Id,
    string ExtractType,
    int? ExtractNumber,
    DateOnly? SnapshotDate,
    string Source,
    DateTimeOffset StartedAt,
    DateTimeOffset FinishedAt,
    int Enterprises,
    int Denominations,
    int Addresses,
    int Codes,
    int Deleted,
    int SkippedRows,
    string? Report)
{
    /// <summary>Who imported it, as the audit trail names the actor.</summary>
    public string? ImportedBy { get; init; }
}

/// <summary>Rows in the register's KBO copy now.</summary>
public sealed record KboMirrorCounts(int Enterprises, int Denominations, int Addresses, int Codes);

/// <summary>The state of the register's KBO copy and the history of its imports, newest first, a page at a time.</summary>
public sealed class KboImportHistory(IDbContextFactory<RegistryDbContext> contexts)
{
    public async Task<KboImportItem?> LatestAsync(CancellationToken cancellationToken = default) =>
        (await PageAsync(0, 1, cancellationToken)).Items.FirstOrDefault();

    public async Task<(IReadOnlyList<KboImportItem> Items, int Total)> PageAsync(int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var order = await NewestFirstAsync(db, cancellationToken);
        var ids = order.Skip(page * pageSize).Take(pageSize).ToList();
        var rows = (await db.KboImports.AsNoTracking()
            .Where(i => ids.Contains(i.Id))
            .Select(i => new KboImportItem(
                i.Id, i.ExtractType, i.ExtractNumber, i.SnapshotDate, i.Source, i.StartedAt, i.FinishedAt,
                i.Enterprises, i.Denominations, i.Addresses, i.Codes, i.Deleted, i.SkippedRows, i.Report))
            .ToListAsync(cancellationToken))
            .OrderBy(r => ids.IndexOf(r.Id))
            .ToList();
        var keys = rows.Select(r => AuditValues.Text(r.Id)!).ToList();
        var actors = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(KboImport) && keys.Contains(e.EntityKey) && e.Operation == AuditOperation.Insert)
            .Select(e => new { e.EntityKey, e.ActorName })
            .ToListAsync(cancellationToken);
        var byKey = actors.GroupBy(a => a.EntityKey).ToDictionary(g => g.Key, g => g.First().ActorName);
        return ([.. rows.Select(r => r with { ImportedBy = byKey.GetValueOrDefault(AuditValues.Text(r.Id)!) })], order.Count);
    }

    /// <summary>
    /// The ids of all imports, newest first. Sorted here, not in the database: SQLite cannot sort a DateTimeOffset, and
    /// there is one import a day at most (some thousands in ten years), two narrow columns each.
    /// </summary>
    internal static async Task<List<Guid>> NewestFirstAsync(RegistryDbContext db, CancellationToken cancellationToken) =>
        [
            .. (await db.KboImports.AsNoTracking().Select(i => new { i.Id, i.FinishedAt }).ToListAsync(cancellationToken))
                .OrderByDescending(i => i.FinishedAt)
                .ThenByDescending(i => i.Id)
                .Select(i => i.Id),
        ];

    public async Task<KboMirrorCounts> CountsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return new KboMirrorCounts(
            await db.KboEnterprises.CountAsync(cancellationToken),
            await db.KboDenominations.CountAsync(cancellationToken),
            await db.KboAddresses.CountAsync(cancellationToken),
            await db.KboCodes.CountAsync(cancellationToken));
    }
}
