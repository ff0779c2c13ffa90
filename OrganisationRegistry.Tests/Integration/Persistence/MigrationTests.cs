using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Integration.Persistence;

/// <summary>
/// The migrations of every provider hold the whole model. Offline: the contexts get a connection string that is
/// never opened, so the SQL Server migrations are checked too although no SQL Server runs here.
/// </summary>
public sealed class MigrationTests
{
    public static TheoryData<DatabaseProvider> Providers => [.. Enum.GetValues<DatabaseProvider>()];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Model_HasNoChangesThatAMigrationLacks(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);

        Assert.False(
            db.Database.HasPendingModelChanges(),
            $"The model has changes that the {provider} migrations lack. Run scripts/add-migration.sh <Name> " +
            "(it adds the migration for every provider) and commit the new migrations.");
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Script_CreatesEveryTableOfTheModel_UpToTheLatestMigration(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider);

        // The deployment script is idempotent; EF Core cannot make one for SQLite, which gets the plain full script.
        var options = provider == DatabaseProvider.Sqlite ? MigrationsSqlGenerationOptions.Default : MigrationsSqlGenerationOptions.Idempotent;
        var script = db.GetService<IMigrator>().GenerateScript(options: options);

        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = db.Model.GetEntityTypes()
            .Select(e => (Name: e.GetTableName(), Schema: e.GetSchema()))
            .Where(t => t.Name is not null)
            .Distinct()
            .ToList();
        Assert.NotEmpty(tables);
        Assert.All(tables, table => Assert.Contains($"CREATE TABLE {sql.DelimitIdentifier(table.Name!, table.Schema)}", script, StringComparison.Ordinal));
        Assert.Contains(db.Database.GetMigrations().Last(), script, StringComparison.Ordinal);
    }

    /// <summary>The check above is not vacuous: one extra index in the model, and it reports pending changes.</summary>
    [Theory]
    [MemberData(nameof(Providers))]
    public void PendingModelChangeCheck_NoticesAChangedModel(DatabaseProvider provider)
    {
        using var db = OfflineContext(provider, options => options.ReplaceService<IModelCustomizer, ExtraIndexCustomizer>());

        Assert.True(db.Database.HasPendingModelChanges());
    }

    private static RegistryDbContext OfflineContext(DatabaseProvider provider, Action<DbContextOptionsBuilder>? configure = null)
    {
        // Never opened: building the model, comparing it with the snapshot and scripting need no server.
        return provider switch
        {
            DatabaseProvider.Sqlite => new SqliteRegistryDbContext(Options<SqliteRegistryDbContext>(o => o.UseSqlite("Data Source=offline.db"), configure)),
            DatabaseProvider.PostgreSql => new PostgreSqlRegistryDbContext(Options<PostgreSqlRegistryDbContext>(o => o.UseNpgsql("Host=127.0.0.1;Database=offline"), configure)),
            DatabaseProvider.SqlServer => new SqlServerRegistryDbContext(Options<SqlServerRegistryDbContext>(o => o.UseSqlServer("Server=127.0.0.1;Database=Offline;TrustServerCertificate=True"), configure)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Add the new provider's context here."),
        };
    }

    private static DbContextOptions<TContext> Options<TContext>(Action<DbContextOptionsBuilder> useProvider, Action<DbContextOptionsBuilder>? configure)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        useProvider(builder);
        configure?.Invoke(builder);
        return builder.Options;
    }

    private sealed class ExtraIndexCustomizer(ModelCustomizerDependencies dependencies) : RelationalModelCustomizer(dependencies)
    {
        public override void Customize(ModelBuilder modelBuilder, DbContext context)
        {
            base.Customize(modelBuilder, context);
            modelBuilder.Entity<Organisation>().HasIndex(o => o.ShortName);
        }
    }
}
