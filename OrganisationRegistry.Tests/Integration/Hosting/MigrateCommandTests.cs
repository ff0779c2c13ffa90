using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.CommandLine;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Hosting;

/// <summary>The app's command line (<c>dotnet run -- migrate</c>), run with the app's own services.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_OnAFreshDatabase_ReturnsZero_AndLeavesNoPendingMigrations()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile();
        var contexts = app.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await using (var before = await contexts.CreateDbContextAsync(ct))
        {
            Assert.NotEmpty(await before.Database.GetPendingMigrationsAsync(ct));
        }

        var command = RegistryCommandLine.Parse(["migrate"]);
        var exitCode = await Assert.IsType<MigrateCommand>(command).RunAsync(app.Services, ct);

        Assert.Equal(0, exitCode);
        await using var after = await contexts.CreateDbContextAsync(ct);
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(ct));
        using var ready = await app.CreateClient().GetAsync("/health/ready", ct);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    public async Task UnknownCommand_Returns2()
    {
        await using var app = RegistryWebApplicationFactory.OnEmptySqliteFile();

        var command = RegistryCommandLine.Parse(["frobnicate", "--now"]);

        Assert.NotNull(command);
        Assert.Equal(2, await command.RunAsync(app.Services, TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData]
    [InlineData("--urls=http://127.0.0.1:5080")]
    [InlineData("--environment", "Development")]
    [InlineData("Database:Provider=PostgreSql")]
    public void Parse_WithoutACommand_StartsTheWebApp(params string[] args) => Assert.Null(RegistryCommandLine.Parse(args));
}
