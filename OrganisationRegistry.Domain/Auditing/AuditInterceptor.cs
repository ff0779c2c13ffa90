using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// The audit trail of every save: for each insert, update and delete of every audited entity (all but the counters
/// and the trail itself) one <see cref="AuditEntry"/>, written in the same SaveChanges, so in the same transaction as
/// the change. A save without a transaction gets one around it (begun here, committed or rolled back here), so the
/// change and its entries commit together or not at all; a failed save leaves no entry. Who, why and which batch come
/// from <see cref="RegistryDbContext.Audit"/>; a save that did not set it is still audited, as an unknown actor.
/// Refuses to change or delete existing entries.
/// </summary>
/// <remarks>
/// Register it after <see cref="VersionInterceptor"/>: interceptors run in registration order, and the trail records
/// the version a row is saved with. Rows deleted in the database by a cascade would escape the change tracker, so the
/// dependents of deleted rows are loaded first and deleted (and audited) by EF Core itself.
/// </remarks>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<IModel, Dictionary<string, int>> WriteOrders = [];

    private readonly ConditionalWeakTable<DbContext, PendingSave> _pending = [];

    // EF Core's synchronous SaveChanges calls the synchronous hooks; the work (a few queries) is the same, run to the end.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (!result.HasResult)
        {
            BeforeSaveAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (!result.HasResult)
        {
            await BeforeSaveAsync(eventData.Context, cancellationToken);
        }

        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        EndAsync(eventData.Context, saved: true, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await EndAsync(eventData.Context, saved: true, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) =>
        EndAsync(eventData.Context, saved: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, saved: false, CancellationToken.None);

    public override void SaveChangesCanceled(DbContextEventData eventData) =>
        EndAsync(eventData.Context, saved: false, CancellationToken.None).GetAwaiter().GetResult();

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default) =>
        EndAsync(eventData.Context, saved: false, CancellationToken.None);

    private async Task BeforeSaveAsync(DbContext? context, CancellationToken cancellationToken)
    {
        if (context is not RegistryDbContext db)
        {
            return;
        }

        var tracker = db.ChangeTracker;
        tracker.DetectChanges();
        RefuseChangesToTheTrail(tracker);
        await LoadCascadedDependentsAsync(tracker, cancellationToken);

        var values = new AuditValues();
        var changes = InWriteOrder(
            db.Model,
            tracker.Entries().Where(e => AuditChange.IsAudited(e.Metadata)).Select(e => AuditChange.From(e, values)).OfType<AuditChange>());
        if (changes.Count == 0)
        {
            return;
        }

        var pending = new PendingSave();
        _pending.AddOrUpdate(db, pending);

        // EF Core reports a concurrency conflict to the context's SaveChangesFailed event, not to interceptors.
        pending.Failed = (_, _) => Abandon(db);
        db.SaveChangesFailed += pending.Failed;
        try
        {
            if (db.Database.CurrentTransaction is null)
            {
                pending.Transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            }

            var subjects = new AuditSubjects();
            foreach (var organisation in tracker.Entries<Organisation>())
            {
                subjects.KnowOrganisation(organisation.Entity.Id, organisation.Entity.OvoCode.Value);
            }

            foreach (var domain in tracker.Entries<ApplicationDomain>())
            {
                subjects.KnowDomain(domain.Entity.Id, domain.Entity.Code);
            }

            await subjects.ResolveAsync(db, changes, cancellationToken);
            var reservation = await AuditChain.ReserveAsync(db, changes.Count, cancellationToken);
            pending.Reserved = changes.Count;

            // The time is read once the positions are held: times follow positions.
            var occurredAt = time.GetUtcNow().UtcDateTime;
            pending.Entries = AuditChain.Chain(reservation, db.Audit ?? AuditContext.Unknown(), changes, occurredAt);
            db.AuditEntries.AddRange(pending.Entries);

            // The new head goes on the counter in the same batch as the entries (and is undone with them on failure).
            pending.Counter = AuditChain.TrackHead(db, pending.Entries);
        }
        catch
        {
            await EndAsync(db, saved: false, CancellationToken.None);
            throw;
        }
    }

    /// <summary>After the save: commit or roll back a transaction begun here; give positions back after a failure.</summary>
    private async Task EndAsync(DbContext? context, bool saved, CancellationToken cancellationToken)
    {
        if (!TryTake(context, out var db, out var pending))
        {
            return;
        }

        if (pending.Transaction is { } transaction)
        {
            await using (transaction)
            {
                if (saved)
                {
                    await transaction.CommitAsync(cancellationToken);
                }
                else
                {
                    await transaction.RollbackAsync(CancellationToken.None);
                }
            }
        }
        else if (!saved && pending.Reserved > 0)
        {
            try
            {
                await AuditChain.GiveBackAsync(db, pending.Reserved, CancellationToken.None);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                // The transaction is doomed (PostgreSQL after an error without savepoint): it can only roll back.
            }
        }
    }

    /// <summary>After a failed save, from the context's event (synchronous): as <see cref="EndAsync"/> for a failure.</summary>
    private void Abandon(RegistryDbContext context)
    {
        if (!TryTake(context, out var db, out var pending))
        {
            return;
        }

        if (pending.Transaction is { } transaction)
        {
            using (transaction)
            {
                transaction.Rollback();
            }
        }
        else if (pending.Reserved > 0)
        {
            try
            {
                AuditChain.GiveBack(db, pending.Reserved);
            }
            catch (Exception exception) when (exception is DbException or InvalidOperationException)
            {
                // As above: a doomed transaction gives everything back when it rolls back.
            }
        }
    }

    /// <summary>
    /// Ends the bookkeeping of a save: stops tracking its entries (saved, they are history; failed, they must not be
    /// saved later) and stops listening for its failure. The caller's transaction, if any, goes on: after a failure EF
    /// Core rolled the save back to its savepoint, but not the positions this interceptor took before it.
    /// </summary>
    private bool TryTake(DbContext? context, [NotNullWhen(true)] out RegistryDbContext? db, [NotNullWhen(true)] out PendingSave? pending)
    {
        db = context as RegistryDbContext;
        pending = null;
        if (db is null || !_pending.TryGetValue(db, out pending))
        {
            return false;
        }

        _pending.Remove(db);
        db.SaveChangesFailed -= pending.Failed;
        foreach (var entry in pending.Entries)
        {
            db.Entry(entry).State = EntityState.Detached;
        }

        if (pending.Counter is { } counter)
        {
            db.Entry(counter).State = EntityState.Detached;
        }

        return true;
    }

    private static void RefuseChangesToTheTrail(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<AuditEntry>())
        {
            switch (entry.State)
            {
                case EntityState.Modified or EntityState.Deleted:
                    throw new InvalidOperationException(
                        $"The audit trail is append-only: entry {entry.Entity.Position} cannot be changed or deleted.");
                case EntityState.Added:
                    throw new InvalidOperationException("Audit entries are written by the audit trail itself, never added by other code.");
                default:
                    break;
            }
        }
    }

    /// <summary>
    /// Loads the dependents that the database would delete (cascade) or unlink (set null) with a deleted row, so EF Core
    /// deletes or changes them itself and they are audited too; repeated for the dependents' own dependents.
    /// </summary>
    private static async Task LoadCascadedDependentsAsync(ChangeTracker tracker, CancellationToken cancellationToken)
    {
        var done = new HashSet<object>(ReferenceEqualityComparer.Instance);
        while (true)
        {
            var deleted = tracker.Entries().Where(e => e.State == EntityState.Deleted && done.Add(e.Entity)).ToList();
            if (deleted.Count == 0)
            {
                return;
            }

            foreach (var entry in deleted)
            {
                foreach (var foreignKey in entry.Metadata.GetReferencingForeignKeys().Where(fk => fk.DeleteBehavior is DeleteBehavior.Cascade or DeleteBehavior.SetNull))
                {
                    var navigation = foreignKey.PrincipalToDependent
                        ?? throw new InvalidOperationException(
                            $"{foreignKey.DeclaringEntityType.DisplayName()} is deleted or unlinked by the database with {entry.Metadata.DisplayName()}; " +
                            "give the principal a navigation to it, so that the audit trail can load and record those rows.");
                    var dependents = entry.Navigation(navigation.Name);
                    if (!dependents.IsLoaded)
                    {
                        await dependents.LoadAsync(cancellationToken);
                    }
                }
            }

            tracker.CascadeChanges();
        }
    }

    /// <summary>Principals inserted before their dependents, dependents deleted before their principals, so the trail reads (and replays) in order.</summary>
    private static List<AuditChange> InWriteOrder(IModel model, IEnumerable<AuditChange> changes)
    {
        // The order of the model's tables, worked out once per model (a model never changes once built).
        var order = WriteOrders.GetValue(model, m => DatabaseReset.InDeleteOrder(m).Select((type, index) => (type.ClrType.Name, index)).ToDictionary(t => t.Name, t => t.index));
        return
        [
            .. changes
                .OrderBy(c => c.Operation)
                .ThenBy(c => c.Operation == AuditOperation.Delete ? order.GetValueOrDefault(c.EntityType) : -order.GetValueOrDefault(c.EntityType)),
        ];
    }

    private sealed class PendingSave
    {
        public IDbContextTransaction? Transaction { get; set; }

        public int Reserved { get; set; }

        public IReadOnlyList<AuditEntry> Entries { get; set; } = [];

        public RegistrySequence? Counter { get; set; }

        public EventHandler<SaveChangesFailedEventArgs>? Failed { get; set; }
    }
}
