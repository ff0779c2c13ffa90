using System.Net;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Hosting;

/// <summary>The web app over real HTTP through its real middleware, on a migrated database of every provider.</summary>
public abstract class WebHostTests(DatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public void App_UsesTheConfiguredDatabase()
    {
        var configured = _app.Services.GetRequiredService<RegistryDatabase>();

        Assert.Equal(new RegistryDatabase(database.Provider, database.ConnectionString), configured);
    }

    [Fact]
    public async Task HealthLive_Answers200()
    {
        using var response = await _app.CreateClient().GetAsync("/health/live", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task HealthReady_OnAMigratedDatabase_Answers200()
    {
        using var response = await _app.CreateClient().GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task HomePage_SignedIn_AnswersInDutch()
    {
        var ct = TestContext.Current.CancellationToken;
        var client = await _app.CreateClientSignedInAsAsync(DevelopmentPersonas.Reader.Key, ct);

        using var response = await client.GetAsync("/", ct);
        var html = await response.Content.ReadAsStringAsync(ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"nl-BE\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>Organisatieregister</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HomePage_Anonymous_RedirectsToSignIn()
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.SignIn, response.Headers.Location?.AbsolutePath);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class WebHostTestsOnSqlite(SqliteDatabaseFixture database) : WebHostTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class WebHostTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : WebHostTests(database);
