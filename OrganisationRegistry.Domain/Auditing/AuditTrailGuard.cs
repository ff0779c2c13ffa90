using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// Keeps <c>ExecuteUpdate</c> and <c>ExecuteDelete</c> (which bypass SaveChanges and so <see cref="AuditInterceptor"/>)
/// away from the trail: the app never updates or deletes an audit entry. Only a development reset empties the trail,
/// with the rest of the database, in raw SQL.
/// </summary>
public sealed class AuditTrailGuard : DbCommandInterceptor
{
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Check(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Check(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Check(DbCommand command, CommandEventData eventData)
    {
        if (eventData.CommandSource is not (CommandSource.ExecuteUpdate or CommandSource.ExecuteDelete)
            || eventData.Context?.Model.FindEntityType(typeof(AuditEntry)) is not { } entries)
        {
            return;
        }

        var table = eventData.Context.GetService<ISqlGenerationHelper>().DelimitIdentifier(entries.GetTableName()!, entries.GetSchema());
        if (command.CommandText.Contains(table, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("The audit trail is append-only: no ExecuteUpdate or ExecuteDelete may touch its entries.");
        }
    }
}
