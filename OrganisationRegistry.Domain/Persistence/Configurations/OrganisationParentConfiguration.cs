using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class OrganisationParentConfiguration : IEntityTypeConfiguration<OrganisationParent>
{
    public void Configure(EntityTypeBuilder<OrganisationParent> builder)
    {
        builder.ToTable("OrganisationParents");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.Ignore(p => p.Validity);
        builder.HasOne(p => p.ParentOrganisation).WithMany().HasForeignKey(p => p.ParentOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Parents of an organisation on a date, and children of an organisation on a date.
        builder.HasIndex(p => new { p.OrganisationId, p.ValidFrom });
        builder.HasIndex(p => new { p.ParentOrganisationId, p.ValidFrom });
    }
}
