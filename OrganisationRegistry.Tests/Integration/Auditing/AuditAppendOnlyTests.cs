using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>No path in the app changes or removes an entry: the change tracker and ExecuteUpdate/ExecuteDelete are refused.</summary>
public abstract class AuditAppendOnlyTests(DatabaseFixture database) : AuditTests(database)
{
    [Fact]
    public async Task ChangingATrackedEntry_IsRefused_AndNothingIsWritten()
    {
        var before = await SnapshotAsync();
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var entry = await db.AuditEntries.SingleAsync(e => e.Position == 3, Ct);
        db.Entry(entry).Property(e => e.ActorName).CurrentValue = "Iemand anders";

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal("The audit trail is append-only: entry 3 cannot be changed or deleted.", refused.Message);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task DeletingATrackedEntry_IsRefused()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        db.AuditEntries.Remove(await db.AuditEntries.SingleAsync(e => e.Position == 3, Ct));

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync(Ct));

        Assert.True(await ReadAsync(d => d.AuditEntries.AnyAsync(e => e.Position == 3, Ct)));
    }

    [Fact]
    public async Task ExecuteUpdateAndExecuteDelete_OnTheTrail_AreRefused()
    {
        var before = await SnapshotAsync();
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.Where(e => e.Position == 3).ExecuteUpdateAsync(s => s.SetProperty(e => e.Reason, "later"), Ct));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.AuditEntries.ExecuteDeleteAsync(Ct));

        Assert.Equal(before, await SnapshotAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditAppendOnlyTestsOnSqlite(SqliteDatabaseFixture database) : AuditAppendOnlyTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditAppendOnlyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditAppendOnlyTests(database);
