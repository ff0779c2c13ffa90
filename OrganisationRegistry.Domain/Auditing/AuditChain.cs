using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// Appends to the trail inside the writer's transaction: takes the next positions from the counter row
/// <see cref="RegistrySequence.AuditPosition"/> (the UPDATE locks it until commit, so writers append one after the
/// other, and a rolled-back transaction gives its positions back), reads the hash of the entry before them and chains
/// the new entries to it.
/// </summary>
internal static class AuditChain
{
    /// <summary>
    /// Reserves positions for <paramref name="changes"/> and makes their entries (the caller writes them). The time is
    /// read once the positions are held, so that times follow positions (the review sorts on time and position).
    /// </summary>
    public static async Task<List<AuditEntry>> AppendAsync(
        RegistryDbContext db, AuditContext audit, IReadOnlyList<AuditChange> changes, TimeProvider time, CancellationToken cancellationToken)
    {
        var first = await ReserveAsync(db, changes.Count, cancellationToken);
        return await ChainAsync(db, first, audit, changes, time.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>The entries of <paramref name="changes"/> at the positions from <paramref name="first"/> on, chained to the entry before.</summary>
    public static async Task<List<AuditEntry>> ChainAsync(
        RegistryDbContext db, long first, AuditContext audit, IReadOnlyList<AuditChange> changes, DateTime occurredAt, CancellationToken cancellationToken)
    {
        var previous = await db.AuditEntries
            .Where(e => e.Position < first)
            .OrderByDescending(e => e.Position)
            .Select(e => e.Hash)
            .FirstOrDefaultAsync(cancellationToken);

        var entries = new List<AuditEntry>(changes.Count);
        ReadOnlySpan<byte> previousHash = previous ?? AuditHash.Genesis;
        for (var i = 0; i < changes.Count; i++)
        {
            var entry = new AuditEntry(first + i, occurredAt, audit, changes[i], previousHash);
            entries.Add(entry);
            previousHash = entry.Hash;
        }

        return entries;
    }

    /// <summary>Reserves <paramref name="count"/> positions and returns the first.</summary>
    public static async Task<long> ReserveAsync(RegistryDbContext db, int count, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Audit entries are appended inside the transaction of the change they record.");
        }

        // One statement that locks the counter and returns it: the lock is held until commit, so the fewer statements
        // after it, the more writers per second (every writer passes here one after the other).
        var next = await IncrementAsync(db, count, cancellationToken);
        if (next is null)
        {
            // No counter row: a database emptied by a reset or a test. The trail goes on after its last entry.
            var last = await db.AuditEntries.MaxAsync(e => (long?)e.Position, cancellationToken) ?? 0;
            await InsertCounterAsync(db, last + 1 + count, cancellationToken);
            next = last + 1 + count;
        }

        return next.Value - count;
    }

    /// <summary>Adds <paramref name="count"/> to the counter and returns its new value (<c>null</c> without a counter row), in one round trip.</summary>
    private static async Task<long?> IncrementAsync(RegistryDbContext db, int count, CancellationToken cancellationToken)
    {
        var entityType = db.Model.FindEntityType(typeof(RegistrySequence))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
        var name = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.Name))!.GetColumnName());
        var value = sql.DelimitIdentifier(entityType.FindProperty(nameof(RegistrySequence.NextValue))!.GetColumnName());
        var statement = db is SqlServerRegistryDbContext
            ? $"UPDATE {table} SET {value} = {value} + {{0}} OUTPUT inserted.{value} AS [Value] WHERE {name} = {{1}}"
            : $"UPDATE {table} SET {value} = {value} + {{0}} WHERE {name} = {{1}} RETURNING {value} AS \"Value\"";
        var values = await db.Database.SqlQueryRaw<long>(statement, count, RegistrySequence.AuditPosition).ToListAsync(cancellationToken);
        return values.Count == 0 ? null : values[0];
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
}
