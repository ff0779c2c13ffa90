using System.Globalization;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Rights;

/// <summary>
/// Every row of every table of the model with all its values, sorted: two snapshots are equal exactly when nothing
/// was written in between (a denied write), and differ when anything was (an allowed one).
/// </summary>
internal static class DatabaseSnapshot
{
    private static readonly MethodInfo RowsOfMethod = typeof(DatabaseSnapshot).GetMethod(nameof(RowsOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static async Task<IReadOnlyList<string>> TakeAsync(DatabaseFixture database, CancellationToken cancellationToken)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(cancellationToken);
        var rows = new List<string>();
        foreach (var entityType in db.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            var task = (Task<List<string>>)RowsOfMethod.MakeGenericMethod(entityType.ClrType).Invoke(null, [db, entityType, cancellationToken])!;
            rows.AddRange(await task);
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static async Task<List<string>> RowsOf<TEntity>(DbContext db, IEntityType entityType, CancellationToken cancellationToken)
        where TEntity : class
    {
        var entities = await db.Set<TEntity>().AsNoTracking().ToListAsync(cancellationToken);
        return [.. entities.Select(entity =>
        {
            var entry = db.Entry(entity);
            var values = entityType.GetProperties().Select(p => $"{p.Name}={Convert.ToString(entry.Property(p.Name).CurrentValue, CultureInfo.InvariantCulture)}");
            return $"{entityType.ClrType.Name}: {string.Join("; ", values)}";
        })];
    }
}
