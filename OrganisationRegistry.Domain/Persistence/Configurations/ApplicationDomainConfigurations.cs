using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class ApplicationDomainConfiguration : IEntityTypeConfiguration<ApplicationDomain>
{
    public void Configure(EntityTypeBuilder<ApplicationDomain> builder)
    {
        builder.ToTable("ApplicationDomains");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Code).HasMaxLength(ApplicationDomain.CodeMaxLength);
        builder.Property(d => d.Name).HasMaxLength(ApplicationDomain.NameMaxLength);
        builder.Property(d => d.Article).HasConversion<string>().HasMaxLength(3);
        builder.Property(d => d.Description).HasMaxLength(ApplicationDomain.DescriptionMaxLength);
        builder.Property(d => d.LegalReference).HasMaxLength(ApplicationDomain.LegalReferenceMaxLength);
        builder.Property(d => d.Version).IsConcurrencyToken();
        builder.HasIndex(d => d.Code).IsUnique();
        builder.HasMany(d => d.Categories).WithOne().HasForeignKey(c => c.ApplicationDomainId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(d => d.Stewards).WithOne().HasForeignKey(s => s.ApplicationDomainId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Categories).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(d => d.Stewards).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class DomainCategoryConfiguration : IEntityTypeConfiguration<DomainCategory>
{
    public void Configure(EntityTypeBuilder<DomainCategory> builder)
    {
        builder.ToTable("DomainCategories");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Code).HasMaxLength(DomainCategory.CodeMaxLength);
        builder.Property(c => c.Name).HasMaxLength(DomainCategory.NameMaxLength);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasIndex(c => new { c.ApplicationDomainId, c.Code }).IsUnique();
    }
}

internal sealed class DomainStewardConfiguration : IEntityTypeConfiguration<DomainSteward>
{
    public void Configure(EntityTypeBuilder<DomainSteward> builder)
    {
        builder.ToTable("DomainStewards");
        builder.HasKey(s => new { s.ApplicationDomainId, s.OrganisationId });
        builder.HasOne<Organisations.Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => s.OrganisationId);
    }
}

internal sealed class DomainAssignmentConfiguration : IEntityTypeConfiguration<DomainAssignment>
{
    public void Configure(EntityTypeBuilder<DomainAssignment> builder)
    {
        builder.ToTable("DomainAssignments");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Remark).HasMaxLength(DomainAssignment.RemarkMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.Ignore(a => a.Validity);
        builder.HasOne(a => a.ApplicationDomain).WithMany().HasForeignKey(a => a.ApplicationDomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.Category).WithMany().HasForeignKey(a => a.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(a => a.ParentOrganisation).WithMany().HasForeignKey(a => a.ParentOrganisationId).OnDelete(DeleteBehavior.Restrict);

        // An organisation's assignments per domain; a domain's members on a date (optionally per category);
        // children within a domain's hierarchy.
        builder.HasIndex(a => new { a.OrganisationId, a.ApplicationDomainId, a.ValidFrom });
        builder.HasIndex(a => new { a.ApplicationDomainId, a.CategoryId, a.ValidFrom, a.ValidTo });
        builder.HasIndex(a => new { a.ApplicationDomainId, a.ValidFrom, a.ValidTo });
        builder.HasIndex(a => a.ParentOrganisationId);
        builder.HasIndex(a => a.CategoryId);
    }
}
