using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class KboEnterpriseConfiguration : IEntityTypeConfiguration<KboEnterprise>
{
    public void Configure(EntityTypeBuilder<KboEnterprise> builder)
    {
        builder.ToTable("KboEnterprises");
        builder.HasKey(e => e.Number);
        builder.Property(e => e.Number).HasMaxLength(KboNumber.Length).IsUnicode(false);
        builder.Property(e => e.Status).HasMaxLength(KboEnterprise.StatusMaxLength).IsUnicode(false);
        builder.Property(e => e.JuridicalSituation).HasMaxLength(KboEnterprise.CodeMaxLength).IsUnicode(false);
        builder.Property(e => e.TypeOfEnterprise).HasMaxLength(1).IsUnicode(false);
        builder.Property(e => e.JuridicalForm).HasMaxLength(KboEnterprise.CodeMaxLength).IsUnicode(false);
        builder.Property(e => e.JuridicalFormCac).HasMaxLength(KboEnterprise.CodeMaxLength).IsUnicode(false);
        builder.Property(e => e.Name).HasMaxLength(Organisation.NameMaxLength);
        builder.Property(e => e.ShortName).HasMaxLength(Organisation.ShortNameMaxLength);
        builder.Property(e => e.LegalForm).HasMaxLength(Organisation.LegalFormMaxLength);
        builder.Property(e => e.RegisteredSeat).HasMaxLength(Organisation.RegisteredSeatMaxLength);
    }
}

internal sealed class KboDenominationConfiguration : IEntityTypeConfiguration<KboDenomination>
{
    public void Configure(EntityTypeBuilder<KboDenomination> builder)
    {
        builder.ToTable("KboDenominations");
        builder.HasKey(d => new { d.EntityNumber, d.Type, d.Language });
        builder.Property(d => d.EntityNumber).HasMaxLength(KboNumber.Length).IsUnicode(false);
        builder.Property(d => d.Type).HasMaxLength(3).IsUnicode(false);
        builder.Property(d => d.Language).HasMaxLength(1).IsUnicode(false);
        builder.Property(d => d.Value).HasMaxLength(KboDenomination.ValueMaxLength);
    }
}

internal sealed class KboAddressConfiguration : IEntityTypeConfiguration<KboAddress>
{
    public void Configure(EntityTypeBuilder<KboAddress> builder)
    {
        builder.ToTable("KboAddresses");
        builder.HasKey(a => a.EntityNumber);
        builder.Property(a => a.EntityNumber).HasMaxLength(KboNumber.Length).IsUnicode(false);
        builder.Property(a => a.CountryNL).HasMaxLength(KboAddress.ShortTextMaxLength * 2);
        builder.Property(a => a.CountryFR).HasMaxLength(KboAddress.ShortTextMaxLength * 2);
        builder.Property(a => a.Zipcode).HasMaxLength(KboAddress.ShortTextMaxLength);
        builder.Property(a => a.MunicipalityNL).HasMaxLength(KboAddress.TextMaxLength);
        builder.Property(a => a.MunicipalityFR).HasMaxLength(KboAddress.TextMaxLength);
        builder.Property(a => a.StreetNL).HasMaxLength(KboAddress.TextMaxLength);
        builder.Property(a => a.StreetFR).HasMaxLength(KboAddress.TextMaxLength);
        builder.Property(a => a.HouseNumber).HasMaxLength(KboAddress.ShortTextMaxLength);
        builder.Property(a => a.Box).HasMaxLength(KboAddress.ShortTextMaxLength);
        builder.Property(a => a.ExtraAddressInfo).HasMaxLength(KboAddress.TextMaxLength);
    }
}

internal sealed class KboCodeConfiguration : IEntityTypeConfiguration<KboCode>
{
    public void Configure(EntityTypeBuilder<KboCode> builder)
    {
        builder.ToTable("KboCodes");
        builder.HasKey(c => new { c.Category, c.Code, c.Language });
        builder.Property(c => c.Category).HasMaxLength(KboCode.CategoryMaxLength).IsUnicode(false);
        builder.Property(c => c.Code).HasMaxLength(KboCode.CodeMaxLength).IsUnicode(false);
        builder.Property(c => c.Language).HasMaxLength(KboCode.LanguageMaxLength).IsUnicode(false);
        builder.Property(c => c.Description).HasMaxLength(KboCode.DescriptionMaxLength);
    }
}

internal sealed class KboImportConfiguration : IEntityTypeConfiguration<KboImport>
{
    public void Configure(EntityTypeBuilder<KboImport> builder)
    {
        builder.ToTable("KboImports");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.ExtractType).HasMaxLength(KboImport.ExtractTypeMaxLength).IsUnicode(false);
        builder.Property(i => i.Source).HasMaxLength(KboImport.SourceMaxLength);
        builder.Property(i => i.Report).HasMaxLength(KboImport.ReportMaxLength);

        // The latest import answers "how current is the register's KBO copy".
        builder.HasIndex(i => i.FinishedAt);
    }
}
