using OrganisationRegistry.Domain.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Seeding;

/// <summary>The <c>seed</c> command end to end through the command line, and the Development auto-seed, on SQLite.</summary>
[Collection(SqliteCollection.Name)]
public sealed class SeedCommandTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task Seed_WithOptions_SeedsTheDatabase_AndReturnsZero()
    {
        var ct = TestContext.Current.CancellationToken;
        var command = RegistryCommandLine.Parse(["seed", "--organisations", "250", "--random-seed=99", "--reset"]);

        var options = Assert.IsType<SeedCommand>(command).Options;
        Assert.Equal(new SeedOptions(250, 99, Reset: true) { Channel = AuditChannel.Cli }, options);
        Assert.Equal(0, await command!.RunAsync(database.Services, ct));

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        Assert.All(await db.AuditEntries.Select(e => e.Channel).Distinct().ToListAsync(ct), channel => Assert.Equal(AuditChannel.Cli, channel));
        Assert.Equal(250 + ReferenceCatalogue.Organisations.Count, await db.Organisations.CountAsync(ct));
        Assert.Equal(2, await db.ApplicationDomains.CountAsync(ct));
    }

    [Fact]
    public async Task Seed_RunTwiceWithReset_LeavesOneSet()
    {
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(0, await RegistryCommandLine.Parse(["seed", "--organisations", "100"])!.RunAsync(database.Services, ct));
        Assert.Equal(0, await RegistryCommandLine.Parse(["seed", "--organisations", "100", "--reset"])!.RunAsync(database.Services, ct));

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        Assert.Equal(100 + ReferenceCatalogue.Organisations.Count, await db.Organisations.CountAsync(ct));
    }

    [Theory]
    [InlineData("--organisations", "many")]
    [InlineData("--organisations", "-5")]
    [InlineData("--organisations")]
    [InlineData("--random-seed", "x")]
    [InlineData("--reset=yes")]
    [InlineData("--bogus")]
    [InlineData("extra")]
    public async Task Seed_WithABadOption_PrintsTheUsage_AndReturnsTwo(params string[] options)
    {
        var ct = TestContext.Current.CancellationToken;
        var command = RegistryCommandLine.Parse(["seed", .. options]);

        Assert.IsNotType<SeedCommand>(command);
        Assert.Equal(2, await command!.RunAsync(database.Services, ct));
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        Assert.Equal(0, await db.Organisations.CountAsync(ct));
    }

    [Fact]
    public async Task Seed_Help_ReturnsZero()
    {
        var command = RegistryCommandLine.Parse(["seed", "--help"]);
        Assert.Equal(0, await command!.RunAsync(database.Services, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task DevelopmentStart_FillsAnEmptyDatabaseOnce_WithTheConfiguredNumberOfDemoOrganisations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var services = database.BuildServices(s => s.AddSingleton<IConfiguration>(
            new ConfigurationBuilder()
                .AddInMemoryCollection(database.Settings)
                .AddInMemoryCollection(new Dictionary<string, string?> { [DatabaseStartup.DemoOrganisationsKey] = "150" })
                .Build()));

        Assert.True(await DatabaseStartup.SeedWhenEmptyAsync(services, ct));
        Assert.False(await DatabaseStartup.SeedWhenEmptyAsync(services, ct));

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        Assert.Equal(150 + ReferenceCatalogue.Organisations.Count, await db.Organisations.CountAsync(ct));
    }
}
