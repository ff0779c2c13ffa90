using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>The trail and the change commit together or not at all: a save that fails writes no entry and leaves no gap.</summary>
public abstract class AuditAtomicityTests(DatabaseFixture database) : AuditTests(database)
{
    private const string Bestuursdecreet = RegistryWorld.BestuursdecreetCode;

    [Fact]
    public async Task ARuleViolation_WritesNoEntry()
    {
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<DomainRuleException>(() => World.Assignments.AssignAsync(
            World.AopExpert, new AssignToDomain(World.Department.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2024"), null), Ct));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AStaleVersion_WritesNoEntry()
    {
        var before = await SnapshotAsync();

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => World.Assignments.ChangeAsync(
            World.AopExpert, new ChangeAssignment(World.DepartmentAssignment(Bestuursdecreet).Id, 7, "departement", null, null), Ct));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AConcurrencyConflictAtSave_WritesNoEntry_AndTheNextSaveChainsOn()
    {
        await using var first = await Database.Contexts.CreateDbContextAsync(Ct);
        await using var second = await Database.Contexts.CreateDbContextAsync(Ct);
        var mine = await first.Organisations.SingleAsync(o => o.Id == World.Outside.Id, Ct);
        var theirs = await second.Organisations.SingleAsync(o => o.Id == World.Outside.Id, Ct);
        mine.Update(new OrganisationDetails("Departement MOW"));
        await first.SaveChangesAsync(Ct);
        var after = await LastPositionAsync();

        theirs.Update(new OrganisationDetails("Departement Mobiliteit"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(Ct));

        Assert.Equal(after, await LastPositionAsync());
        Assert.Equal(after + 1, await AuditCounterAsync());
        Assert.Empty(second.ChangeTracker.Entries<AuditEntry>());
        await StoreOrganisationAsync(123, "Agentschap Innoveren en Ondernemen");
        Assert.Equal(after + 1, await LastPositionAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ADatabaseError_WritesNoEntry()
    {
        var before = await SnapshotAsync();
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);

        // The key type code is unique: the database refuses the second "orafin".
        db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(123), new OrganisationDetails("Agentschap Innoveren en Ondernemen")));
        db.KeyTypes.Add(new KeyType("orafin", "Orafin (dubbel)"));
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task AFailedSave_InATransactionThatGoesOn_LeavesNoGapInTheTrail()
    {
        var before = await LastPositionAsync();
        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(123), new OrganisationDetails("Agentschap Innoveren en Ondernemen")));
            await db.SaveChangesAsync(Ct);

            var duplicate = new KeyType("orafin", "Orafin (dubbel)");
            db.KeyTypes.Add(duplicate);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
            db.Entry(duplicate).State = EntityState.Detached;

            db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(124), new OrganisationDetails("Agentschap Landbouw en Zeevisserij")));
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        var entries = await TrailAfterAsync(before);
        Assert.Equal([before + 1, before + 2], entries.Select(e => e.Position));
        Assert.Equal(["OVO000123", "OVO000124"], entries.Select(e => e.OrganisationOvoCode));
        Assert.Equal(before + 3, await AuditCounterAsync());
        Assert.True((await VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task ASaveWhoseTransactionRollsBack_LeavesNoEntry_AndGivesItsPositionsBack()
    {
        var before = await SnapshotAsync();
        var counter = await AuditCounterAsync();
        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(123), new OrganisationDetails("Agentschap Innoveren en Ondernemen")));
            await db.SaveChangesAsync(Ct);
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(before, await SnapshotAsync());
        Assert.Equal(counter, await AuditCounterAsync());
    }

    [Fact]
    public async Task ConcurrentWriters_AppendOneAfterAnother_AndTheChainHolds()
    {
        var before = await LastPositionAsync();
        Organisation[] organisations = [World.Aop, World.Dfb, World.Department, World.Daughter, World.Granddaughter, World.Outside];

        await Task.WhenAll(organisations.Select((organisation, i) => Task.Run(async () =>
        {
            for (var round = 1; round <= 3; round++)
            {
                // A writer that meets another one at the same moment is told to try again ("tegelijk gewijzigd").
                for (var attempt = 0; ; attempt++)
                {
                    try
                    {
                        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(organisation.OvoCode.Value, round, $"{organisation.Name} {round}"), Ct);
                        break;
                    }
                    catch (ConcurrencyConflictException) when (attempt < 50)
                    {
                        await Task.Delay(10 + (i * 7), Ct);
                    }
                }
            }
        })));

        var entries = await TrailAfterAsync(before);
        Assert.Equal(organisations.Length * 3, entries.Count);
        Assert.Equal(Enumerable.Range(1, entries.Count).Select(p => before + p), entries.Select(e => e.Position));
        Assert.True((await VerifyAsync()).IsIntact);
        Assert.Equal(before + entries.Count + 1, await AuditCounterAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditAtomicityTestsOnSqlite(SqliteDatabaseFixture database) : AuditAtomicityTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditAtomicityTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditAtomicityTests(database);
