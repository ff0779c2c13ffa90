using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// Appends to the trail inside the writer's transaction: takes the next positions from the counter row
/// <see cref="RegistrySequence.AuditPosition"/> and, in the same statement, the hash of the last entry, which that row
/// keeps (<see cref="RegistrySequence.LastHash"/>); the UPDATE locks the row until commit, so writers append one after
/// the other, and a rolled-back transaction gives its positions back. The new entries are chained to that hash, and the
/// writer stores the hash of its last entry on the row again before it commits (<see cref="TrackHead"/>,
/// <see cref="SetHeadAsync"/>).
/// </summary>
/// <remarks>
/// The hash travels on the counter row rather than being read from the trail because on PostgreSQL a writer that waited
/// for the row sees its newest version (the previous writer's), but a subquery of the same statement would still see
/// the trail as it was when the statement started, without that writer's entries.
/// </remarks>
internal static class AuditChain
{
    /// <summary>
    /// Reserves positions for <paramref name="changes"/> and makes their entries (the caller writes them and then the
    /// head, <see cref="SetHeadAsync"/>). The time is read once the positions are held, so that times follow positions
    /// (the review sorts on time and position).
    /// </summary>
    public static async Task<List<AuditEntry>> AppendAsync(
        RegistryDbContext db, AuditContext audit, IReadOnlyList<AuditChange> changes, TimeProvider time, CancellationToken cancellationToken)
    {
        var reservation = await ReserveAsync(db, changes.Count, cancellationToken);
        return Chain(reservation, audit, changes, time.GetUtcNow().UtcDateTime);
    }

    /// <summary>The entries of <paramref name="changes"/> at the reserved positions, chained to the entry before them.</summary>
    public static List<AuditEntry> Chain(AuditReservation reservation, AuditContext audit, IReadOnlyList<AuditChange> changes, DateTime occurredAt)
    {
        var entries = new List<AuditEntry>(changes.Count);
        ReadOnlySpan<byte> previousHash = reservation.PreviousHash;
        for (var i = 0; i < changes.Count; i++)
        {
            var entry = new AuditEntry(reservation.First + i, occurredAt, audit, changes[i], previousHash);
            entries.Add(entry);
            previousHash = entry.Hash;
        }

        return entries;
    }

    /// <summary>Reserves <paramref name="count"/> positions: the first, and the hash of the entry before it.</summary>
    public static async Task<AuditReservation> ReserveAsync(RegistryDbContext db, int count, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }

        // One statement that locks the counter and returns it with the head: the lock is held until commit, so the fewer
        // statements after it, the more writers per second (every writer passes here one after the other).
        var counter = await IncrementAsync(db, count, cancellationToken);
        long next;
        byte[]? previous;
        if (counter is null)
        {
            // No counter row: a database emptied by a reset or a test. The trail goes on after its last entry.
            var last = await db.AuditEntries.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
            next = last + 1 + count;
            await InsertCounterAsync(db, next, cancellationToken);
            previous = null;
        }
        else
        {
            (next, previous) = (counter.NextValue, counter.LastHash);
        }

        var first = next - count;
        if (previous is null && first > 1)
        {
            // A counter without a head (a counter row made again by hand): the trail itself has it, this once.
            previous = await db.AuditEntries
                .Where(e => e.Position < first)
                .OrderByDescending(e => e.Position)
                .Select(e => e.Hash)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return new AuditReservation(first, previous ?? AuditHash.Genesis.ToArray());
    }

    /// <summary>
    /// Has the save that writes <paramref name="entries"/> also store their head on the counter row (one UPDATE in the
    /// same batch as the entries). Returns the tracked counter, which the caller stops tracking after the save.
    /// </summary>
    public static RegistrySequence TrackHead(RegistryDbContext db, IReadOnlyList<AuditEntry> entries)
    {
        var counter = db.Sequences.Local.FirstOrDefault(s => s.Name == RegistrySequence.AuditPosition);
        if (counter is null)
        {
            counter = new RegistrySequence(RegistrySequence.AuditPosition, entries[^1].Position + 1);
            db.Sequences.Attach(counter);
        }

        counter.RecordHead(entries[^1].Hash);
        db.Entry(counter).Property(s => s.LastHash).IsModified = true;
        return counter;
    }

    /// <summary>Stores the head of <paramref name="entries"/>, already written, on the counter row (bulk writes, without the change tracker).</summary>
    public static async Task SetHeadAsync(RegistryDbContext db, IReadOnlyList<AuditEntry> entries, CancellationToken cancellationToken)
    {
        var hash = entries[^1].Hash;
        await Counter(db).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastHash, hash), cancellationToken);
    }

    /// <summary>Adds <paramref name="count"/> to the counter and returns its new value with the head (<c>null</c> without a counter row), in one round trip.</summary>
    private static async Task<CounterRow?> IncrementAsync(RegistryDbContext db, int count, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(RegistrySequence))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var name = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.Name))!.GetColumnName());
        var value = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.NextValue))!.GetColumnName());
        var head = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.LastHash))!.GetColumnName());
        var statement = db is SqlServerRegistryDbContext
            ? $"UPDATE {table} SET {value} = {value} + {{0}} OUTPUT inserted.{value} AS [NextValue], inserted.{head} AS [LastHash] WHERE {name} = {{1}}"
            : $"UPDATE {table} SET {value} = {value} + {{0}} WHERE {name} = {{1}} RETURNING {value} AS \"NextValue\", {head} AS \"LastHash\"";
        var rows = await db.Database.SqlQueryRaw<CounterRow>(statement, count, RegistrySequence.AuditPosition).ToListAsync(cancellationToken);
        return rows.Count == 0 ? null : rows[0];
    }

    /// <summary>Gives reserved positions back after a failed save inside a transaction that goes on (best effort).</summary>
    public static async Task GiveBackAsync(RegistryDbContext db, int count, CancellationToken cancellationToken) =>
        await Counter(db).ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, x => x.NextValue - count), cancellationToken);

    /// <summary>As <see cref="GiveBackAsync"/>, for the synchronous failure event of the context.</summary>
    public static void GiveBack(RegistryDbContext db, int count) =>
        Counter(db).ExecuteUpdate(s => s.SetProperty(x => x.NextValue, x => x.NextValue - count));

    private static IQueryable<RegistrySequence> Counter(RegistryDbContext db) =>
        db.Sequences.Where(s => s.Name == RegistrySequence.AuditPosition);

    private static async Task InsertCounterAsync(RegistryDbContext db, long nextValue, CancellationToken cancellationToken)
    {
        // Not through the change tracker: the bulk path has no SaveChanges, and the interceptor is inside one.
        var entityType = db.Model.FindEntityType(typeof(RegistrySequence))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var name = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.Name))!.GetColumnName());
        var value = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.NextValue))!.GetColumnName());
        var statement = $"INSERT INTO {table} ({name}, {value}) VALUES ({{0}}, {{1}})";
        await db.Database.ExecuteSqlRawAsync(statement, [RegistrySequence.AuditPosition, nextValue], cancellationToken);
    }

    /// <summary>The counter as the increment returns it.</summary>
    private sealed class CounterRow
    {
        public long NextValue { get; init; }

        public byte[]? LastHash { get; init; }
    }
}

/// <summary>Positions taken for a save: the first, and the hash of the entry before it (what the first entry chains to).</summary>
internal sealed record AuditReservation(long First, byte[] PreviousHash);
