using System.Data;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Npgsql;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// One write of a service: a fresh context carrying the <see cref="AuditContext"/>, one READ COMMITTED transaction
/// around the work, commit. The work first takes the <see cref="RegistryLock"/>s that guard what its rules read
/// (the organisation, the structure, a domain, a unique value), so checks that span rows (overlaps, cycles, unique
/// keys) hold against concurrent writers, while writers of different organisations run side by side (decision 0006).
/// A deadlock or lock timeout between writers is retried (<see cref="MaxAttempts"/>); stale versions and changes that
/// still collide become a <see cref="ConcurrencyConflictException"/> with the row's current values; nothing is
/// written then.
/// </summary>
internal sealed class RegistryWrite
{
    private (Type Type, object?[] Key, long Expected)? _edited;

    private RegistryWrite(RegistryDbContext db) => Db = db;

    public RegistryDbContext Db { get; }

    /// <summary>
    /// Runs <paramref name="work"/> (which loads, changes and calls <c>SaveChangesAsync</c>) in one transaction and
    /// commits it. A rule (<see cref="DomainRuleException"/>) or a missing right (<see cref="ForbiddenException"/>)
    /// thrown by the work rolls everything back.
    /// </summary>
    public static async Task<T> RunAsync<T>(
        IDbContextFactory<RegistryDbContext> contexts,
        AuditContext audit,
        Func<RegistryWrite, Task<T>> work,
        CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await AttemptAsync(contexts, audit, work, lastAttempt: attempt == MaxAttempts, cancellationToken);
            }
            catch (TransientWriteException)
            {
                // Another writer held what this one needed (a deadlock): nothing was written, so the work runs again.
                await Task.Delay(Random.Shared.Next(5, 20 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>How often a write runs when it keeps colliding with others (a deadlock, a busy database).</summary>
    public const int MaxAttempts = 3;

    /// <summary>
    /// Takes <paramref name="locks"/> until the transaction ends, in name order (so two writes never wait for each other
    /// in a circle over these). PostgreSQL: transaction-scoped advisory locks; SQL Server: application locks owned by the
    /// transaction; SQLite: nothing to do, a write transaction holds the whole database.
    /// </summary>
    public async Task LockAsync(params RegistryLock[] locks)
    {
        var ordered = locks
            .GroupBy(l => l.Name, StringComparer.Ordinal)
            .Select(g => g.All(l => l.Shared) ? g.First() : g.First(l => !l.Shared))
            .OrderBy(l => l.Name, StringComparer.Ordinal)
            .ToList();
        if (ordered.Count == 0)
        {
            return;
        }

        // All in one statement (one round trip), taken left to right in name order. The SQL text holds only function
        // names and placeholders; the names travel as parameters.
        var names = ordered.Select(l => (object)l.Name).ToArray();
#pragma warning disable EF1003
        switch (Db)
        {
            case PostgreSqlRegistryDbContext:
                await Db.Database.ExecuteSqlRawAsync(
                    "SELECT " + string.Join(", ", ordered.Select((l, i) =>
                        $"{(l.Shared ? "pg_advisory_xact_lock_shared" : "pg_advisory_xact_lock")}(hashtextextended({{{i}}}, 0))")),
                    names);
                break;
            case SqlServerRegistryDbContext:
                await Db.Database.ExecuteSqlRawAsync(
                    string.Join("; ", ordered.Select((l, i) =>
                        $"EXEC sp_getapplock @Resource = {{{i}}}, @LockMode = '{(l.Shared ? "Shared" : "Exclusive")}', @LockOwner = 'Transaction', @LockTimeout = 10000")),
                    names);
                break;
            default:
                break;
        }
#pragma warning restore EF1003
    }

    private static async Task<T> AttemptAsync<T>(
        IDbContextFactory<RegistryDbContext> contexts,
        AuditContext audit,
        Func<RegistryWrite, Task<T>> work,
        bool lastAttempt,
        CancellationToken cancellationToken)
    {
        RegistryWrite? write = null;
        (Type Type, object?[] Key)? failed = null;
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.Audit = audit;
            write = new RegistryWrite(db);
            await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
            try
            {
                var result = await work(write);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (DbUpdateConcurrencyException exception) when (exception.Entries.Count > 0)
            {
                failed = KeyOf(exception.Entries[0]);
                throw;
            }
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await ConflictAsync(contexts, failed ?? write?.EditedKey, write?._edited?.Expected, cancellationToken);
        }
        catch (Exception exception) when (IsSerializationFailure(exception))
        {
            if (!lastAttempt)
            {
                throw new TransientWriteException();
            }

            throw await ConflictAsync(contexts, write?.EditedKey, write?._edited?.Expected, cancellationToken);
        }
    }

    /// <summary>
    /// The user edited <paramref name="entity"/> as it was at <paramref name="expectedVersion"/>: when it has changed
    /// since, stop with its current values; otherwise save only if it still is at that version.
    /// </summary>
    public void ExpectVersion<TEntity>(TEntity entity, long expectedVersion)
        where TEntity : class, IVersioned
    {
        var entry = Db.Entry(entity);
        _edited = (typeof(TEntity), KeyOf(entry).Key, expectedVersion);
        if (entity.Version != expectedVersion)
        {
            throw Conflict(entity, expectedVersion, entity.Version, ValuesOf(entry.CurrentValues));
        }

        entry.Property(e => e.Version).OriginalValue = expectedVersion;
    }

    /// <summary>The row the user edited does not exist (any more).</summary>
    public static ConcurrencyConflictException Removed(string what, long expectedVersion) =>
        new($"{what} bestaat niet meer: iemand anders heeft ze intussen verwijderd. Er werd niets opgeslagen.", expectedVersion, null, new Dictionary<string, string?>());

    private (Type Type, object?[] Key)? EditedKey => _edited is { } edited ? (edited.Type, edited.Key) : null;

    private static (Type Type, object?[] Key) KeyOf(EntityEntry entry) =>
        (entry.Metadata.ClrType, [.. entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue)]);

    private static async Task<ConcurrencyConflictException> ConflictAsync(
        IDbContextFactory<RegistryDbContext> contexts,
        (Type Type, object?[] Key)? row,
        long? expectedVersion,
        CancellationToken cancellationToken)
    {
        if (row is not { } target)
        {
            return Simultaneous(expectedVersion, null, new Dictionary<string, string?>());
        }

        // A fresh context: the failed one's transaction saw the database as it was when the work started.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var current = await db.FindAsync(target.Type, target.Key, cancellationToken);
        if (current is null)
        {
            return Removed(Noun(target.Type), expectedVersion ?? 0);
        }

        var currentVersion = (current as IVersioned)?.Version;
        var values = ValuesOf(db.Entry(current).CurrentValues);
        return currentVersion == expectedVersion
            ? Simultaneous(expectedVersion, currentVersion, values)
            : Conflict(current, expectedVersion, currentVersion, values);
    }

    /// <summary>Another transaction held or changed the same rows at the same moment (a lock or serialization failure).</summary>
    private static ConcurrencyConflictException Simultaneous(long? expectedVersion, long? currentVersion, IReadOnlyDictionary<string, string?> values) =>
        new("Iemand anders wijzigde tegelijk dezelfde gegevens. Er werd niets opgeslagen; herlaad en probeer opnieuw.", expectedVersion, currentVersion, values);

    private static ConcurrencyConflictException Conflict(object entity, long? expectedVersion, long? currentVersion, IReadOnlyDictionary<string, string?> values) =>
        new(
            $"{Noun(entity.GetType())} werd intussen door iemand anders gewijzigd (u bewerkte versie {expectedVersion}, nu is het versie {currentVersion}). " +
            "Er werd niets opgeslagen; bekijk de huidige gegevens en herlaad om verder te werken.",
            expectedVersion,
            currentVersion,
            values);

    private static IReadOnlyDictionary<string, string?> ValuesOf(PropertyValues values) =>
        values.Properties.ToDictionary(p => p.Name, p => Display(values[p.Name]));

    private static string? Display(object? value) => value switch
    {
        null => null,
        DateOnly date => Validity.Format(date),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };

    private static string Noun(Type type) => type.Name switch
    {
        nameof(Organisation) => "Deze organisatie",
        nameof(OrganisationParent) => "Deze periode onder een moederorganisatie",
        nameof(OrganisationKey) => "Deze sleutel",
        nameof(DomainAssignment) => "Deze toewijzing",
        nameof(ApplicationDomain) => "Dit toepassingsgebied",
        nameof(DomainCategory) => "Deze categorie",
        nameof(UserGrant) => "Dit recht",
        nameof(ApiClients.ApiClient) => "Deze API-client",
        _ => "Deze gegevens",
    };

    /// <summary>A write that collided with another one and may simply run again.</summary>
    private sealed class TransientWriteException : Exception;

    /// <summary>The database refused the transaction because a concurrent one touched the same rows.</summary>
    private static bool IsSerializationFailure(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected }:
                case Microsoft.Data.SqlClient.SqlException { Number: 1205 }:
                case SqliteException { SqliteErrorCode: 5 or 6 }:
                    return true;
                default:
                    break;
            }
        }

        return false;
    }
}
