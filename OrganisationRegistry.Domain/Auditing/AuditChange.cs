using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// One change of one row on its way to becoming an <see cref="AuditEntry"/>: what happened, to which row, from what
/// to what, and which organisation and application domain it concerns (ids first, resolved to an OVO code and a
/// domain code by <see cref="AuditSubjects"/>).
/// </summary>
internal sealed class AuditChange
{
    private AuditChange(AuditOperation operation, IEntityType entityType, string entityKey, string? oldValues, string? newValues)
    {
        Operation = operation;
        EntityType = entityType.ClrType.Name;
        EntityKey = entityKey;
        OldValues = oldValues;
        NewValues = newValues;
    }

    public AuditOperation Operation { get; }

    public string EntityType { get; }

    public string EntityKey { get; }

    public string? OldValues { get; }

    public string? NewValues { get; }

    public Guid? OrganisationId { get; private set; }

    public string? OrganisationOvoCode { get; set; }

    public Guid? DomainId { get; private set; }

    public string? DomainCode { get; set; }

    /// <summary>
    /// Every table of the model but the counters (<see cref="RegistrySequence"/>: bookkeeping, their effect is in the
    /// audited rows, e.g. the OVO codes) and the trail itself.
    /// </summary>
    public static bool IsAudited(IEntityType entityType) =>
        entityType.ClrType != typeof(AuditEntry)
        && entityType.ClrType != typeof(RegistrySequence)
        && entityType.ClrType != typeof(ApiClients.IdempotencyRecord)
        && !Kbo.KboMirrorTables.Contains(entityType.ClrType)
        && entityType.GetTableName() is not null;

    /// <summary>The change a tracked entry is about to save; <c>null</c> when a modified entry changes no value after all.</summary>
    public static AuditChange? From(EntityEntry entry, AuditValues values)
    {
        var entityType = entry.Metadata;
        var properties = entityType.GetProperties();
        AuditChange change;
        switch (entry.State)
        {
            case EntityState.Added:
                change = new(AuditOperation.Insert, entityType, AuditValues.Key(entityType, p => entry.CurrentValues[p]), null, values.Write(properties, p => entry.CurrentValues[p]));
                change.SetSubjects(entityType, p => entry.CurrentValues[p]);
                return change;
            case EntityState.Deleted:
                change = new(AuditOperation.Delete, entityType, AuditValues.Key(entityType, p => entry.OriginalValues[p]), values.Write(properties, p => entry.OriginalValues[p]), null);
                change.SetSubjects(entityType, p => entry.OriginalValues[p]);
                return change;
            case EntityState.Modified:
                var changed = properties.Where(p =>
                {
                    var property = entry.Property(p);
                    return property.IsModified && !p.GetValueComparer().Equals(property.OriginalValue, property.CurrentValue);
                }).ToList();
                if (changed.Count == 0)
                {
                    return null;
                }

                change = new(
                    AuditOperation.Update,
                    entityType,
                    AuditValues.Key(entityType, p => entry.OriginalValues[p]),
                    values.Write(changed, p => entry.OriginalValues[p]),
                    values.Write(changed, p => entry.CurrentValues[p]));
                change.SetSubjects(entityType, p => entry.CurrentValues[p]);
                return change;
            default:
                return null;
        }
    }

    /// <summary>The insert of a new row written without change tracking (the bulk path).</summary>
    public static AuditChange Inserted(IEntityType entityType, object row, AuditValues values)
    {
        object? ValueOf(IProperty property) => property.GetGetter().GetClrValue(row);
        var change = new AuditChange(AuditOperation.Insert, entityType, AuditValues.Key(entityType, ValueOf), null, values.Write(entityType.GetProperties(), ValueOf));
        change.SetSubjects(entityType, ValueOf);
        return change;
    }

    /// <summary>
    /// An organisation concerns itself; a row with an <c>OrganisationId</c> (a parent link, a key, an assignment, a
    /// steward, a grant) concerns that organisation. An application domain concerns itself; a row with an
    /// <c>ApplicationDomainId</c> (a category, a steward, an assignment) concerns that domain.
    /// </summary>
    private void SetSubjects(IEntityType entityType, Func<IProperty, object?> valueOf)
    {
        if (entityType.ClrType == typeof(Organisation))
        {
            OrganisationId = valueOf(entityType.FindProperty(nameof(Organisation.Id))!) as Guid?;
            OrganisationOvoCode = AuditValues.Text(AuditValues.Stored(entityType.FindProperty(nameof(Organisation.OvoCode))!, valueOf(entityType.FindProperty(nameof(Organisation.OvoCode))!)));
        }
        else if (entityType.FindProperty(nameof(DomainAssignment.OrganisationId)) is { } organisationId)
        {
            OrganisationId = valueOf(organisationId) as Guid?;
        }

        if (entityType.ClrType == typeof(ApplicationDomain))
        {
            DomainId = valueOf(entityType.FindProperty(nameof(ApplicationDomain.Id))!) as Guid?;
            DomainCode = valueOf(entityType.FindProperty(nameof(ApplicationDomain.Code))!) as string;
        }
        else if (entityType.FindProperty(nameof(DomainAssignment.ApplicationDomainId)) is { } domainId)
        {
            DomainId = valueOf(domainId) as Guid?;
        }
    }
}
