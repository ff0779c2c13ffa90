using System.Net;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>The KBO page (<c>/beheer/kbo</c>) opens for central staff only: the server refuses everyone else (its policy).</summary>
[Collection(SqliteCollection.Name)]
public sealed class KboImportPageAccessTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("aop-expert", false)]
    [InlineData("dfb-expert", false)]
    [InlineData("org-manager", false)]
    [InlineData("reader", false)]
    public async Task KboPage_OpensOnlyForCentralStaff(string persona, bool allowed)
    {
        var client = await _app.CreateClientSignedInAsAsync(persona, Ct);

        using var response = await client.GetAsync("/beheer/kbo", Ct);

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("KBO-gegevens", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, response.Headers.Location?.AbsolutePath);
    }
}
