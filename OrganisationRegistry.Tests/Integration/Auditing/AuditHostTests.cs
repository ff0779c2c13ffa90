using System.Net;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>The review page and its export in the real web app, per kind of visitor.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AuditHostTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task TheReviewPage_WithoutSignIn_SendsToSignIn()
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync("/audit", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/signin?returnUrl=%2Faudit", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task TheReviewPage_ForAReader_SaysItIsForCentralStaffAndStewards_AndShowsNoEntries()
    {
        var reader = await _app.CreateClientSignedInAsAsync("reader", Ct);

        using var response = await reader.GetAsync("/audit", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Alleen centrale beheerders, en domeinexperts voor hun toepassingsgebied", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("reader", HttpStatusCode.Forbidden)]
    [InlineData("org-manager", HttpStatusCode.Forbidden)]
    [InlineData("central-admin", HttpStatusCode.OK)]
    [InlineData("aop-expert", HttpStatusCode.OK)]
    public async Task TheExport_AnswersPerPersona(string persona, HttpStatusCode expected)
    {
        var client = await _app.CreateClientSignedInAsAsync(persona, Ct);

        using var response = await client.GetAsync("/audit/export.csv", Ct);

        Assert.Equal(expected, response.StatusCode);
    }
}
