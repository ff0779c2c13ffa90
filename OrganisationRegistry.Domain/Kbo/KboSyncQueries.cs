using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// The synchronisation view: coupled organisations that had not ended on the latest extract's snapshot date (an ended
/// organisation may share its number with its successor, and is history) and whose stored legal data
/// (name, short name, legal form, registered seat) differs from the KBO copy (<see cref="KboQueries.LegalData"/>), or
/// whose enterprise stopped (not active, or absent from the copy after at least one full import). Filtered and paged
/// in SQL: one count and one page query, whatever the size of the register.
/// </summary>
public sealed class KboSyncQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public async Task<KboSyncPage> ListAsync(int page = 1, int pageSize = DefaultPageSize, CancellationToken cancellationToken = default)
    {
        (page, pageSize) = ListQueries.ClampPage(page, pageSize, MaxPageSize);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var latest = await KboQueries.LatestImportAsync(db, cancellationToken);
        if (latest is null)
        {
            return new KboSyncPage(null, [], 0, page, pageSize);
        }

        var query = await DifferencesAsync(db, latest, cancellationToken);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderBy(r => r.OvoCode).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        return new KboSyncPage(latest, [.. rows.Select(r => r.ToItem())], total, page, pageSize);
    }

    /// <summary>The coupled organisations that differ from the KBO copy (see the class), with both sides' values.</summary>
    /// <param name="scope">Only these organisations (one, a chunk of a batch); filtered before the join.</param>
    internal static async Task<IQueryable<KboSyncRow>> DifferencesAsync(
        RegistryDbContext db, KboSnapshot latest, CancellationToken cancellationToken, Expression<Func<Organisation, bool>>? scope = null)
    {
        // Absent from the copy means stopped only once a full extract was read; the flag is decided here, not in SQL.
        var absentMeansStopped = await KboQueries.AnyFullImportAsync(db, cancellationToken) ? KboRecord.ActiveStatus : null;
        var snapshot = latest.Date;
        var organisations = db.Organisations.AsNoTracking().Where(o => o.KboNumber != null && (o.ValidTo == null || o.ValidTo >= snapshot));
        if (scope is not null)
        {
            organisations = organisations.Where(scope);
        }

        // The KBO side is stored resolved (KboEnterprises' legal data columns): one join on its primary key.
        var joined =
            from o in organisations
            join k in KboQueries.LegalData(db) on (string)(object)o.KboNumber! equals k.Number into found
            from k in found.DefaultIfEmpty()
            select new { o, k };

        return
            from j in joined
            let o = j.o
            let k = j.k
            where (k.Number == null && absentMeansStopped != null && o.KboStoppedOn == null)
                || (k.Number != null
                    && ((k.Status != KboRecord.ActiveStatus && o.KboStoppedOn == null)
                        || (k.Name != null && k.Name != o.Name)
                        || k.ShortName != o.ShortName
                        || k.LegalForm != o.LegalForm
                        || k.RegisteredSeat != o.RegisteredSeat))
            select new KboSyncRow
            {
                Id = o.Id,
                OvoCode = o.OvoCode,
                Version = o.Version,
                KboNumber = o.KboNumber,
                Name = o.Name,
                ShortName = o.ShortName,
                LegalForm = o.LegalForm,
                RegisteredSeat = o.RegisteredSeat,
                ValidTo = o.ValidTo,
                KboStoppedOn = o.KboStoppedOn,
                Found = k.Number != null,
                KboStatus = k.Status,
                KboName = k.Name,
                KboShortName = k.ShortName,
                KboLegalForm = k.LegalForm,
                KboRegisteredSeat = k.RegisteredSeat,
            };
    }
}

/// <summary>A row of <see cref="KboSyncQueries.DifferencesAsync"/>: the register's and the KBO's values side by side.</summary>
internal sealed class KboSyncRow
{
    public Guid Id { get; init; }

    public OvoCode OvoCode { get; init; }

    public long Version { get; init; }

    public KboNumber? KboNumber { get; init; }

    public string Name { get; init; } = null!;

    public string? ShortName { get; init; }

    public string? LegalForm { get; init; }

    public string? RegisteredSeat { get; init; }

    public DateOnly? ValidTo { get; init; }

    public DateOnly? KboStoppedOn { get; init; }

    public bool Found { get; init; }

    public string? KboStatus { get; init; }

    public string? KboName { get; init; }

    public string? KboShortName { get; init; }

    public string? KboLegalForm { get; init; }

    public string? KboRegisteredSeat { get; init; }

    /// <summary>The enterprise stopped and that was not applied yet.</summary>
    public bool Stopped => KboStoppedOn is null && (!Found || KboStatus != KboRecord.ActiveStatus);

    /// <summary>The KBO's data for this organisation, when the copy holds the enterprise.</summary>
    public KboRecord? Record => Found
        ? new KboLegalData
        {
            Number = KboNumber!.Value.Digits,
            Status = KboStatus!,
            Name = KboName,
            ShortName = KboShortName,
            LegalForm = KboLegalForm,
            RegisteredSeat = KboRegisteredSeat,
        }.ToRecord()
        : null;

    public KboSyncItem ToItem()
    {
        var changes = new List<KboFieldChange>();
        if (Record is { } kbo)
        {
            if (kbo.Name is not null && kbo.Name != Name)
            {
                changes.Add(new("Naam", Name, kbo.Name));
            }

            Add(changes, "Korte naam", ShortName, kbo.ShortName);
            Add(changes, "Rechtsvorm", LegalForm, kbo.LegalForm);
            Add(changes, "Maatschappelijke zetel", RegisteredSeat, kbo.RegisteredSeat);
        }

        return new KboSyncItem(OvoCode, Version, Name, KboNumber!.Value, ValidTo, changes, Stopped);
    }

    private static void Add(List<KboFieldChange> changes, string field, string? old, string? @new)
    {
        if (!string.Equals(old, @new, StringComparison.Ordinal))
        {
            changes.Add(new(field, old, @new));
        }
    }
}
