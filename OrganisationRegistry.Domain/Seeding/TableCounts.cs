using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>The number of rows in every table of the model, for reports after a seed.</summary>
public static class TableCounts
{
    public static async Task<IReadOnlyList<(string Table, long Rows)>> CountAsync(RegistryDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var counts = new List<(string, long)>();
            foreach (var entityType in DatabaseReset.InDeleteOrder(db.Model).Reverse())
            {
                var table = entityType.GetTableName()!;
                await using var command = connection.CreateCommand();
                command.CommandText = "SELECT COUNT(*) FROM " + sql.DelimitIdentifier(table, entityType.GetSchema());
                command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                counts.Add((table, Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture)));
            }

            return counts;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
