using System.Net;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>The review page in the real web app: without sign-in it answers, and shows no entries.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AuditHostTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheReviewPage_WithoutSignIn_SaysItIsForCentralStaffAndStewards()
    {
        using var response = await _app.CreateClient().GetAsync("/audit", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alleen centrale beheerders, en domeinexperts voor hun toepassingsgebied", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }
}
