using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("Organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.OvoCode)
            .HasConversion(ValueConversions.OvoCode)
            .HasMaxLength(OvoCode.Length)
            .IsUnicode(false);
        builder.HasIndex(o => o.OvoCode).IsUnique();
        builder.Property(o => o.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.Property(o => o.Article).HasConversion<string>().HasMaxLength(3);
        builder.Property(o => o.Description).HasMaxLength(Organisation.DescriptionMaxLength);
        builder.Property(o => o.KboNumber)
            .HasConversion(ValueConversions.KboNumber)
            .HasMaxLength(KboNumber.Length)
            .IsUnicode(false);
        builder.Property(o => o.LegalForm).HasMaxLength(Organisation.LegalFormMaxLength);
        builder.Property(o => o.RegisteredSeat).HasMaxLength(Organisation.RegisteredSeatMaxLength);
        builder.Property(o => o.NameBeforeKbo).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(o => o.ShortNameBeforeKbo).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.Property(o => o.SearchText).HasMaxLength(Organisation.SearchTextMaxLength);
        builder.Property(o => o.Version).IsConcurrencyToken();
        builder.Ignore(o => o.Validity);

        // Sorting and paging by name; lookups by KBO number; per policy domain. No index on the dates: most
        // organisations are valid on any date, and such an index led SQLite to sort 450,000 rows for one page.
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => o.KboNumber);
        builder.HasIndex(o => o.PolicyDomainId);

        builder.HasOne(o => o.PolicyDomain).WithMany().HasForeignKey(o => o.PolicyDomainId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(o => o.Parents).WithOne().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Keys).WithOne().HasForeignKey(k => k.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(o => o.Assignments).WithOne(a => a.Organisation).HasForeignKey(a => a.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(o => o.Parents).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Keys).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(o => o.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
