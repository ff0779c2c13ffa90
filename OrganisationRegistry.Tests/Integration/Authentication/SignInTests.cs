using System.Net;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>
/// Signing in and out with development sign-in, and who may open what, over HTTP through the app's real middleware
/// (Testing environment, reference data seeded so the personas find their organisations).
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class SignInTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Anonymous_Organisations_RedirectsToSignIn_WhichOffersThePersonaPicker()
    {
        var client = _app.CreateBrowserLikeClient();

        using var organisations = await client.GetAsync("/organisaties?zoek=omgeving", Ct);
        Assert.Equal(HttpStatusCode.Redirect, organisations.StatusCode);
        Assert.Equal("/account/signin?returnUrl=%2Forganisaties%3Fzoek%3Domgeving", organisations.Headers.Location?.PathAndQuery);

        using var signIn = await client.GetAsync(organisations.Headers.Location, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/dev/signin?returnUrl=%2Forganisaties%3Fzoek%3Domgeving", signIn.Headers.Location?.OriginalString);

        using var picker = await client.GetAsync(signIn.Headers.Location, Ct);
        var html = await picker.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, picker.StatusCode);
        Assert.Contains("Aanmelden als persona", html, StringComparison.Ordinal);
        foreach (var persona in DevelopmentPersonas.All)
        {
            Assert.Contains($"href=\"/dev/signin/{persona.Key}?returnUrl=%2Forganisaties%3Fzoek%3Domgeving\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task DevSignIn_AsAopExpert_SetsTheSessionCookie_AndHomeShowsTheUserAndOrganisation()
    {
        var client = _app.CreateBrowserLikeClient();

        using var signIn = await client.GetAsync("/dev/signin/aop-expert", Ct);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location?.AbsolutePath);
        Assert.True(signIn.SetsTheSessionCookie());

        using var home = await client.GetAsync("/", Ct);
        var html = await home.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("Domeinexpert Bestuursdecreet (AOP)", html, StringComparison.Ordinal);
        Assert.Contains("Agentschap Overheidspersoneel (OVO", html, StringComparison.Ordinal);
        Assert.Contains("Afmelden", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    [InlineData("javascript:alert(1)")]
    [InlineData("/\t/evil.example")]
    public async Task DevSignIn_WithAReturnUrlOfAnotherSite_GoesHome(string returnUrl)
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync(
            $"/dev/signin/reader?returnUrl={Uri.EscapeDataString(returnUrl)}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.Equal(_app.Server.BaseAddress.Authority, location.IsAbsoluteUri ? location.Authority : _app.Server.BaseAddress.Authority);
        Assert.Equal("/", location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString);
    }

    [Fact]
    public async Task DevSignIn_WithALocalReturnUrl_GoesThere()
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync("/dev/signin/reader?returnUrl=%2Forganisaties%3Fzoek%3Dx", Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/organisaties?zoek=x", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task DevSignIn_AnUnknownPersona_Answers404_SayingSoInDutch_AndSignsNobodyIn()
    {
        var client = _app.CreateBrowserLikeClient();

        using var response = await client.GetAsync("/dev/signin/hacker", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Er is geen persona 'hacker'.", html, StringComparison.Ordinal);
        Assert.False(response.SetsTheSessionCookie());
        using var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithTheFormsToken_EndsTheSession_AndReturnsToThePersonaPicker()
    {
        var client = await _app.CreateClientSignedInAsAsync("central-admin", Ct);
        var home = await client.GetStringAsync("/", Ct);

        using var signOut = await client.PostAsync(AccountPaths.SignOut, RegistryAppClients.AntiforgeryFormOf(home), Ct);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(AccountPaths.DevelopmentSignIn, signOut.Headers.Location?.OriginalString);
        using var after = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Equal(AccountPaths.SignIn, after.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task SignOut_WithoutTheFormsToken_IsRefused_AndTheSessionStays()
    {
        var client = await _app.CreateClientSignedInAsAsync("central-admin", Ct);

        using var signOut = await client.PostAsync(AccountPaths.SignOut, new FormUrlEncodedContent([]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Contains("Het formulier is verlopen", await signOut.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var home = await client.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
    }

    [Fact]
    public async Task SignedIn_WithoutAnyRole_GetsGeenToegang_With403()
    {
        var nobody = RegistryUser.Create("entra:nobody", "Iemand Zonder Rol", []);
        var client = _app.CreateClientWithSession(nobody.ToPrincipal(RegistryClaimsTransformation.AuthenticationType));

        using var organisations = await client.GetAsync("/organisaties", Ct);
        Assert.Equal(HttpStatusCode.Redirect, organisations.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, organisations.Headers.Location?.AbsolutePath);

        using var noAccess = await client.GetAsync(organisations.Headers.Location, Ct);
        var html = await noAccess.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.Forbidden, noAccess.StatusCode);
        Assert.Contains("Geen toegang", html, StringComparison.Ordinal);
        Assert.Contains("Iemand Zonder Rol", html, StringComparison.Ordinal);
        Assert.Contains("geen rol in het Organisatieregister", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/organisaties")]
    [InlineData("/toepassingsgebieden")]
    [InlineData("/bestaat-niet")]
    public async Task EverythingElse_Anonymous_IsSentToSignIn(string path)
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.SignIn, response.Headers.Location?.AbsolutePath);
    }

    [Fact]
    public async Task TheCsvExport_Anonymous_Answers401()
    {
        // An API endpoint: cookie authentication answers 401 instead of redirecting (ASP.NET Core 10).
        using var response = await _app.CreateBrowserLikeClient().GetAsync("/toepassingsgebieden/bestuursdecreet/export.csv", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/dev/signin")]
    [InlineData("/account/afgemeld")]
    [InlineData("/favicon.svg")]
    public async Task PublicAddresses_Anonymous_Answer200(string path)
    {
        using var response = await _app.CreateBrowserLikeClient().GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OnlyAUserWithAccess_GetsAnInteractivePage_AndTheCircuitHubRefusesOthers()
    {
        var anonymous = _app.CreateBrowserLikeClient();
        var reader = await _app.CreateClientSignedInAsAsync("reader", Ct);
        const string interactiveRoot = "\"type\":\"server\"";

        var picker = await anonymous.GetStringAsync("/dev/signin", Ct);
        var home = await reader.GetStringAsync("/", Ct);
        using var negotiate = await anonymous.PostAsync("/_blazor/negotiate?negotiateVersion=1", content: null, Ct);

        // A circuit routes between pages without the server's authorization middleware: none without access.
        Assert.DoesNotContain(interactiveRoot, picker, StringComparison.Ordinal);
        Assert.Contains(interactiveRoot, home, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, negotiate.StatusCode);
    }

    [Fact]
    public async Task NotFound_SignedIn_AnswersTheDutchNotFoundPage()
    {
        var client = await _app.CreateClientSignedInAsAsync("reader", Ct);

        using var response = await client.GetAsync("/bestaat-niet", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Deze pagina bestaat niet.", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }
}
