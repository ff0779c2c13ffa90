using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace OrganisationRegistry.Domain.Persistence;

/// <summary>Brings the configured database to the latest migration of its provider.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(IDbContextFactory<RegistryDbContext> contexts, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        if (db.Database.GetDbConnection() is SqliteConnection)
        {
            // Write-ahead logging lets readers (the app's pages) go on while a writer (a seed, an import) works.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await db.Database.MigrateAsync(cancellationToken);
    }
}
