using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>Bulk work (the seed, later imports) is audited too: one insert entry per row, in the batch's transaction, as one action.</summary>
public abstract class AuditBulkTests(DatabaseFixture database) : AuditTests(database)
{
    private RegistrySeeder Seeder => Database.Services.GetRequiredService<RegistrySeeder>();

    [Fact]
    public async Task ASeed_WritesOneInsertEntryPerRow_AsOneActionOfTheSystem_AndTheTrailReplaysToTheDatabase()
    {
        await Database.ResetAsync();

        var result = await Seeder.SeedAsync(new SeedOptions(300, RandomSeed: 5), cancellationToken: Ct);

        var trail = await TrailAsync();
        var rows = await ReadAsync(async db => (await TableCounts.CountAsync(db, Ct)).Where(t => t.Table is not "Sequences" and not "AuditEntries").ToList());
        Assert.Equal(rows.Sum(t => t.Rows), trail.Count);
        Assert.True(result.RowsWritten["AuditEntries"] > 300, "The bulk rows' entries go through the bulk inserter.");
        Assert.All(trail, e => Assert.Equal(AuditOperation.Insert, e.Operation));
        Assert.Equal(
            (AuditContext.ForSystem().ActorId, RegistryUserKind.System, AuditChannel.System),
            Assert.Single(trail.Select(e => (e.ActorId, e.ActorKind, e.Channel)).Distinct()));
        Assert.Single(trail.Select(e => e.CorrelationId).Distinct());
        Assert.Equal("Seed: referentiegegevens en 300 gegenereerde organisaties (random seed 5).", trail[0].Reason);
        Assert.All(trail.Where(e => e.EntityType is "Organisation" or "OrganisationParent" or "OrganisationKey" or "DomainAssignment"), e => Assert.NotNull(e.OrganisationOvoCode));
        Assert.All(trail.Where(e => e.EntityType is "DomainAssignment" or "DomainCategory"), e => Assert.NotNull(e.DomainCode));

        Assert.Equal(await ReadAsync(db => AuditReplay.FromDatabaseAsync(db, Ct)), await ReadAsync(db => Task.FromResult(AuditReplay.FromTrail(db.Model, trail))));
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ASecondSeed_ContinuesTheChain_AsAnotherAction_AndAResetStartsANewTrail()
    {
        await Database.ResetAsync();
        await Seeder.SeedAsync(new SeedOptions(100, RandomSeed: 1), cancellationToken: Ct);
        var first = await LastPositionAsync();

        await Seeder.SeedAsync(new SeedOptions(100, RandomSeed: 1), cancellationToken: Ct);

        var trail = await TrailAsync();
        Assert.True(trail.Count > first);
        Assert.Equal(2, trail.Select(e => e.CorrelationId).Distinct().Count());
        Assert.True((await VerifyAsync()).IsIntact);

        await Seeder.SeedAsync(new SeedOptions(50, RandomSeed: 2, Reset: true), cancellationToken: Ct);

        var afterReset = await TrailAsync();
        Assert.Equal(1, afterReset[0].Position);
        Assert.Single(afterReset.Select(e => e.CorrelationId).Distinct());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task BulkInserts_WithoutAuditContext_AndWithoutPassingTheListener_AreStillAudited()
    {
        var before = await LastPositionAsync();

        await InsertInBulkAsync(commit: true, (500, "Stad Gent"), (501, "Stad Brugge"));

        var entries = await TrailAfterAsync(before);
        Assert.Equal(["OVO000500", "OVO000501"], entries.Select(e => e.OrganisationOvoCode));
        Assert.All(entries, e => Assert.Equal(AuditContext.UnknownActorId, e.ActorId));
        Assert.Single(entries.Select(e => e.CorrelationId).Distinct());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ABulkBatchThatRollsBack_LeavesNoEntry()
    {
        var before = await SnapshotAsync();

        await InsertInBulkAsync(commit: false, (500, "Stad Gent"));

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(await LastPositionAsync() + 1, await AuditCounterAsync());
    }

    /// <summary>Organisations through a <see cref="BulkInserter"/> begun without listeners, on a context without audit context.</summary>
    private async Task InsertInBulkAsync(bool commit, params (int OvoNumber, string Name)[] organisations)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        await using var transaction = await db.Database.BeginTransactionAsync(Ct);
        await using (var inserter = BulkInserter.Begin(db))
        {
            await inserter.InsertAsync([.. organisations.Select(o => Organisation.Create(OvoCode.FromNumber(o.OvoNumber), new OrganisationDetails(o.Name)))], Ct);
        }

        if (commit)
        {
            await transaction.CommitAsync(Ct);
        }
        else
        {
            await transaction.RollbackAsync(Ct);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditBulkTestsOnSqlite(SqliteDatabaseFixture database) : AuditBulkTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditBulkTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditBulkTests(database);
