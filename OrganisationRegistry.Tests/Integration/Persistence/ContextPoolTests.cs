using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Persistence;

/// <summary>
/// Contexts come from a pool (one is rented for every query and write): what one unit of work left on its context must
/// not reach the next one that rents it.
/// </summary>
public abstract class ContextPoolTests(DatabaseFixture database) : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task AContextBackFromThePool_ForgetsWhoWroteWithIt_WhatItTracked_AndItsCommandTimeout()
    {
        RegistryDbContext first;
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            first = db;
            db.Audit = AuditContext.For(RegistryUser.System, "vorige schrijfactie");
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            db.Add(Organisation.Create(OvoCode.Parse("OVO999999"), new OrganisationDetails("Nooit bewaard")));
        }

        // The pool hands out the context returned longest ago: rent until the same one comes back.
        var rented = new List<RegistryDbContext>();
        try
        {
            RegistryDbContext? next = null;
            while (next is null && rented.Count < 1000)
            {
                var candidate = await database.Contexts.CreateDbContextAsync(Ct);
                rented.Add(candidate);
                next = ReferenceEquals(candidate, first) ? candidate : null;
            }

            Assert.NotNull(next);
            Assert.Null(next.Audit);
            Assert.Empty(next.ChangeTracker.Entries());
            Assert.NotEqual(3600, next.Database.GetCommandTimeout());
        }
        finally
        {
            foreach (var context in rented)
            {
                await context.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AWriteThatSaysNotWhoWrites_IsNotCreditedToWhoeverUsedTheContextBefore()
    {
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            db.Audit = new AuditContext("persoon@vlaanderen.be", "Een Persoon", RegistryUserKind.Person, "vorige");
        }

        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(Ct);
            db.Add(Organisation.Create(await OvoCodeIssuer.NextAsync(db, Ct), new OrganisationDetails("Agentschap Zonder Schrijver")));
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        await using var check = await database.Contexts.CreateDbContextAsync(Ct);
        var entry = await check.AuditEntries.AsNoTracking().OrderByDescending(e => e.Position).FirstAsync(Ct);
        Assert.Equal("Organisation", entry.EntityType);
        Assert.Equal(AuditContext.UnknownActorId, entry.ActorId);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ContextPoolTestsOnSqlite(SqliteDatabaseFixture database) : ContextPoolTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ContextPoolTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ContextPoolTests(database);
