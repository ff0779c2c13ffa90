using System.Net;
using AngleSharp.Html.Dom;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Authentication;
using ApiClientsPage = OrganisationRegistry.Admin.Components.Pages.Rights.ApiClients;

namespace OrganisationRegistry.Tests.Components;

/// <summary>
/// The API clients page (<c>/beheer/api-clients</c>) over the seeder's reference data and its four clients: the list,
/// registering, changing, deactivating and reactivating through the dialogs, the validator's messages, and nothing
/// for anyone but central staff.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiClientsPageTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private const string Read = "Lezen (registry.read)";

    private ApiClientService Service => Services.GetRequiredService<ApiClientService>();

    [Fact]
    public async Task List_ShowsTheSeededClients_ByClientId_WithOrganisationScopesInDutchAndState()
    {
        await SeedAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);

        var page = Render<ApiClientsPage>();

        page.WaitForAssertion(() => Assert.Contains("Geregistreerde API-clients (4)", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(["aop-hr", "kiosk", "orafin", "readonly"], page.FindAll("tbody tr").Select(r => r.QuerySelector("td")!.TextContent.Trim()));
        var kiosk = Row(page, "kiosk");
        Assert.Equal("KIOSK (Departement Cultuur, Jeugd en Media)", kiosk.Cells[1].TextContent.Trim());
        Assert.StartsWith(ReferenceCatalogue.CultuurJeugdEnMedia + " (OVO", kiosk.Cells[2].TextContent.Trim(), StringComparison.Ordinal);
        Assert.Equal(
            ["Lezen registry.read", "Organisaties, sleutels en structuur beheren (binnen de eigen organisatie) organisations.write"],
            kiosk.Cells[3].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        Assert.Equal("ja", kiosk.Cells[4].TextContent.Trim());
        Assert.Equal(["Wijzigen", "Deactiveren"], kiosk.Cells[5].QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        Assert.Equal("KIOSK (Departement Cultuur, Jeugd en Media) wijzigen", kiosk.Cells[5].QuerySelector("button")!.GetAttribute("aria-label"));
        var howTo = page.Find("section[aria-labelledby=token-kop]").TextContent;
        Assert.Contains("dotnet run --project OrganisationRegistry.Admin -- dev-token --client <id>", howTo, StringComparison.Ordinal);
        Assert.Contains("Application (client) ID", howTo, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_ThroughTheDialog_StoresTheClient_AuditedAsTheAdmin_AndListsIt()
    {
        await SeedAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<ApiClientsPage>();
        page.WaitForAssertion(() => Assert.Contains("Client registreren", page.ButtonTexts()), LoadTimeout);
        var aop = await OvoCodeOfAsync(ReferenceCatalogue.Overheidspersoneel);

        page.OpenDialog("Client registreren");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#client-id")), LoadTimeout);
        await dialog.TypeAsync("client-id", " 3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90 ");
        await dialog.TypeAsync("client-naam", "Vlimpers (AOP)");
        await providers.PickOrganisationAsync("client-organisatie", aop);
        await CheckAsync(dialog, Read, true);
        await CheckAsync(dialog, "Toewijzingen beheren (van de toepassingsgebieden die de organisatie beheert) (assignments.write)", true);
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("Geregistreerde API-clients (5)", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Vlimpers (AOP)", Row(page, "3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90").TextContent, StringComparison.Ordinal);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var stored = await db.ApiClients.SingleAsync(c => c.ClientId == "3f1c9a52-7d4e-4b8a-9c2f-1e5d6a7b8c90", CancellationToken);
        Assert.Equal(("Vlimpers (AOP)", "registry.read assignments.write", true), (stored.Name, stored.Scopes, stored.IsActive));
        Assert.Equal(aop, await db.Organisations.Where(o => o.Id == stored.OrganisationId).Select(o => o.OvoCode.Value).SingleAsync(CancellationToken));
        var entry = await db.AuditEntries.SingleAsync(e => e.EntityType == nameof(ApiClient) && e.EntityKey == stored.Id.ToString(), CancellationToken);
        Assert.Equal(("dev:central-admin", AuditOperation.Insert, AuditChannel.Ui), (entry.ActorId, entry.Operation, entry.Channel));
    }

    [Fact]
    public async Task InvalidInput_ShowsTheValidatorsMessages_AndADuplicateTheRule_AndStoresNothing()
    {
        await SeedAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<ApiClientsPage>();
        page.WaitForAssertion(() => Assert.Contains("Client registreren", page.ButtonTexts()), LoadTimeout);
        var snapshot = await ClientRowsAsync();

        page.OpenDialog("Client registreren");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#client-id")), LoadTimeout);
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(() => Assert.Contains("Kies minstens één scope.", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("De client-id is verplicht.", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("De naam is verplicht.", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("De organisatie waarvoor de client handelt is verplicht.", dialog.Markup, StringComparison.Ordinal);
        Assert.Equal("client-scopes-fout", dialog.Find("#client-scopes").GetAttribute("aria-describedby"));

        await CheckAsync(dialog, Read, true);
        dialog.WaitForAssertion(() => Assert.DoesNotContain("Kies minstens één scope.", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        await dialog.TypeAsync("client-id", "kiosk prod");
        await dialog.ClickButtonAsync("Opslaan");
        dialog.WaitForAssertion(
            () => Assert.Contains("De client-id bestaat uit letters, cijfers en de tekens - _ . : (zonder spaties)", dialog.Markup, StringComparison.Ordinal),
            LoadTimeout);

        await dialog.TypeAsync("client-id", "KIOSK");
        await dialog.TypeAsync("client-naam", "Nog een kiosk");
        await providers.PickOrganisationAsync("client-organisatie", await OvoCodeOfAsync(ReferenceCatalogue.DigitaalVlaanderen));
        await dialog.ClickButtonAsync("Opslaan");
        dialog.WaitForAssertion(
            () => Assert.Contains(dialog.FindAll("[role=alert]"), a => a.TextContent.Trim() == "Er is al een API-client met client-id 'kiosk'."),
            LoadTimeout);

        Assert.Equal(snapshot, await ClientRowsAsync());
    }

    [Fact]
    public async Task Changing_ThroughTheDialog_StartsFromTheStoredValues_AndSavesTheNewOnes()
    {
        await SeedAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<ApiClientsPage>();
        page.WaitForAssertion(() => Assert.Contains("Client registreren", page.ButtonTexts()), LoadTimeout);

        page.RowButton("kiosk", "Wijzigen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("KIOSK (Departement Cultuur, Jeugd en Media)", dialog.Find("#client-naam").GetAttribute("value")), LoadTimeout);
        Assert.Empty(dialog.FindAll("#client-id"));
        Assert.Equal([true, true, false], ScopeBoxes(dialog).Select(b => b.IsChecked));
        await dialog.TypeAsync("client-naam", "KIOSK");
        await CheckAsync(dialog, "Organisaties, sleutels en structuur beheren (binnen de eigen organisatie) (organisations.write)", false);
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Equal("KIOSK", Row(page, "kiosk").Cells[1].TextContent.Trim()), LoadTimeout);
        Assert.Equal(["Lezen registry.read"], Row(page, "kiosk").Cells[3].QuerySelectorAll("li").Select(li => li.TextContent.Trim()));
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var stored = await db.ApiClients.SingleAsync(c => c.ClientId == "kiosk", CancellationToken);
        Assert.Equal(("KIOSK", "registry.read", 2L), (stored.Name, stored.Scopes, stored.Version));
    }

    [Fact]
    public async Task Changing_AClientSomeoneElseChangedMeanwhile_ShowsTheConflict_AndOverwritesNothing()
    {
        await SeedAsync();
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<ApiClientsPage>();
        page.WaitForAssertion(() => Assert.Contains("Client registreren", page.ButtonTexts()), LoadTimeout);
        page.RowButton("orafin", "Wijzigen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#client-naam")), LoadTimeout);
        var dfb = await OvoCodeOfAsync(ReferenceCatalogue.FinancienEnBegroting);
        await Service.ChangeAsync(admin, new ChangeApiClient("orafin", 1, "Orafin (eerder gewijzigd)", dfb, [ApiScopes.Read], true), CancellationToken);

        await dialog.TypeAsync("client-naam", "Orafin (mijn wijziging)");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(() => Assert.Contains("Gewijzigd door iemand anders", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Deze API-client werd intussen door iemand anders gewijzigd", dialog.Markup, StringComparison.Ordinal);
        Assert.Contains("Orafin (eerder gewijzigd)", dialog.Find("section.registry-conflict").TextContent, StringComparison.Ordinal);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        Assert.Equal("Orafin (eerder gewijzigd)", await db.ApiClients.Where(c => c.ClientId == "orafin").Select(c => c.Name).SingleAsync(CancellationToken));
    }

    [Fact]
    public async Task DeactivatingAndActivating_AskFirst_AndToggleTheClientsState()
    {
        await SeedAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<ApiClientsPage>();
        page.WaitForAssertion(() => Assert.Contains("Client registreren", page.ButtonTexts()), LoadTimeout);
        var dialog = providers.Dialogs;

        page.RowButton("readonly", "Deactiveren").Click();
        dialog.WaitForAssertion(() => Assert.Contains("worden vanaf de volgende aanvraag geweigerd", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.True(await IsActiveAsync("readonly"));
        await dialog.ClickButtonAsync("Deactiveren");
        page.WaitForAssertion(() => Assert.Equal("nee", Row(page, "readonly").Cells[4].TextContent.Trim()), LoadTimeout);
        Assert.False(await IsActiveAsync("readonly"));

        page.RowButton("readonly", "Activeren").Click();
        dialog.WaitForAssertion(() => Assert.Contains("kan dan weer met zijn tokens de API gebruiken", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        await dialog.ClickButtonAsync("Activeren");
        page.WaitForAssertion(() => Assert.Equal("ja", Row(page, "readonly").Cells[4].TextContent.Trim()), LoadTimeout);
        Assert.True(await IsActiveAsync("readonly"));
    }

    [Theory]
    [InlineData("aop-expert")]
    [InlineData("dfb-expert")]
    [InlineData("org-manager")]
    [InlineData("reader")]
    public async Task AnyoneButCentralStaff_IsRefusedByThePagesPolicy_AndSeesNeitherClientsNorControls(string persona)
    {
        await SeedAsync();
        var policy = typeof(ApiClientsPage).GetCustomAttributes(typeof(AuthorizeAttribute), inherit: true).Cast<AuthorizeAttribute>().Single().Policy;
        var authorization = Services.GetRequiredService<IAuthorizationService>();
        await using (var db = await Database.Contexts.CreateDbContextAsync(CancellationToken))
        {
            var admin = await DevelopmentPersonas.SignInAsync(DevelopmentPersonas.CentralAdmin, db, Today, CancellationToken);
            Assert.True((await authorization.AuthorizeAsync(admin.ToPrincipal("Test"), policy!)).Succeeded);
        }

        var user = await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = Render<ApiClientsPage>();

        Assert.Equal(RegistryPolicies.AdministerRegister, policy);
        Assert.False((await authorization.AuthorizeAsync(user.ToPrincipal("Test"), policy!)).Succeeded);
        page.WaitForAssertion(() => Assert.Contains("Alleen een centrale beheerder mag API-clients beheren.", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Empty(page.ButtonTexts());
        Assert.Empty(page.FindAll("table"));
        Assert.DoesNotContain("orafin", page.Markup, StringComparison.Ordinal);
    }

    private async Task SeedAsync() => await ReferenceData.ResetToAsync(Database, CancellationToken);

    private static IHtmlTableRowElement Row(IRenderedComponent<ApiClientsPage> page, string clientId) =>
        (IHtmlTableRowElement)page.FindAll("tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == clientId);

    private static List<IHtmlInputElement> ScopeBoxes(IRenderedComponent<MudBlazor.MudDialogProvider> dialog) =>
        [.. dialog.FindAll("#client-scopes input[type=checkbox]").Cast<IHtmlInputElement>()];

    /// <summary>Ticks or clears the scope whose check box is labelled <paramref name="label"/>.</summary>
    private static Task CheckAsync(IRenderedComponent<MudBlazor.MudDialogProvider> dialog, string label, bool value) =>
        dialog.FindAll("#client-scopes label").Single(l => l.TextContent.Trim() == label).QuerySelector("input")!
            .ChangeAsync(new ChangeEventArgs { Value = value });

    private async Task<string> OvoCodeOfAsync(string organisationName)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return (await db.Organisations.Where(o => o.Name == organisationName).Select(o => o.OvoCode).SingleAsync(CancellationToken)).Value;
    }

    private async Task<bool> IsActiveAsync(string clientId)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return await db.ApiClients.Where(c => c.ClientId == clientId).Select(c => c.IsActive).SingleAsync(CancellationToken);
    }

    /// <summary>Every client and every audit entry about one: equal before and after exactly when nothing was written.</summary>
    private async Task<List<string>> ClientRowsAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var clients = await db.ApiClients.AsNoTracking().OrderBy(c => c.ClientId)
            .Select(c => $"{c.ClientId}|{c.Name}|{c.OrganisationId}|{c.Scopes}|{c.IsActive}|{c.Version}").ToListAsync(CancellationToken);
        var audit = await db.AuditEntries.CountAsync(e => e.EntityType == nameof(ApiClient), CancellationToken);
        return [.. clients, $"audit entries: {audit}"];
    }
}

/// <summary>The page in the real host: the server refuses <c>/beheer/api-clients</c> to anyone but central staff.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ApiClientsPagePolicyTests(SqliteDatabaseFixture database) : IAsyncLifetime
{
    private readonly RegistryWebApplicationFactory _app = RegistryWebApplicationFactory.On(database);

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => await ReferenceData.ResetToAsync(database, Ct);

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("central-admin", HttpStatusCode.OK)]
    [InlineData("aop-expert", HttpStatusCode.Forbidden)]
    [InlineData("dfb-expert", HttpStatusCode.Forbidden)]
    [InlineData("org-manager", HttpStatusCode.Forbidden)]
    [InlineData("reader", HttpStatusCode.Forbidden)]
    public async Task ThePage_AnswersPerPersona(string persona, HttpStatusCode expected)
    {
        var client = await _app.CreateClientSignedInAsAsync(persona, Ct);

        using var response = await client.GetAsync("/beheer/api-clients", Ct);

        if (expected == HttpStatusCode.OK)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("API-clients", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
            return;
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(AccountPaths.NoAccess, response.Headers.Location?.AbsolutePath);
        using var noAccess = await client.GetAsync(response.Headers.Location, Ct);
        Assert.Equal(expected, noAccess.StatusCode);
    }
}
