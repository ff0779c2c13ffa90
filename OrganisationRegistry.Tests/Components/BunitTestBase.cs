using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Components;

/// <summary>
/// The shared base of the component tests: a bunit context with MudBlazor and the app's own services (as
/// <c>AddRegistry</c> and <c>AddRegistryAdminUi</c> register them) over the SQLite fixture database, emptied before
/// each test, and a clock fixed on <see cref="Today"/>. Derived classes join <see cref="SqliteCollection"/>.
/// </summary>
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    /// <summary>"Today" for the pages under test.</summary>
    protected static readonly DateOnly Today = new(2025, 6, 1);

    /// <summary>Long enough for a page to load from a real database on a busy two-core machine.</summary>
    protected static readonly TimeSpan LoadTimeout = TimeSpan.FromSeconds(10);

    protected BunitTestBase(SqliteDatabaseFixture database)
    {
        Database = database;
        Data = new TestData(database);
        JSInterop.Mode = JSRuntimeMode.Loose;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(database.Settings).Build();
        Services.AddSingleton<TimeProvider>(new FixedClock(Today));
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddRegistry(configuration);
        Services.AddRegistryAdminUi();
    }

    protected SqliteDatabaseFixture Database { get; }

    protected TestData Data { get; }

    protected static CancellationToken CancellationToken => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Database.ResetAsync();

    /// <summary>Sets the browser's address, as a link would: pages read their query string from it.</summary>
    protected void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }
}
