using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using MudBlazor.Services;
using OrganisationRegistry.Admin.Components.Shared;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Rights;
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

    private readonly BunitAuthorizationContext _authorization;

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

        // Nobody is signed in until a test signs in (SignInAsync). The register's own policies answer, not bunit's
        // stand-in: bunit's AddAuthorization replaces IAuthorizationService with one that grants what the test lists,
        // which would test nothing of the rights.
        _authorization = AddAuthorization();
        Services.RemoveAll<IAuthorizationService>();
        Services.RemoveAll<IAuthorizationPolicyProvider>();
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddLogging();
    }

    protected SqliteDatabaseFixture Database { get; }

    protected TestData Data { get; }

    protected static CancellationToken CancellationToken => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await Database.ResetAsync();

    /// <summary>Sets the browser's address, as a link would: pages read their query string from it.</summary>
    protected void NavigateTo(string uri) => Services.GetRequiredService<NavigationManager>().NavigateTo(uri);

    protected string CurrentUri => Services.GetRequiredService<NavigationManager>().Uri;

    /// <summary>
    /// Signs in as <paramref name="persona"/> the way development sign-in does (its organisation looked up by name in
    /// the test database), with the claims the sign-in cookie carries (<see cref="RegistryUser.ToClaims"/>).
    /// </summary>
    protected async Task<RegistryUser> SignInAsync(DevelopmentPersona persona)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var user = await DevelopmentPersonas.SignInAsync(persona, db, Today, CancellationToken);
        _authorization.SetAuthorized(user.DisplayName);
        _authorization.SetRoles([.. user.Roles]);

        // After the roles (bunit builds the principal anew from the last call); name and roles it adds itself.
        _authorization.SetClaims([.. user.ToClaims().Where(c => c.Type is not (ClaimTypes.Name or ClaimTypes.Role))]);
        return user;
    }

    /// <summary>
    /// The providers MainLayout holds (dialogs, popovers of selects and autocompletes, snackbars), rendered beside
    /// the page under test: dialogs and list items are found in <see cref="Providers.Dialogs"/> and
    /// <see cref="Providers.Popovers"/>.
    /// </summary>
    protected Providers RenderProviders() =>
        new(Render<MudPopoverProvider>(), Render<MudDialogProvider>(), Render<MudSnackbarProvider>());

    protected sealed record Providers(
        IRenderedComponent<MudPopoverProvider> Popovers,
        IRenderedComponent<MudDialogProvider> Dialogs,
        IRenderedComponent<MudSnackbarProvider> Snackbars)
    {
        /// <summary>Opens the select with <paramref name="inputId"/> (in a dialog, or in <paramref name="page"/>) and picks the item <paramref name="text"/>.</summary>
        public async Task ChooseAsync<TPage>(string inputId, string text, IRenderedComponent<TPage>? page = null)
            where TPage : IComponent
        {
            var input = page is null ? Dialogs.Find($"#{inputId}") : page.Find($"#{inputId}");
            await input.Closest(".mud-select")!.MouseDownAsync(new());
            Popovers.WaitForAssertion(() => Assert.Contains(text, Popovers.Markup, StringComparison.Ordinal), LoadTimeout);
            await Popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == text).ClickAsync(new());
        }

        public Task ChooseAsync(string inputId, string text) => ChooseAsync<MudDialogProvider>(inputId, text);

        /// <summary>Types <paramref name="ovoCode"/> into the organisation search of a dialog and picks the one match.</summary>
        public async Task PickOrganisationAsync(string inputId, string ovoCode)
        {
            await Dialogs.Find($"#{inputId}").InputAsync(new ChangeEventArgs { Value = ovoCode });
            Popovers.WaitForAssertion(() => Assert.Contains(ovoCode, Popovers.Markup, StringComparison.Ordinal), LoadTimeout);
            await Popovers.FindAll(".mud-list-item").Single().ClickAsync(new());
        }
    }

    private sealed class FixedClock(DateOnly today) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
    }
}
