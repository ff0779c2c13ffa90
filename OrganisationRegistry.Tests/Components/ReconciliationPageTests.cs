using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using ReconciliationPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.DomainReconciliation;

namespace OrganisationRegistry.Tests.Components;

/// <summary>
/// The list reconciliation page: upload a list, see the differences on the reference date (today, 01/06/2025, by
/// default) grouped by kind, select, confirm and apply all or nothing.
/// </summary>
[Collection(SqliteCollection.Name)]
public sealed class ReconciliationPageTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private const string FileName = "bestuursdecreet juni.csv";

    [Fact]
    public async Task Comparing_ShowsTheCountsPerKind_TheDifferencesGroupedByKind_AndTheRowsThatCouldNotBeCompared()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (_, page) = await RenderPageAsync();

        await UploadAndCompareAsync(page, world, $"{world.Vmm.OvoCode};departement", "OVO999999;departement");

        Assert.Equal("Verschillen op 01/06/2025", page.Find("#verschillen-kop").TextContent);
        Assert.Equal(["1", "0", "1", "0"], page.FindAll("td[data-soort]").Select(c => c.TextContent));
        var missing = Rows(page, "soort-MissingInRegister");
        Assert.Equal(["3", world.Vmm.OvoCode.Value, "Vlaamse Milieumaatschappij", "Vlaamse administratie - departement, vanaf 01/06/2025", "–"], missing.Single()[1..]);
        var category = Rows(page, "soort-OtherCategory").Single();
        Assert.Equal(
            ["Vlaamse administratie - IVA zonder rechtspersoonlijkheid, vanaf 01/01/2019", "Vlaamse administratie - departement, vanaf 01/01/2019"],
            category[^2..]);
        var issue = page.FindAll("section[aria-labelledby=rijen-kop] tbody tr").Single().QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToArray();
        Assert.Equal(["4", "Onbekend", "OVO999999", "–", "OVO999999 bestaat niet in het register."], issue);
        Assert.Equal(1, await AssignmentCountAsync());
    }

    [Fact]
    public async Task SelectingAll_ThenApplyingAfterConfirmation_WritesEveryChange_AndShowsWhatWasDone()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (providers, page) = await RenderPageAsync();
        await UploadAndCompareAsync(page, world, $"{world.Vmm.OvoCode};departement", $"{world.Mow.OvoCode};departement");

        await page.Find("input[type=checkbox][aria-label='Departement Omgeving (" + world.Omgeving.OvoCode + ") kiezen']").ChangeAsync(new() { Value = true });
        await CheckAsync(page, "Alles selecteren: In de lijst, niet in het register");
        Assert.Contains("3 verschillen gekozen", page.Markup, StringComparison.Ordinal);
        page.OpenDialog("Toepassen");
        providers.Dialogs.WaitForAssertion(
            () => Assert.Contains($"U past 3 wijzigingen toe uit '{FileName}' op referentiedatum 01/06/2025.", providers.Dialogs.Markup, StringComparison.Ordinal),
            LoadTimeout);
        await providers.Dialogs.ClickButtonAsync("Toepassen");

        page.WaitForAssertion(() => Assert.Contains("3 wijzigingen toegepast. Reden in de audit: bestuursdecreet juni.csv", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(4, await AssignmentCountAsync());

        // The comparison is made again: what was applied no longer differs.
        Assert.Equal(["0", "0", "0", "0"], page.FindAll("td[data-soort]").Select(c => c.TextContent));
    }

    [Fact]
    public async Task Applying_WhenOneChangeBreaksARule_WritesNothing_AndSaysWhichAndWhy()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await Data.AssignAsync(world.Mow, world.Bestuursdecreet, "departement", TestData.Period("2026-01-01"), cancellationToken: CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var (providers, page) = await RenderPageAsync();
        await UploadAndCompareAsync(page, world, $"{world.Vmm.OvoCode};departement", $"{world.Mow.OvoCode};departement");

        await CheckAsync(page, "Alles selecteren: In de lijst, niet in het register");
        page.OpenDialog("Toepassen");
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Verschillen toepassen", providers.Dialogs.Markup, StringComparison.Ordinal), LoadTimeout);
        await providers.Dialogs.ClickButtonAsync("Toepassen");

        page.WaitForAssertion(() => Assert.Equal("Niets toegepast", page.Find("#resultaat-kop").TextContent), LoadTimeout);
        Assert.Contains("Er werd niets toegepast: 1 van 2 gekozen verschillen kan of kon niet.", page.Markup, StringComparison.Ordinal);
        Assert.Contains(
            $"Probleem: {world.Mow.OvoCode} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2026.",
            page.FindAll("section[aria-labelledby=resultaat-kop] td").Select(d => d.TextContent));
        Assert.Equal(2, await AssignmentCountAsync());
    }

    [Fact]
    public async Task CancellingTheConfirmation_AppliesNothing()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (providers, page) = await RenderPageAsync();
        await UploadAndCompareAsync(page, world, $"{world.Vmm.OvoCode};departement");

        await CheckAsync(page, "Alles selecteren: In de lijst, niet in het register");
        page.OpenDialog("Toepassen");
        providers.Dialogs.WaitForAssertion(() => Assert.Contains("Annuleren", providers.Dialogs.Markup, StringComparison.Ordinal), LoadTimeout);
        await providers.Dialogs.ClickButtonAsync("Annuleren");

        Assert.Empty(page.FindAll("#resultaat-kop"));
        Assert.Equal(1, await AssignmentCountAsync());
    }

    [Fact]
    public async Task AFileWithoutIdentifierColumn_IsRefused_WithTheReason()
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (_, page) = await RenderPageAsync();

        await UploadAsync(page, "Naam;Categorie\nOmgeving;departement\n");
        await page.ClickButtonAsync("Vergelijken");

        page.WaitForAssertion(
            () => Assert.StartsWith("De kopregel heeft geen kolom met de OVO-code of het KBO-nummer", page.Find("[role=alert]").TextContent.Trim(), StringComparison.Ordinal),
            LoadTimeout);
        Assert.Empty(page.FindAll("#verschillen-kop"));
    }

    [Theory]
    [InlineData("dfb-expert")]
    [InlineData("org-manager")]
    [InlineData("reader")]
    public async Task WithoutTheRight_ShowsNoWayToUploadOrApply(string persona)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        var (_, page) = await RenderPageAsync();

        Assert.Contains("U beheert de toewijzingen van Bestuursdecreet niet.", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindComponents<InputFile>());
        Assert.DoesNotContain("Vergelijken", page.ButtonTexts());
    }

    [Fact]
    public async Task TheDomainPage_LinksToTheComparison_OnlyForThoseWhoManageTheDomain()
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var steward = Render<OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Detail>(p => p.Add(x => x.Code, EditingWorld.BestuursdecreetCode));
        steward.WaitForAssertion(() => Assert.Equal("/toepassingsgebieden/bestuursdecreet/vergelijken", steward.Find("a[href$=vergelijken]").GetAttribute("href")), LoadTimeout);

        await SignInAsync(DevelopmentPersonas.DfbExpert);
        var other = Render<OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Detail>(p => p.Add(x => x.Code, EditingWorld.BestuursdecreetCode));
        other.WaitForAssertion(() => Assert.Equal("Bestuursdecreet", other.Find("h1").TextContent), LoadTimeout);
        Assert.Empty(other.FindAll("a[href$=vergelijken]"));
    }

    private async Task<(Providers Providers, IRenderedComponent<ReconciliationPage> Page)> RenderPageAsync()
    {
        var providers = RenderProviders();
        NavigateTo($"/toepassingsgebieden/{EditingWorld.BestuursdecreetCode}/vergelijken");
        var page = Render<ReconciliationPage>(p => p.Add(x => x.Code, EditingWorld.BestuursdecreetCode));
        page.WaitForAssertion(() => Assert.Equal("Lijst vergelijken met het register", page.Find("h1").TextContent), LoadTimeout);
        return await Task.FromResult((providers, page));
    }

    /// <summary>A list as Excel saves it: BOM, semicolons, trailing empty columns; the department first (as IVA), then <paramref name="rows"/>.</summary>
    private static async Task UploadAndCompareAsync(IRenderedComponent<ReconciliationPage> page, EditingWorld world, params string[] rows)
    {
        var text = new StringBuilder("OVO-code;Categorie;;;\r\n")
            .Append(world.Omgeving.OvoCode).Append(";Vlaamse administratie - IVA zonder rechtspersoonlijkheid;;;\r\n");
        foreach (var row in rows)
        {
            text.Append(row).Append(";;;\r\n");
        }

        await UploadAsync(page, text.ToString());
        await page.ClickButtonAsync("Vergelijken");
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#verschillen-kop")), LoadTimeout);
    }

    private static Task UploadAsync(IRenderedComponent<ReconciliationPage> page, string text)
    {
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], FileName));
        page.WaitForAssertion(() => Assert.Contains($"Gekozen: {FileName}", page.Markup, StringComparison.Ordinal), LoadTimeout);
        return Task.CompletedTask;
    }

    private static Task CheckAsync(IRenderedComponent<ReconciliationPage> page, string label) =>
        page.FindAll("label").Single(l => l.TextContent.Trim() == label).QuerySelector("input[type=checkbox]")!.ChangeAsync(new() { Value = true });

    private static List<string[]> Rows(IRenderedComponent<ReconciliationPage> page, string sectionId) =>
        [.. page.FindAll($"section[aria-labelledby={sectionId}] tbody tr").Select(r => r.QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToArray())];

    private async Task<int> AssignmentCountAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return await db.DomainAssignments.CountAsync(a => a.ApplicationDomain!.Code == EditingWorld.BestuursdecreetCode, CancellationToken);
    }
}
