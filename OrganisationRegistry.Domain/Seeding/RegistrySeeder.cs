using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>What to seed.</summary>
/// <param name="Organisations">How many organisations to generate besides the reference data.</param>
/// <param name="RandomSeed">The same seed on the same reference data gives the same organisations.</param>
/// <param name="Reset">Empty the database first (schema and migrations history stay).</param>
public sealed record SeedOptions(int Organisations = SeedOptions.DefaultOrganisations, long RandomSeed = SeedOptions.DefaultRandomSeed, bool Reset = false)
{
    public const int DefaultOrganisations = 1000;
    public const long DefaultRandomSeed = 20181207;

    /// <summary>"Today" for generated data: every generated end date lies before it.</summary>
    public DateOnly AsOf { get; init; } = new(2026, 1, 1);

    /// <summary>How the audit trail names the run's channel: the system (start-up) by default, the command line for <c>seed</c>.</summary>
    public AuditChannel Channel { get; init; } = AuditChannel.System;
}

/// <summary>How far a seed run is.</summary>
public sealed record SeedProgress(int Organisations, int Total, TimeSpan Elapsed)
{
    public double PerSecond => Elapsed.TotalSeconds > 0 ? Organisations / Elapsed.TotalSeconds : 0;
}

/// <summary>What a seed run did.</summary>
public sealed record SeedResult(ReferenceDataChanges ReferenceData, int Organisations, IReadOnlyDictionary<string, long> RowsWritten, TimeSpan Elapsed);

/// <summary>
/// Fills the register: the reference data (idempotent, through EF Core) and then generated organisations, written in
/// batches of <see cref="BatchSize"/> by the <see cref="BulkInserter"/>, one transaction per batch. Each batch reserves
/// its OVO codes from the counter in its own transaction, so organisations created later by the app continue after
/// them. A run that fails keeps the batches committed before the failure. The whole run is audited under one
/// correlation id: the reference data by the audit interceptor, the generated rows by the bulk listeners (one entry
/// per row, in the batch's transaction).
/// </summary>
public sealed class RegistrySeeder(IDbContextFactory<RegistryDbContext> contexts, IEnumerable<IBulkInsertListener> listeners)
{
    public const int BatchSize = 50_000;

    public async Task<SeedResult> SeedAsync(SeedOptions options, IProgress<SeedProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Organisations);
        var stopwatch = Stopwatch.StartNew();
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);

        // Everything the run writes (reference data through EF Core, generated rows in bulk) is one action in the trail.
        db.Audit = AuditContext.ForSystem(
            options.Channel,
            string.Create(CultureInfo.InvariantCulture, $"Seed: referentiegegevens en {options.Organisations} gegenereerde organisaties (random seed {options.RandomSeed})."));
        await db.Database.OpenConnectionAsync(cancellationToken);
        var sqlite = db.Database.IsSqlite();
        if (sqlite)
        {
            // A large page cache keeps the indexes being filled in memory (the default is 2 MB).
            await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -262144;", cancellationToken);
        }

        try
        {
            if (options.Reset)
            {
                await DatabaseReset.EmptyAsync(db, cancellationToken);
            }

            var (reference, changes) = await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
            db.ChangeTracker.Clear();
            var rows = new Dictionary<string, long>(StringComparer.Ordinal);
            var generated = await GenerateAsync(db, reference, options, rows, progress, stopwatch, cancellationToken);
            return new SeedResult(changes, generated, rows, stopwatch.Elapsed);
        }
        finally
        {
            if (sqlite)
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA cache_size = -2000;", CancellationToken.None);
            }
        }
    }

    private async Task<int> GenerateAsync(
        RegistryDbContext db,
        ReferenceSet reference,
        SeedOptions options,
        Dictionary<string, long> rows,
        IProgress<SeedProgress>? progress,
        Stopwatch stopwatch,
        CancellationToken cancellationToken)
    {
        if (options.Organisations == 0)
        {
            return 0;
        }

        var kboNumbers = (await db.Organisations.AsNoTracking().Select(o => o.KboNumber).ToListAsync(cancellationToken))
            .Where(k => k is not null)
            .Select(k => k!.Value.Digits);
        var keyTypeCodes = reference.KeyTypes.Values.ToDictionary(k => k.Id, k => k.Code);
        var keyValues = (await db.OrganisationKeys.AsNoTracking().Select(k => new { k.KeyTypeId, k.Value }).ToListAsync(cancellationToken))
            .Where(k => keyTypeCodes.ContainsKey(k.KeyTypeId))
            .GroupBy(k => keyTypeCodes[k.KeyTypeId], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(k => k.Value), StringComparer.Ordinal);

        var generator = new OrganisationGenerator(options.RandomSeed, reference, options.AsOf, kboNumbers, keyValues);
        var codes = new Queue<OvoCode>();
        using var organisations = generator.Generate(options.Organisations, codes.Dequeue).GetEnumerator();
        var written = 0;
        while (written < options.Organisations)
        {
            var size = Math.Min(BatchSize, options.Organisations - written);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var code in await OvoCodeIssuer.ReserveAsync(db, size, cancellationToken))
            {
                codes.Enqueue(code);
            }

            var batch = new List<Organisation>(size);
            while (batch.Count < size && organisations.MoveNext())
            {
                batch.Add(organisations.Current);
            }

            await using (var inserter = BulkInserter.Begin(db, listeners))
            {
                // Organisations first: the links point to them.
                await inserter.InsertAsync(batch, cancellationToken);
                await inserter.InsertAsync(batch.SelectMany(o => o.Parents).ToList(), cancellationToken);
                await inserter.InsertAsync(batch.SelectMany(o => o.Keys).ToList(), cancellationToken);
                await inserter.InsertAsync(batch.SelectMany(o => o.Assignments).ToList(), cancellationToken);
                foreach (var (table, count) in inserter.RowsPerTable)
                {
                    rows[table] = rows.GetValueOrDefault(table) + count;
                }
            }

            await transaction.CommitAsync(cancellationToken);
            written += batch.Count;
            progress?.Report(new SeedProgress(written, options.Organisations, stopwatch.Elapsed));
        }

        return written;
    }
}
