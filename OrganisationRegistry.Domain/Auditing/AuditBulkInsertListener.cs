using System.Runtime.CompilerServices;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// The audit trail of bulk work (seeding, imports): one insert entry per row that the <see cref="BulkInserter"/>
/// writes, chained like every other entry, written through the same inserter in the same transaction, just before the
/// rows themselves. Who and which batch come from the context's <see cref="RegistryDbContext.Audit"/>.
/// </summary>
public sealed class AuditBulkInsertListener(TimeProvider time) : IBulkInsertListener
{
    // Per inserter (one transaction): the OVO codes met so far, so that the keys, links and assignments of organisations
    // inserted earlier in the batch need no query; and one context for writes that did not set one.
    private readonly ConditionalWeakTable<BulkInserter, Batch> _batches = [];

    public async ValueTask OnInsertingAsync<TEntity>(BulkInserter inserter, IReadOnlyList<TEntity> rows, CancellationToken cancellationToken)
        where TEntity : class
    {
        if (inserter.Context is not RegistryDbContext db
            || db.Model.FindEntityType(typeof(TEntity)) is not { } entityType
            || !AuditChange.IsAudited(entityType))
        {
            return; // the entries this listener writes itself come back here too
        }

        var batch = _batches.GetValue(inserter, _ => new Batch(db.Audit ?? AuditContext.Unknown()));
        var changes = new List<AuditChange>(rows.Count);
        foreach (var row in rows)
        {
            changes.Add(AuditChange.Inserted(entityType, row, batch.Values));
        }

        await batch.Subjects.ResolveAsync(db, changes, cancellationToken);
        var entries = await AuditChain.AppendAsync(db, db.Audit ?? batch.Audit, changes, time, cancellationToken);
        await inserter.InsertAsync(entries, cancellationToken);
        await AuditChain.SetHeadAsync(db, entries, cancellationToken);
    }

    private sealed class Batch(AuditContext audit)
    {
        public AuditContext Audit { get; } = audit;

        public AuditSubjects Subjects { get; } = new();

        public AuditValues Values { get; } = new();
    }
}
