using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class UserGrantConfiguration : IEntityTypeConfiguration<UserGrant>
{
    public void Configure(EntityTypeBuilder<UserGrant> builder)
    {
        builder.ToTable("UserGrants");
        builder.HasKey(g => g.Id);
        builder.Property(g => g.Subject).HasMaxLength(UserGrant.SubjectMaxLength);
        builder.Property(g => g.Role).HasMaxLength(UserGrant.RoleMaxLength).IsUnicode(false);
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasOne<Organisation>().WithMany().HasForeignKey(g => g.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // One role once per person; the grants of a person at sign-in; who has rights for an organisation.
        builder.HasIndex(g => new { g.Subject, g.Role }).IsUnique();
        builder.HasIndex(g => g.OrganisationId);
    }
}
