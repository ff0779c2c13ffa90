using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>The base of the service tests: a fresh <see cref="RegistryWorld"/> per test, and ways to look at the database.</summary>
public abstract class ServiceTests(DatabaseFixture database) : IAsyncLifetime
{
    protected DatabaseFixture Database { get; } = database;

    internal RegistryWorld World { get; private set; } = null!;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => World = await RegistryWorld.CreateAsync(Database, Ct);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected async Task<T> ReadAsync<T>(Func<RegistryDbContext, Task<T>> query)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await query(db);
    }

    /// <summary>An organisation with a chosen OVO code (so that a test can state its exact message), stored directly.</summary>
    protected async Task<Organisation> StoreOrganisationAsync(int ovoNumber, string name, KboNumber? kboNumber = null, DateOnly? validTo = null)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var organisation = Organisation.Create(OvoCode.FromNumber(ovoNumber), new OrganisationDetails(name, KboNumber: kboNumber, Validity: new(null, validTo)));
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(Ct);
        return organisation;
    }

    protected Task<IReadOnlyList<string>> SnapshotAsync() => DatabaseSnapshot.TakeAsync(Database, Ct);

    protected Task<int> CountAsync<TEntity>()
        where TEntity : class => ReadAsync(db => db.Set<TEntity>().CountAsync(Ct));
}
