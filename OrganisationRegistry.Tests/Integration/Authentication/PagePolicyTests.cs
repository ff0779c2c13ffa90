using System.Net;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>
/// Pages that only some people may open are refused by the server (the page's policy), not only hidden in the menu.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class PagePolicyTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string, string, HttpStatusCode> Cases => new()
    {
        { "central-admin", "/beheer/rechten", HttpStatusCode.OK },
        { "aop-expert", "/beheer/rechten", HttpStatusCode.Forbidden },
        { "org-manager", "/beheer/rechten", HttpStatusCode.Forbidden },
        { "reader", "/beheer/rechten", HttpStatusCode.Forbidden },
        { "central-admin", "/beheer/toepassingsgebieden", HttpStatusCode.OK },
        { "aop-expert", "/beheer/toepassingsgebieden", HttpStatusCode.OK },
        { "dfb-expert", "/beheer/toepassingsgebieden", HttpStatusCode.OK },
        { "org-manager", "/beheer/toepassingsgebieden", HttpStatusCode.Forbidden },
        { "reader", "/beheer/toepassingsgebieden", HttpStatusCode.Forbidden },
        { "central-admin", "/toepassingsgebieden/bestuursdecreet/bulk", HttpStatusCode.OK },
        { "aop-expert", "/toepassingsgebieden/bestuursdecreet/bulk", HttpStatusCode.OK },
        { "org-manager", "/toepassingsgebieden/bestuursdecreet/bulk", HttpStatusCode.Forbidden },
        { "reader", "/toepassingsgebieden/bestuursdecreet/bulk", HttpStatusCode.Forbidden },
        { "aop-expert", "/toepassingsgebieden/bestuursdecreet/vergelijken", HttpStatusCode.OK },
        { "org-manager", "/toepassingsgebieden/bestuursdecreet/vergelijken", HttpStatusCode.Forbidden },
        { "reader", "/toepassingsgebieden/bestuursdecreet/vergelijken", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task RestrictedPage_AnswersPerPersona(string persona, string path, HttpStatusCode expected)
    {
        var client = await _app.CreateClientSignedInAsAsync(persona, Ct);

        using var response = await client.GetAsync(path, Ct);

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return;
        }

        // Refused: the cookie scheme sends the person to "Geen toegang", which answers 403.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, response.Headers.Location?.AbsolutePath);
        using var noAccess = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(expected, noAccess.StatusCode);
    }
}
