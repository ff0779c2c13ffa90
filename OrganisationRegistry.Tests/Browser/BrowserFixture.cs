using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Browser;

/// <summary>
/// The browser test bed, shared by every browser test (one per run): a SQLite database with the reference data and
/// <see cref="GeneratedOrganisations"/> generated organisations, the real app on Kestrel at 127.0.0.1 (a free port,
/// Testing environment, development sign-in) and one headless Chromium, the system's own (<see cref="ChromiumPath"/>;
/// no <c>playwright install</c>). Each test gets its own browser context from <see cref="BrowserTest"/>.
/// </summary>
/// <remarks>
/// The tests share this database and run one after another (one collection): a test that changes data should
/// create or pick its own organisations (through <see cref="App"/>'s services or <see cref="Contexts"/>), so that
/// it passes whatever ran before it.
/// </remarks>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Where Chromium is looked for: <c>REGISTRY_TEST_CHROMIUM</c>, else Debian's <c>/usr/bin/chromium</c>.</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("REGISTRY_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public const int GeneratedOrganisations = 300;

    // Without the network flags Chromium keeps calling home, which on a closed network floods it with refused connections.
    internal static readonly string[] ChromiumArguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string _directory = Directory.CreateTempSubdirectory("registry-browser-").FullName;
    private RegistryWebApplicationFactory? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>The app's address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The app under test: its services (e.g. the database) for arranging data and checking results.</summary>
    public RegistryWebApplicationFactory App => _app ?? throw new InvalidOperationException("The browser fixture is not initialised.");

    public IDbContextFactory<RegistryDbContext> Contexts => App.Services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser fixture is not initialised.");

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"The browser tests need Chromium at {ChromiumPath}, and it is not there. Install it with " +
                "'apt-get install -y chromium' (scripts/test.sh and .ci/run do so when they run as root), or point " +
                "REGISTRY_TEST_CHROMIUM at a Chromium binary.");
        }

        _app = new RegistryWebApplicationFactory(new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = nameof(DatabaseProvider.Sqlite),
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] =
                $"Data Source={Path.Combine(_directory, "registry.db")};Pooling=False",
        });
        BaseAddress = _app.StartOnKestrel();

        // The Testing environment leaves the database alone at start-up: migrate and seed it here, before any page is asked for.
        await DatabaseMigrator.MigrateAsync(Contexts);
        await App.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(GeneratedOrganisations));

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArguments,
        });
    }

    /// <summary>A fresh browser context (its own cookies and storage: nobody signed in), Dutch, on the app's address.</summary>
    public Task<IBrowserContext> NewContextAsync() =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            Locale = "nl-BE",
            TimezoneId = "Europe/Brussels",
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
