using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Persistence;

/// <summary>Optimistic concurrency with the app-managed version token, on every provider.</summary>
public abstract class ConcurrencyTests(DatabaseFixture database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task SecondWriterOfTheSameVersion_GetsAConflict_AndTheFirstChangeStays()
    {
        var ct = TestContext.Current.CancellationToken;
        Guid id;
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var organisation = Organisation.Create(await OvoCodeIssuer.NextAsync(db, ct), new OrganisationDetails("Departement Omgeving"));
            db.Add(organisation);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            id = organisation.Id;
            Assert.Equal(1, organisation.Version);
        }

        await using var first = await database.Contexts.CreateDbContextAsync(ct);
        await using var second = await database.Contexts.CreateDbContextAsync(ct);
        var mine = await first.Organisations.SingleAsync(o => o.Id == id, ct);
        var theirs = await second.Organisations.SingleAsync(o => o.Id == id, ct);

        mine.Update(new OrganisationDetails("Departement Omgeving", ShortName: "OMG"));
        await first.SaveChangesAsync(ct);
        Assert.Equal(2, mine.Version);

        theirs.Update(new OrganisationDetails("Departement Ruimte"));
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync(ct));

        await using var check = await database.Contexts.CreateDbContextAsync(ct);
        var stored = await check.Organisations.SingleAsync(o => o.Id == id, ct);
        Assert.Equal("Departement Omgeving", stored.Name);
        Assert.Equal("OMG", stored.ShortName);
    }

    [Fact]
    public async Task OvoCodes_AreIssuedInSequence_AndNotReusedAfterARollback()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            var codes = await OvoCodeIssuer.ReserveAsync(db, 3, ct);
            Assert.Equal(["OVO000001", "OVO000002", "OVO000003"], codes.Select(c => c.Value));
            await transaction.CommitAsync(ct);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(ct))
        {
            Assert.Equal("OVO000004", (await OvoCodeIssuer.NextAsync(db, ct)).Value);
            await transaction.CommitAsync(ct);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ConcurrencyTestsOnSqlite(SqliteDatabaseFixture database) : ConcurrencyTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ConcurrencyTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ConcurrencyTests(database);
