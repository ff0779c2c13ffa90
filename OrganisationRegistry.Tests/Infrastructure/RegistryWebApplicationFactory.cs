using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>
/// The real web app (its <c>Program</c>, middleware and services) on a database of the test's choice, answering
/// over in-memory HTTP, or over real HTTP on Kestrel (<see cref="StartOnKestrel"/>, for the browser). Runs in the
/// <see cref="TestingEnvironment"/> unless a test is about another environment: only Development prepares the
/// database at start-up. In Testing, development sign-in is enabled (as in Development) unless the settings say otherwise.
/// </summary>
public sealed class RegistryWebApplicationFactory : WebApplicationFactory<Program>
{
    public const string TestingEnvironment = RegistrySignIn.TestingEnvironment;

    /// <summary>The key of development tokens in the Testing environment.</summary>
    public const string TestingSigningKey = "testing-only-signing-key-of-the-organisation-registry-api";

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private readonly string? _temporaryDirectory;

    public RegistryWebApplicationFactory(IReadOnlyDictionary<string, string?> settings, string environment = TestingEnvironment)
        : this(settings, environment, temporaryDirectory: null)
    {
    }

    private RegistryWebApplicationFactory(IReadOnlyDictionary<string, string?> settings, string environment, string? temporaryDirectory)
    {
        _settings = new Dictionary<string, string?>(settings);
        if (environment == TestingEnvironment)
        {
            _settings.TryAdd(RegistrySignInOptions.DevelopmentSignInEnabledKey, "true");
            _settings.TryAdd(ApiOptions.DevelopmentTokensEnabledKey, "true");
            _settings.TryAdd(ApiOptions.DevelopmentTokensSigningKeyKey, TestingSigningKey);
        }

        _environment = environment;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>The app on a fixture's migrated database; <paramref name="extraSettings"/> win over the database settings.</summary>
    public static RegistryWebApplicationFactory On(
        DatabaseFixture database,
        string environment = TestingEnvironment,
        IReadOnlyDictionary<string, string?>? extraSettings = null) =>
        new(Merge(database.Settings, extraSettings), environment);

    /// <summary>
    /// The app on a new, empty SQLite file (no tables, no migrations applied), deleted again on dispose.
    /// <paramref name="extraSettings"/> are added to (and win over) the database settings.
    /// </summary>
    public static RegistryWebApplicationFactory OnEmptySqliteFile(
        string environment = TestingEnvironment,
        IReadOnlyDictionary<string, string?>? extraSettings = null)
    {
        var directory = Directory.CreateTempSubdirectory("registry-host-").FullName;
        var settings = new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = nameof(DatabaseProvider.Sqlite),
            // No pooling: nothing keeps the file open once the app is gone.
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] =
                $"Data Source={Path.Combine(directory, "registry.db")};Pooling=False",
        };
        return new RegistryWebApplicationFactory(Merge(settings, extraSettings), environment, directory);
    }

    /// <summary>
    /// Serves the app on Kestrel at 127.0.0.1 on a free port (real sockets, for a real browser) and returns its
    /// address. Call before anything else uses the factory.
    /// </summary>
    public Uri StartOnKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses;
        var address = addresses.Single(a => a.StartsWith("http://127.0.0.1:", StringComparison.Ordinal));
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");

        // From now on CreateClient talks to Kestrel over a socket.
        ClientOptions.BaseAddress = baseAddress;
        return baseAddress;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings given here reach the app as start-up settings, so Program sees them while it registers services
        // (configuration added later, e.g. with ConfigureAppConfiguration, would arrive after the database is chosen).
        builder.UseEnvironment(_environment);
        // Assets of packages and the framework (MudBlazor's CSS, blazor.web.js) are served from the build's manifest,
        // which only Development reads by itself.
        builder.UseStaticWebAssets();
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_temporaryDirectory is not null && Directory.Exists(_temporaryDirectory))
        {
            Directory.Delete(_temporaryDirectory, recursive: true);
        }
    }

    private static Dictionary<string, string?> Merge(IReadOnlyDictionary<string, string?> settings, IReadOnlyDictionary<string, string?>? extraSettings)
    {
        var merged = new Dictionary<string, string?>(settings);
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            merged[key] = value;
        }

        return merged;
    }

}

/// <summary>HTTP clients on the app that behave like a browser, signed in or not (for any factory of the app).</summary>
public static partial class RegistryAppClients
{
    /// <summary>A client that keeps cookies and shows redirects instead of following them, like a browser's network tab.</summary>
    public static HttpClient CreateBrowserLikeClient(this WebApplicationFactory<Program> app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = app.ClientOptions.BaseAddress });

    /// <summary>A <see cref="CreateBrowserLikeClient"/> signed in as a development persona (<c>/dev/signin/{persona}</c>).</summary>
    public static async Task<HttpClient> CreateClientSignedInAsAsync(this WebApplicationFactory<Program> app, string persona, CancellationToken cancellationToken = default)
    {
        var client = app.CreateBrowserLikeClient();
        using var response = await client.GetAsync(AccountPaths.DevelopmentSignInAs(persona), cancellationToken);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Signing in as '{persona}' answered {(int)response.StatusCode}, not a redirect.");
        }

        return client;
    }

    /// <summary>
    /// A <see cref="CreateBrowserLikeClient"/> with the app's session cookie for <paramref name="principal"/>, as the
    /// sign-in would write it (development sign-in, or the OpenID Connect handler after Entra ID).
    /// </summary>
    public static HttpClient CreateClientWithSession(this WebApplicationFactory<Program> app, ClaimsPrincipal principal)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var ticket = new AuthenticationTicket(principal, CookieAuthenticationDefaults.AuthenticationScheme);
        var client = app.CreateBrowserLikeClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }

    /// <summary>
    /// An HTTP client of the API acting as the registered client <paramref name="clientId"/>, with a development token
    /// for <paramref name="scopes"/> (default: every scope of the API; the registration limits what counts). Works on
    /// the in-memory server and, after <see cref="RegistryWebApplicationFactory.StartOnKestrel"/>, over real sockets.
    /// </summary>
    public static HttpClient CreateApiClient(this WebApplicationFactory<Program> app, string clientId, IEnumerable<string>? scopes = null)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false, BaseAddress = app.ClientOptions.BaseAddress });
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", app.ApiToken(clientId, scopes));
        return client;
    }

    /// <summary>A development token for <paramref name="clientId"/> (see <see cref="CreateApiClient"/>).</summary>
    public static string ApiToken(this WebApplicationFactory<Program> app, string clientId, IEnumerable<string>? scopes = null, TimeSpan? lifetime = null) =>
        app.Services.GetRequiredService<DevelopmentTokenIssuer>().Issue(clientId, scopes ?? OrganisationRegistry.Domain.ApiClients.ApiScopes.All, lifetime);

    /// <summary>Whether <paramref name="response"/> sets the app's session cookie (signs someone in).</summary>
    public static bool SetsTheSessionCookie(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var cookies)
        && cookies.Any(c => c.StartsWith(".OrganisationRegistry.Session=", StringComparison.Ordinal) && !c.StartsWith(".OrganisationRegistry.Session=;", StringComparison.Ordinal));

    /// <summary>The form that posts the antiforgery token of the first form in <paramref name="html"/> (e.g. "Afmelden").</summary>
    public static FormUrlEncodedContent AntiforgeryFormOf(string html) =>
        AntiforgeryTokenField().Match(html) is { Success: true } match
            ? new FormUrlEncodedContent([new("__RequestVerificationToken", WebUtility.HtmlDecode(match.Groups["token"].Value))])
            : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryTokenField();
}
