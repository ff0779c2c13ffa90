using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class OrganisationKeyConfiguration : IEntityTypeConfiguration<OrganisationKey>
{
    public void Configure(EntityTypeBuilder<OrganisationKey> builder)
    {
        builder.ToTable("OrganisationKeys");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.Value).HasMaxLength(OrganisationKey.ValueMaxLength);
        builder.Property(k => k.Version).IsConcurrencyToken();
        builder.Ignore(k => k.Validity);
        builder.HasOne(k => k.KeyType).WithMany().HasForeignKey(k => k.KeyTypeId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(k => k.OrganisationId);
        // "Which organisation has Orafin key 12345?" and the uniqueness check of a value per key type.
        builder.HasIndex(k => new { k.KeyTypeId, k.Value });
    }
}
