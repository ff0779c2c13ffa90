using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class KeyTypeConfiguration : IEntityTypeConfiguration<KeyType>
{
    public void Configure(EntityTypeBuilder<KeyType> builder)
    {
        builder.ToTable("KeyTypes");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Code).HasMaxLength(KeyType.CodeMaxLength);
        builder.Property(k => k.Name).HasMaxLength(KeyType.NameMaxLength);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.HasIndex(k => k.Code).IsUnique();
    }
}

internal sealed class PolicyDomainConfiguration : IEntityTypeConfiguration<PolicyDomain>
{
    public void Configure(EntityTypeBuilder<PolicyDomain> builder)
    {
        builder.ToTable("PolicyDomains");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(PolicyDomain.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(PolicyDomain.NameMaxLength);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasIndex(p => p.Code).IsUnique();
    }
}

internal sealed class RegistrySequenceConfiguration : IEntityTypeConfiguration<RegistrySequence>
{
    public void Configure(EntityTypeBuilder<RegistrySequence> builder)
    {
        builder.ToTable("Sequences");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(RegistrySequence.NameMaxLength);
        builder.Property(s => s.LastHash).HasMaxLength(AuditEntry.HashLength).IsFixedLength();
        builder.HasData(
            new { Name = RegistrySequence.OvoCode, NextValue = 1L },
            new { Name = RegistrySequence.AuditPosition, NextValue = 1L });
    }
}
