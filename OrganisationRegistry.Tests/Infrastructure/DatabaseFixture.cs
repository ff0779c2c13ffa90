using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Persistence;
using Respawn;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>
/// A real, migrated database of one provider for a collection of integration tests. Tests call
/// <see cref="ResetAsync"/> first (Respawn empties every table, then the OVO counter starts again at 1).
/// The integration test classes are written once against this type and run on both providers.
/// </summary>
public abstract class DatabaseFixture : IAsyncLifetime
{
    private Respawner? _respawner;
    private ServiceProvider? _services;

    public abstract DatabaseProvider Provider { get; }

    public string ConnectionString { get; private set; } = null!;

    /// <summary>The app's own service registrations (<see cref="RegistryServiceCollectionExtensions.AddRegistry"/>) on this database.</summary>
    public IServiceProvider Services => _services ?? throw new InvalidOperationException("The fixture is not initialised.");

    public IDbContextFactory<RegistryDbContext> Contexts => Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();

    /// <summary>Configuration for the app on this database (for hosting the web app or building services).</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        [PersistenceServiceCollectionExtensions.ProviderKey] = Provider.ToString(),
        [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = ConnectionString,
    };

    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync();
        _services = BuildServices();
        await DatabaseMigrator.MigrateAsync(Contexts);
    }

    public ServiceProvider BuildServices(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddRegistry(configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider(validateScopes: true);
    }

    public async Task ResetAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        _respawner ??= await Respawner.CreateAsync(connection, RespawnerOptions);
        await _respawner.ResetAsync(connection);
        db.Sequences.Add(new RegistrySequence(RegistrySequence.OvoCode, 1));
        await db.SaveChangesAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await DropDatabaseAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract RespawnerOptions RespawnerOptions { get; }

    protected abstract Task<string> CreateDatabaseAsync();

    protected abstract Task DropDatabaseAsync();

    public override string ToString() => Provider.ToString();
}

/// <summary>
/// A SQLite database in a temporary file (a real file, as the app uses). Without connection pooling (xunit's fixture),
/// so nothing keeps the file open; or with pooling as the app has it (benchmarks), the pool cleared at the end.
/// </summary>
public sealed class SqliteDatabaseFixture : DatabaseFixture
{
    private readonly bool _pooling;

    public SqliteDatabaseFixture()
        : this(pooling: false)
    {
    }

    // Not public: xunit builds fixtures through their one public constructor.
    internal SqliteDatabaseFixture(bool pooling) => _pooling = pooling;

    private readonly string _directory = Directory.CreateTempSubdirectory("registry-tests-").FullName;

    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

    protected override RespawnerOptions RespawnerOptions => new()
    {
        DbAdapter = DbAdapter.Sqlite,

        // The search index's own tables (FTS5 shadow tables): emptying them by hand breaks the index. The index is
        // emptied through its virtual table and by the triggers on Organisations.
        TablesToIgnore =
        [
            "__EFMigrationsHistory",
            "OrganisationSearchIndex_data",
            "OrganisationSearchIndex_idx",
            "OrganisationSearchIndex_content",
            "OrganisationSearchIndex_docsize",
            "OrganisationSearchIndex_config",
        ],
    };

    protected override Task<string> CreateDatabaseAsync() =>
        Task.FromResult($"Data Source={Path.Combine(_directory, "registry.db")}{(_pooling ? string.Empty : ";Pooling=False")}");

    protected override Task DropDatabaseAsync()
    {
        if (_pooling)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        Directory.Delete(_directory, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// A fresh database on the PostgreSQL server that <c>scripts/test.sh</c> starts (connection string in the
/// environment variable <see cref="ConnectionStringVariable"/>), dropped again afterwards.
/// </summary>
public sealed class PostgreSqlDatabaseFixture : DatabaseFixture
{
    public const string ConnectionStringVariable = "REGISTRY_TEST_POSTGRES";

    private readonly string _databaseName = $"registry_test_{Guid.NewGuid():N}";
    private string? _serverConnectionString;

    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;

    protected override RespawnerOptions RespawnerOptions => new()
    {
        DbAdapter = DbAdapter.Postgres,
        SchemasToInclude = ["public"],
        TablesToIgnore = ["__EFMigrationsHistory"],
    };

    protected override async Task<string> CreateDatabaseAsync()
    {
        _serverConnectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(_serverConnectionString))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests need a server: run them with scripts/test.sh, or set {ConnectionStringVariable} to a server's connection string.");
        }

        await ExecuteOnServerAsync($"CREATE DATABASE \"{_databaseName}\"");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(_serverConnectionString) { Database = _databaseName };
        return builder.ConnectionString;
    }

    protected override async Task DropDatabaseAsync()
    {
        if (_serverConnectionString is not null)
        {
            Npgsql.NpgsqlConnection.ClearAllPools();
            await ExecuteOnServerAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)");
        }
    }

    private async Task ExecuteOnServerAsync(string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteDatabaseFixture>
{
    public const string Name = "SQLite";
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlDatabaseFixture>
{
    public const string Name = "PostgreSQL";
}
