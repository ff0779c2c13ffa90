using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>
/// The app in the Production environment with Entra ID configured (dummy tenant values): it starts without calling
/// the identity provider, sends visitors to Entra ID, and maps the claims of an Entra session cookie to the app's user.
/// The provider's metadata is given to the OpenID Connect handler here, so nothing goes over the network.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ProductionSignInTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private const string TenantId = "11111111-2222-3333-4444-555555555555";
    private const string ClientId = "66666666-7777-8888-9999-000000000000";
    private const string AuthorizeEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/authorize";
    private const string EndSessionEndpoint = $"https://login.microsoftonline.com/{TenantId}/oauth2/v2.0/logout";

    private readonly WebApplicationFactory<Program> _app = RegistryWebApplicationFactory
        .On(database, "Production", EntraSettings)
        .WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
            {
                options.Configuration = new OpenIdConnectConfiguration
                {
                    Issuer = $"https://login.microsoftonline.com/{TenantId}/v2.0",
                    AuthorizationEndpoint = AuthorizeEndpoint,
                    EndSessionEndpoint = EndSessionEndpoint,
                };
                options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(options.Configuration);
            })));

    /// <summary>What an operator sets in production (the values are made up).</summary>
    public static IReadOnlyDictionary<string, string?> EntraSettings { get; } = new Dictionary<string, string?>
    {
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = TenantId,
        ["AzureAd:ClientId"] = ClientId,
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_Organisations_GoesToSignIn_WhichChallengesEntraId()
    {
        var client = BrowserLikeClient();

        using var organisations = await client.GetAsync("/organisaties", Ct);
        Assert.Equal(HttpStatusCode.Redirect, organisations.StatusCode);
        Assert.Equal("/account/signin?returnUrl=%2Forganisaties", organisations.Headers.Location?.PathAndQuery);

        using var signIn = await client.GetAsync(organisations.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var authorize = signIn.Headers.Location!;
        Assert.Equal(AuthorizeEndpoint, authorize.GetLeftPart(UriPartial.Path));
        var query = System.Web.HttpUtility.ParseQueryString(authorize.Query);
        Assert.Equal(ClientId, query["client_id"]);
        Assert.Equal("http://localhost/signin-oidc", query["redirect_uri"]);
        Assert.Contains("openid", query["scope"]!.Split(' '));
        // The user comes from the ID token, posted back to /signin-oidc: the app registration must issue ID tokens.
        Assert.Equal("id_token", query["response_type"]);
        Assert.Equal("form_post", query["response_mode"]);
    }

    [Fact]
    public async Task DevelopmentSignIn_DoesNotExistInProduction()
    {
        using var picker = await BrowserLikeClient().GetAsync("/dev/signin/central-admin", Ct);

        Assert.Equal(HttpStatusCode.NotFound, picker.StatusCode);
        Assert.False(picker.SetsTheSessionCookie());
    }

    [Theory]
    [InlineData("/health/live", HttpStatusCode.OK)]
    [InlineData("/health/ready", HttpStatusCode.OK)]
    public async Task HealthEndpoints_StayAnonymous(string path, HttpStatusCode expected)
    {
        using var response = await BrowserLikeClient().GetAsync(path, Ct);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task AnEntraSession_IsMappedToTheAppsUser_ShownInTheAppBar()
    {
        var aop = await OvoCodeOfAsync(ReferenceCatalogue.Overheidspersoneel);
        var client = _app.CreateClientWithSession(EntraPrincipal(
            new Claim("oid", "0f3e0c1e-aaaa-bbbb-cccc-000000000001"),
            new Claim("name", "Jan Peeters"),
            new Claim("preferred_username", "jan.peeters@vlaanderen.be"),
            new Claim("roles", IdentityProviderRoles.DomainExpert),
            new Claim("ovo", aop)));

        using var home = await client.GetAsync("/", Ct);
        var html = await home.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("<strong>Jan Peeters</strong>", html, StringComparison.Ordinal);
        Assert.Contains($"Agentschap Overheidspersoneel ({aop})", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEntraSession_WithoutAppRoles_GetsGeenToegang()
    {
        var client = _app.CreateClientWithSession(EntraPrincipal(
            new Claim("oid", "0f3e0c1e-aaaa-bbbb-cccc-000000000002"),
            new Claim("name", "Piet Zonder Rol"),
            new Claim("preferred_username", "piet@vlaanderen.be")));

        using var home = await client.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, home.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_EndsTheEntraSessionToo()
    {
        var client = _app.CreateClientWithSession(EntraPrincipal(
            new Claim("oid", "0f3e0c1e-aaaa-bbbb-cccc-000000000003"),
            new Claim("name", "Lies Lezer"),
            new Claim("roles", IdentityProviderRoles.Reader)));
        var home = await client.GetStringAsync("/", Ct);

        using var signOut = await client.PostAsync(
            AccountPaths.SignOut,
            RegistryAppClients.AntiforgeryFormOf(home),
            Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(EndSessionEndpoint, signOut.Headers.Location!.GetLeftPart(UriPartial.Path));
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".OrganisationRegistry.Session=;", StringComparison.Ordinal));
        Assert.False(signOut.SetsTheSessionCookie());
    }

    private HttpClient BrowserLikeClient() => _app.CreateBrowserLikeClient();

    private async Task<string> OvoCodeOfAsync(string name)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return db.Organisations.Where(o => o.Name == name).Select(o => o.OvoCode).AsEnumerable().Single().Value;
    }

    /// <summary>The principal the OpenID Connect handler keeps in the session cookie after Entra ID signed the user in: Entra's claims, unmapped.</summary>
    private static ClaimsPrincipal EntraPrincipal(params Claim[] claims) =>
        new(new ClaimsIdentity(claims, "AuthenticationTypes.Federation", "preferred_username", "roles"));
}
