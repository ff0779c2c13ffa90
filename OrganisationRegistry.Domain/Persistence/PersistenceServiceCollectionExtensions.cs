using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Auditing;

namespace OrganisationRegistry.Domain.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Registry";
    public const string DefaultSqliteConnectionString = "Data Source=organisation-registry.db";

    /// <summary>
    /// Registers the register's database: an <see cref="IDbContextFactory{TContext}"/> of <see cref="RegistryDbContext"/>
    /// (Blazor Server circuits live long, so every unit of work takes its own short-lived context, from a pool) on the provider that
    /// configuration names, with the interceptors registered as <see cref="IInterceptor"/>.
    /// </summary>
    public static IServiceCollection AddRegistryPersistence(this IServiceCollection services, IConfiguration configuration)
    {
        var provider = ReadProvider(configuration);
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is required for provider {provider}.");
        }

        services.AddSingleton(new RegistryDatabase(provider, connectionString));
        services.AddSingleton<IInterceptor, VersionInterceptor>();

        // The audit trail, after the version stamp (interceptors run in this order: the trail records the saved version).
        services.AddRegistryAuditing();
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                Register<SqliteRegistryDbContext>(services, options => options.UseSqlite(connectionString));
                break;
            case DatabaseProvider.PostgreSql:
                Register<PostgreSqlRegistryDbContext>(services, options => options.UseNpgsql(connectionString));
                break;
            case DatabaseProvider.SqlServer:
                Register<SqlServerRegistryDbContext>(services, options => options.UseSqlServer(connectionString));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider {provider}.");
        }

        return services;
    }

    public static DatabaseProvider ReadProvider(IConfiguration configuration)
    {
        var text = configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(text))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(text, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException(
                $"{ProviderKey} '{text}' is unknown; use one of {string.Join(", ", Enum.GetNames<DatabaseProvider>())}.");
    }

    private static void Register<TContext>(IServiceCollection services, Action<DbContextOptionsBuilder> useProvider)
        where TContext : RegistryDbContext
    {
        // Pooled: a unit of work rents a context that is already set up instead of building one (a context is made for
        // every query and write); RegistryDbContext forgets its audit context when it goes back to the pool.
        services.AddPooledDbContextFactory<TContext>((serviceProvider, options) =>
        {
            useProvider(options);
            options.AddInterceptors(serviceProvider.GetServices<IInterceptor>());
        });
        services.AddSingleton<IDbContextFactory<RegistryDbContext>>(serviceProvider =>
            new RegistryDbContextFactory<TContext>(serviceProvider.GetRequiredService<IDbContextFactory<TContext>>()));
    }

    private sealed class RegistryDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<RegistryDbContext>
        where TContext : RegistryDbContext
    {
        public RegistryDbContext CreateDbContext() => inner.CreateDbContext();

        public async Task<RegistryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
            await inner.CreateDbContextAsync(cancellationToken);
    }
}

/// <summary>Which database the app uses, as configured.</summary>
public sealed record RegistryDatabase(DatabaseProvider Provider, string ConnectionString);
