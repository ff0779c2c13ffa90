using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationDetailPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Detail;
using OrganisationListPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Index;

namespace OrganisationRegistry.Tests.Components;

/// <summary>Organisations edited in the browser: who sees which control, and the dialogs' flows.</summary>
[Collection(SqliteCollection.Name)]
public sealed class OrganisationEditingTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private static readonly string[] All = ["Gegevens wijzigen", "Nieuwe dochterorganisatie", "Moederorganisatie toevoegen"];
    private static readonly string[] WithParentRow = [.. All, "Wijzigen", "Verwijderen"];

    public static TheoryData<string, string, string[]> DetailRights => new()
    {
        { "central-admin", "Departement Omgeving", All },
        { "central-admin", "Vlaamse Milieumaatschappij", WithParentRow },
        { "central-admin", "Departement Mobiliteit en Openbare Werken", All },
        { "org-manager", "Departement Omgeving", All },
        { "org-manager", "Vlaamse Milieumaatschappij", WithParentRow },
        { "org-manager", "Departement Mobiliteit en Openbare Werken", [] },
        { "aop-expert", "Vlaamse Milieumaatschappij", [] },
        { "dfb-expert", "Departement Omgeving", [] },
        { "reader", "Vlaamse Milieumaatschappij", [] },
    };

    [Theory]
    [MemberData(nameof(DetailRights))]
    public async Task DetailPage_ShowsTheOrganisationControls_OnlyWithinTheUsersReach(string persona, string organisation, string[] expected)
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        var target = new[] { world.Omgeving, world.Vmm, world.Mow }.Single(o => o.Name == organisation);

        var page = RenderDetail(target.OvoCode.Value);

        Assert.Equal(expected, page.ButtonTexts().Where(t => WithParentRow.Contains(t)));
    }

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("org-manager", true)]
    [InlineData("aop-expert", false)]
    [InlineData("dfb-expert", false)]
    [InlineData("reader", false)]
    public async Task ListPage_OffersANewOrganisation_ToCentralStaffAndOrganisationManagers(string persona, bool offered)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        NavigateTo("/organisaties");

        var page = Render<OrganisationListPage>();

        page.WaitForAssertion(() => Assert.Equal(6, page.FindAll("tbody tr td a").Count), LoadTimeout);
        Assert.Equal(offered, page.ButtonTexts().Contains("Nieuwe organisatie"));
    }

    [Fact]
    public async Task EditingGeneralData_AsOrganisationManager_SavesIt_ButTheKboNumberIsNotTheirs()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.OrganisationManager);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Gegevens wijzigen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("Vlaamse Milieumaatschappij", dialog.Find("#organisatie-naam").GetAttribute("value")), LoadTimeout);
        Assert.Empty(dialog.FindAll("#organisatie-kbo")); // the KBO number changes only by coupling (central staff, organisation page)
        await dialog.TypeAsync("organisatie-korte-naam", "VMM-nieuw");
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("VMM-nieuw", page.Find("dl.registry-facts").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("VMM-nieuw", (await OrganisationAsync(world.Vmm.Id)).ShortName);
    }

    [Fact]
    public async Task EditingGeneralData_SomeoneElseChanged_ShowsTheConflict_AndKeepsTheirChange()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        var manager = await SignInAsync(DevelopmentPersonas.OrganisationManager);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Gegevens wijzigen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("Vlaamse Milieumaatschappij", dialog.Find("#organisatie-naam").GetAttribute("value")), LoadTimeout);
        var stored = await OrganisationAsync(world.Vmm.Id);
        await Services.GetRequiredService<OrganisationService>().UpdateAsync(
            manager, new UpdateOrganisation(stored.OvoCode.Value, stored.Version, "Vlaamse Milieumaatschappij", "VMM", Description: "Door een collega"), CancellationToken);

        await dialog.TypeAsync("organisatie-beschrijving", "Mijn beschrijving");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(() => Assert.Contains("Door een collega", dialog.Find(".registry-conflict").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("Door een collega", (await OrganisationAsync(world.Vmm.Id)).Description);
    }

    [Fact]
    public async Task CreatingADaughter_AsOrganisationManager_PlacesItUnderTheOrganisation_AndOpensIt()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.OrganisationManager);
        var providers = RenderProviders();
        var page = RenderDetail(world.Omgeving.OvoCode.Value);

        page.OpenDialog("Nieuwe dochterorganisatie");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Departement Omgeving (OVO000004)", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        await dialog.TypeAsync("organisatie-naam", "Afdeling Gebiedsontwikkeling");
        await dialog.ClickButtonAsync("Opslaan");

        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var created = await WaitForAsync(() => db.Organisations.AsNoTracking().Include(o => o.Parents).SingleOrDefaultAsync(o => o.Name == "Afdeling Gebiedsontwikkeling"));
        Assert.Equal(world.Omgeving.Id, Assert.Single(created.Parents).ParentOrganisationId);
        page.WaitForAssertion(() => Assert.EndsWith($"/organisaties/{created.OvoCode.Value}", CurrentUri, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public async Task AddingAKey_ThatAnotherOrganisationHolds_ShowsTheRule()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        var orafin = await Data.KeyTypeAsync("orafin", "Orafin", CancellationToken);
        await Data.KeyAsync(world.Mow, orafin, "ORA-1", cancellationToken: CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        NavigateTo($"/organisaties/{world.Vmm.OvoCode.Value}?tab=sleutels");
        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, world.Vmm.OvoCode.Value));
        page.WaitForAssertion(() => Assert.Contains("Sleutel toevoegen", page.ButtonTexts()), LoadTimeout);

        page.OpenDialog("Sleutel toevoegen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#sleutel-waarde")), LoadTimeout);
        await providers.ChooseAsync("sleutel-type", "Orafin");
        await dialog.TypeAsync("sleutel-waarde", "ORA-1");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(
            () => Assert.Contains($"De sleutel Orafin 'ORA-1' is al in gebruik bij {world.Mow.OvoCode.Value}", dialog.Find("[role=alert]").TextContent, StringComparison.Ordinal),
            LoadTimeout);
    }

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("org-manager", false)]
    [InlineData("reader", false)]
    public async Task DetailPage_OffersTheHistoryTab_OnlyToThoseWhoMayReviewTheAudit(string persona, bool offered)
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = RenderDetail(world.Vmm.OvoCode.Value);

        Assert.Equal(offered, page.FindAll(".mud-tab").Any(t => t.TextContent.Trim() == "Historiek"));
    }

    [Fact]
    public async Task HistoryTab_ShowsWhoChangedWhat_FromTheAuditTrail()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        var manager = await SignInAsync(DevelopmentPersonas.OrganisationManager);
        var stored = await OrganisationAsync(world.Vmm.Id);
        await Services.GetRequiredService<OrganisationService>().UpdateAsync(
            manager, new UpdateOrganisation(stored.OvoCode.Value, stored.Version, "Vlaamse Milieumaatschappij", "VMM", Description: "Nieuwe opdracht"), CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        NavigateTo($"/organisaties/{world.Vmm.OvoCode.Value}?tab=historiek");

        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, world.Vmm.OvoCode.Value));

        page.WaitForAssertion(() => Assert.Contains("→ Nieuwe opdracht", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Gewijzigd", page.Markup, StringComparison.Ordinal);
        Assert.Contains($"/audit?organisatie={world.Vmm.OvoCode.Value}", page.Markup, StringComparison.Ordinal);
    }

    private IRenderedComponent<OrganisationDetailPage> RenderDetail(string ovoCode)
    {
        NavigateTo($"/organisaties/{ovoCode}");
        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, ovoCode));
        page.WaitForAssertion(() => Assert.Contains("Moederorganisaties", page.Markup, StringComparison.Ordinal), LoadTimeout);
        return page;
    }

    private async Task<Organisation> OrganisationAsync(Guid id)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return await db.Organisations.AsNoTracking().SingleAsync(o => o.Id == id, CancellationToken);
    }

    private static async Task<T> WaitForAsync<T>(Func<Task<T?>> read)
        where T : class
    {
        var until = DateTime.UtcNow + LoadTimeout;
        while (true)
        {
            if (await read() is { } value)
            {
                return value;
            }

            Assert.True(DateTime.UtcNow < until, "Timed out waiting for the database.");
            await Task.Delay(50);
        }
    }
}
