using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>
/// The real web app (its <c>Program</c>, middleware and services) on a database of the test's choice, answering
/// over in-memory HTTP. Runs in the <see cref="TestingEnvironment"/> unless a test is about another environment:
/// only Development prepares the database at start-up.
/// </summary>
public sealed class RegistryWebApplicationFactory : WebApplicationFactory<Program>
{
    public const string TestingEnvironment = "Testing";

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
        _environment = environment;
        _temporaryDirectory = temporaryDirectory;
    }

    /// <summary>The app on a fixture's migrated database.</summary>
    public static RegistryWebApplicationFactory On(DatabaseFixture database, string environment = TestingEnvironment) =>
        new(database.Settings, environment);

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
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return new RegistryWebApplicationFactory(settings, environment, directory);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Settings given here reach the app as start-up settings, so Program sees them while it registers services
        // (configuration added later, e.g. with ConfigureAppConfiguration, would arrive after the database is chosen).
        builder.UseEnvironment(_environment);
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
}
