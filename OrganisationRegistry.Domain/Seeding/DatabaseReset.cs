using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>
/// Empties every table of the model (dependents before the rows they point to), the audit trail included, and starts
/// the counters (OVO codes, audit positions) at 1 again. The schema and the migrations history stay. Only for
/// development and test databases: this is the one path that deletes audit entries, in raw SQL.
/// </summary>
public static class DatabaseReset
{
    public static async Task EmptyAsync(RegistryDbContext db, CancellationToken cancellationToken = default)
    {
        var sql = db.GetService<ISqlGenerationHelper>();
        var sequences = db.Model.FindEntityType(typeof(RegistrySequence));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var entityType in InDeleteOrder(db.Model).Where(e => e != sequences))
        {
            var statement = "DELETE FROM " + sql.DelimitIdentifier(entityType.GetTableName()!, entityType.GetSchema());
            await db.Database.ExecuteSqlRawAsync(statement, cancellationToken);
        }

        // Every counter starts again, the audit trail's too: its entries were deleted with the rest.
        await db.Sequences.ExecuteUpdateAsync(s => s.SetProperty(x => x.NextValue, 1L).SetProperty(x => x.LastHash, (byte[]?)null), cancellationToken);
        if (!await db.Sequences.AnyAsync(s => s.Name == RegistrySequence.OvoCode, cancellationToken))
        {
            db.Sequences.Add(new RegistrySequence(RegistrySequence.OvoCode, 1));
            await db.SaveChangesAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
    }

    /// <summary>The entity types mapped to tables, each before every type its foreign keys point to.</summary>
    public static IReadOnlyList<IEntityType> InDeleteOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()).ToList();
        var ordered = new List<IEntityType>(types.Count);
        var visited = new HashSet<IEntityType>();

        // Depth first over "is referenced by": a type is listed only after all types that point to it.
        void Visit(IEntityType type)
        {
            if (!visited.Add(type))
            {
                return;
            }

            foreach (var dependent in type.GetReferencingForeignKeys().Select(fk => fk.DeclaringEntityType).Where(d => d != type))
            {
                Visit(dependent);
            }

            ordered.Add(type);
        }

        foreach (var type in types.OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            Visit(type);
        }

        return ordered;
    }
}
