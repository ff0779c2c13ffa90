using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Persistence.Configurations;

internal sealed class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ClientId).HasMaxLength(ApiClient.ClientIdMaxLength).IsUnicode(false);
        builder.Property(c => c.Name).HasMaxLength(ApiClient.NameMaxLength);
        builder.Property(c => c.Scopes).HasMaxLength(ApiClient.ScopesMaxLength).IsUnicode(false);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.Ignore(c => c.AllowedScopes);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);

        // Every API call finds its client by id.
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.HasIndex(c => c.OrganisationId);
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");

        // The key is the claim: a second insert of the same client and key fails, so one request writes.
        builder.HasKey(r => new { r.ClientId, r.Key });
        builder.Property(r => r.ClientId).HasMaxLength(IdempotencyRecord.ClientIdMaxLength).IsUnicode(false);
        builder.Property(r => r.Key).HasMaxLength(IdempotencyRecord.KeyMaxLength);
        builder.Property(r => r.RequestHash).HasMaxLength(IdempotencyRecord.RequestHashLength).IsUnicode(false);
        builder.Property(r => r.Location).HasMaxLength(IdempotencyRecord.LocationMaxLength);
        builder.Property(r => r.ETag).HasMaxLength(IdempotencyRecord.ETagMaxLength);
        builder.Ignore(r => r.IsCompleted);

        // Expired records are removed by age.
        builder.HasIndex(r => r.CreatedAt);
    }
}
