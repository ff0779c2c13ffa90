using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Persistence;

/// <summary>
/// Maintains the optimistic concurrency token of every <see cref="IVersioned"/> row: 1 on insert, +1 on update.
/// The update's WHERE clause carries the version that was read, so a concurrent change makes the save fail with a
/// <see cref="DbUpdateConcurrencyException"/> instead of silently overwriting it.
/// </summary>
public sealed class VersionInterceptor : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Stamp(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        foreach (var entry in context.ChangeTracker.Entries<IVersioned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.Version = 1;
                    break;
                case EntityState.Modified:
                    var property = entry.Property(e => e.Version);
                    property.CurrentValue = property.OriginalValue + 1;
                    break;
                default:
                    break;
            }
        }
    }
}
