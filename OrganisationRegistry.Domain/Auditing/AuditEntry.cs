using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>What happened to a row.</summary>
public enum AuditOperation
{
    Insert,
    Update,
    Delete,
}

/// <summary>Through which door a change came in.</summary>
public enum AuditChannel
{
    /// <summary>A person in the web app.</summary>
    Ui,

    /// <summary>A machine client of the API.</summary>
    Api,

    /// <summary>An operator on the app's command line.</summary>
    Cli,

    /// <summary>A file or feed read in (a KBO extract, a list of assignments).</summary>
    Import,

    /// <summary>The register itself: seeding, start-up, background work, or a write that said nothing about itself.</summary>
    System,
}

/// <summary>
/// One insert, update or delete of one row, as the audit trail keeps it: append-only, in <see cref="Position"/> order,
/// each entry chained to the one before by <see cref="Hash"/> (see <see cref="AuditHash"/> and decision 0005).
/// Written only by <see cref="AuditInterceptor"/> and <see cref="AuditBulkInsertListener"/>; the interceptor refuses
/// any change to an existing entry.
/// </summary>
public sealed class AuditEntry
{
    public const int ActorIdMaxLength = 320;
    public const int ActorNameMaxLength = 300;
    public const int EnumMaxLength = 20;
    public const int EntityTypeMaxLength = 100;
    public const int EntityKeyMaxLength = 200;
    public const int OvoCodeMaxLength = 9;
    public const int DomainCodeMaxLength = 50;
    public const int CorrelationIdMaxLength = 100;
    public const int ReasonMaxLength = 4000;
    public const int HashLength = 32;

    private AuditEntry()
    {
    }

    internal AuditEntry(long position, DateTime occurredAt, AuditContext audit, AuditChange change, ReadOnlySpan<byte> previousHash)
    {
        Position = position;

        // Whole microseconds in UTC: what every provider stores and gives back unchanged, so the hash still matches.
        OccurredAt = new DateTime(occurredAt.Ticks - (occurredAt.Ticks % 10), DateTimeKind.Utc);
        ActorId = Cut(audit.ActorId, ActorIdMaxLength)!;
        ActorName = Cut(audit.ActorName, ActorNameMaxLength)!;
        ActorKind = audit.ActorKind;
        ActorOrganisation = Cut(audit.ActorOrganisation, OvoCodeMaxLength);
        Channel = audit.Channel;
        Operation = change.Operation;
        EntityType = Cut(change.EntityType, EntityTypeMaxLength)!;
        EntityKey = Cut(change.EntityKey, EntityKeyMaxLength)!;
        OrganisationOvoCode = Cut(change.OrganisationOvoCode, OvoCodeMaxLength);
        DomainCode = Cut(change.DomainCode, DomainCodeMaxLength);
        OldValues = change.OldValues;
        NewValues = change.NewValues;
        CorrelationId = Cut(audit.CorrelationId, CorrelationIdMaxLength)!;
        Reason = Cut(audit.Reason, ReasonMaxLength);
        Hash = AuditHash.Compute(previousHash, this);
    }

    /// <summary>1, 2, 3, ... without gaps, in the order the changes were committed.</summary>
    public long Position { get; private set; }

    /// <summary>When the change was saved (UTC, whole microseconds).</summary>
    public DateTime OccurredAt { get; private set; }

    /// <summary>The person's subject, the machine client's id, <c>system</c>, or <c>unknown</c> for a write that did not say.</summary>
    public string ActorId { get; private set; } = null!;

    public string ActorName { get; private set; } = null!;

    public RegistryUserKind ActorKind { get; private set; }

    /// <summary>The OVO code of the organisation the actor works for, when known.</summary>
    public string? ActorOrganisation { get; private set; }

    public AuditChannel Channel { get; private set; }

    public AuditOperation Operation { get; private set; }

    /// <summary>The entity's name in the model (<c>Organisation</c>, <c>DomainAssignment</c>, ...).</summary>
    public string EntityType { get; private set; } = null!;

    /// <summary>The row's primary key: its value, or the values of a composite key joined by <c>|</c> in key order.</summary>
    public string EntityKey { get; private set; } = null!;

    /// <summary>The OVO code of the organisation the row is about (itself, or the organisation of a key, link or assignment).</summary>
    public string? OrganisationOvoCode { get; private set; }

    /// <summary>The code of the application domain the row is about (a domain, its category, steward or assignment).</summary>
    public string? DomainCode { get; private set; }

    /// <summary>JSON object: the changed columns before (update), the whole row (delete), <c>null</c> for an insert.</summary>
    public string? OldValues { get; private set; }

    /// <summary>JSON object: the changed columns after (update), the whole row (insert), <c>null</c> for a delete.</summary>
    public string? NewValues { get; private set; }

    /// <summary>Shared by every entry of one action or batch (a request, a bulk assignment, a seed run).</summary>
    public string CorrelationId { get; private set; } = null!;

    /// <summary>Why, where the actor gave a reason (a correction must).</summary>
    public string? Reason { get; private set; }

    /// <summary>SHA-256 over this entry's canonical content and the previous entry's hash (<see cref="AuditHash"/>).</summary>
    public byte[] Hash { get; private set; } = null!;

    /// <summary>Cut to the column's length before hashing (never through a surrogate pair), so what is stored is what was hashed.</summary>
    private static string? Cut(string? text, int maxLength)
    {
        if (text is null || text.Length <= maxLength)
        {
            return text;
        }

        return text[..(char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength)];
    }
}
