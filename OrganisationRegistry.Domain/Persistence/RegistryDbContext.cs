using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Persistence;

/// <summary>
/// The one EF Core model of the register. Each database provider has a small derived context
/// (<see cref="SqliteRegistryDbContext"/>, ...) only so that each keeps its own migrations.
/// </summary>
public abstract class RegistryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    public DbSet<OrganisationParent> OrganisationParents => Set<OrganisationParent>();

    public DbSet<OrganisationKey> OrganisationKeys => Set<OrganisationKey>();

    public DbSet<KeyType> KeyTypes => Set<KeyType>();

    public DbSet<PolicyDomain> PolicyDomains => Set<PolicyDomain>();

    public DbSet<ApplicationDomain> ApplicationDomains => Set<ApplicationDomain>();

    public DbSet<DomainCategory> DomainCategories => Set<DomainCategory>();

    public DbSet<DomainSteward> DomainStewards => Set<DomainSteward>();

    public DbSet<DomainAssignment> DomainAssignments => Set<DomainAssignment>();

    public DbSet<RegistrySequence> Sequences => Set<RegistrySequence>();

    /// <summary>Roles that central staff granted people in the register (rights as data).</summary>
    public DbSet<UserGrant> UserGrants => Set<UserGrant>();

    /// <summary>The partner systems registered to use the API (rights as data, like <see cref="UserGrants"/>).</summary>
    public DbSet<ApiClient> ApiClients => Set<ApiClient>();

    /// <summary>The first answers to API requests with an <c>Idempotency-Key</c> (not audited).</summary>
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();

    /// <summary>The register's copy of the KBO enterprises it needs (replaced by each KBO import, not audited row by row).</summary>
    public DbSet<KboEnterprise> KboEnterprises => Set<KboEnterprise>();

    public DbSet<KboDenomination> KboDenominations => Set<KboDenomination>();

    public DbSet<KboAddress> KboAddresses => Set<KboAddress>();

    public DbSet<KboCode> KboCodes => Set<KboCode>();

    /// <summary>The KBO extracts read in (audited).</summary>
    public DbSet<KboImport> KboImports => Set<KboImport>();

    /// <summary>The audit trail: append-only, written by the audit interceptor in the transaction of each change.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>What the current write is (actor, reason, correlation id), set by the write services before saving; <c>null</c> for other writes.</summary>
    public AuditContext? Audit { get; set; }

    // Contexts are pooled (PersistenceServiceCollectionExtensions): EF Core resets its own state when one goes back to the
    // pool, not ours, so the next unit of work must not inherit this one's actor.
    public override void Dispose()
    {
        Audit = null;
        base.Dispose();
    }

    public override ValueTask DisposeAsync()
    {
        Audit = null;
        return base.DisposeAsync();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);

        // The domain makes its own ids (Guid.CreateVersion7). Without this, EF Core takes a new child that a loaded
        // aggregate adds to its collection (an assignment, a key, a parent link) for an existing row and updates it.
        foreach (var property in modelBuilder.Model.GetEntityTypes()
                     .SelectMany(e => e.FindPrimaryKey()?.Properties ?? [])
                     .Where(p => p.ClrType == typeof(Guid)))
        {
            property.ValueGenerated = ValueGenerated.Never;
        }
    }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options);

public sealed class PostgreSqlRegistryDbContext(DbContextOptions<PostgreSqlRegistryDbContext> options) : RegistryDbContext(options);

public sealed class SqlServerRegistryDbContext(DbContextOptions<SqlServerRegistryDbContext> options) : RegistryDbContext(options);
