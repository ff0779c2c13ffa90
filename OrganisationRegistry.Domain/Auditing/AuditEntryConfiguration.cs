using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace OrganisationRegistry.Domain.Auditing;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Position);

        // The position comes from the counter row, never from the database: the chain needs it before the insert.
        builder.Property(e => e.Position).ValueGeneratedNever();
        builder.Property(e => e.ActorId).HasMaxLength(AuditEntry.ActorIdMaxLength);
        builder.Property(e => e.ActorName).HasMaxLength(AuditEntry.ActorNameMaxLength);
        builder.Property(e => e.ActorKind).HasConversion<string>().HasMaxLength(AuditEntry.EnumMaxLength).IsUnicode(false);
        builder.Property(e => e.ActorOrganisation).HasMaxLength(AuditEntry.OvoCodeMaxLength).IsUnicode(false);
        builder.Property(e => e.Channel).HasConversion<string>().HasMaxLength(AuditEntry.EnumMaxLength).IsUnicode(false);
        builder.Property(e => e.Operation).HasConversion<string>().HasMaxLength(AuditEntry.EnumMaxLength).IsUnicode(false);
        builder.Property(e => e.EntityType).HasMaxLength(AuditEntry.EntityTypeMaxLength).IsUnicode(false);
        builder.Property(e => e.EntityKey).HasMaxLength(AuditEntry.EntityKeyMaxLength);
        builder.Property(e => e.OrganisationOvoCode).HasMaxLength(AuditEntry.OvoCodeMaxLength).IsUnicode(false);
        builder.Property(e => e.DomainCode).HasMaxLength(AuditEntry.DomainCodeMaxLength);
        builder.Property(e => e.CorrelationId).HasMaxLength(AuditEntry.CorrelationIdMaxLength);
        builder.Property(e => e.Reason).HasMaxLength(AuditEntry.ReasonMaxLength);
        builder.Property(e => e.Hash).HasMaxLength(AuditEntry.HashLength).IsFixedLength();

        // The review: newest first (time, then position; times follow positions) within what is filtered on.
        // "Everything about one organisation", "everything one actor did in a month", a domain's history (stewards),
        // one action, and a period alone: each an index range read backwards, without sorting.
        builder.HasIndex(e => new { e.OrganisationOvoCode, e.OccurredAt, e.Position });
        builder.HasIndex(e => new { e.ActorId, e.OccurredAt, e.Position });
        builder.HasIndex(e => new { e.DomainCode, e.OccurredAt, e.Position });
        builder.HasIndex(e => new { e.CorrelationId, e.OccurredAt, e.Position });
        builder.HasIndex(e => new { e.OccurredAt, e.Position });
    }
}
