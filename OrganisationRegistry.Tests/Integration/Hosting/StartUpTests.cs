using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Hosting;

/// <summary>How the web app starts, and how it reports a database it cannot use.</summary>
public sealed class StartUpTests
{
    [Fact]
    public async Task HealthReady_WhenTheDatabaseIsUnreachable_Answers503_WhileLiveStays200()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new RegistryWebApplicationFactory(new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = nameof(DatabaseProvider.PostgreSql),
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] =
                $"Host=127.0.0.1;Port={ClosedPort()};Database=registry;Username=registry;Timeout=5",
        });
        var client = app.CreateClient();

        using var ready = await client.GetAsync("/health/ready", ct);
        using var live = await client.GetAsync("/health/live", ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync(ct));
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    [Fact]
    public async Task HealthReady_OnAnUnmigratedDatabase_Answers503()
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile();

        using var ready = await app.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task UnknownProvider_FailsStartUp_NamingTheValidProviders()
    {
        await using var app = new RegistryWebApplicationFactory(new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = "Oracle",
        });

        var exception = Assert.Throws<InvalidOperationException>(() => app.CreateClient());

        Assert.Equal("Database:Provider 'Oracle' is unknown; use one of Sqlite, PostgreSql, SqlServer.", exception.Message);
    }

    [Fact]
    public async Task DevelopmentStartUp_MigratesAnEmptyDatabase()
    {
        var ct = TestContext.Current.CancellationToken;
        // Development also fills an empty database with demo data; a small set keeps this test about start-up.
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile(
            environment: "Development",
            extraSettings: new Dictionary<string, string?> { ["Seeding:DemoOrganisations"] = "20" });

        using var ready = await app.CreateClient().GetAsync("/health/ready", ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(ct);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync(ct));
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(ct));
        // The tables exist: querying them does not fail.
        await db.Organisations.CountAsync(ct);
        await db.ApplicationDomains.CountAsync(ct);
    }

    private static int ClosedPort()
    {
        // A port that was free a moment ago: nothing listens on it.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
