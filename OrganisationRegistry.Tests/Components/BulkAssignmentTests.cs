using Bunit;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using BulkPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Bulk;

namespace OrganisationRegistry.Tests.Components;

/// <summary>The bulk assignment page: choosing organisations, the preview per organisation, and all-or-nothing apply.</summary>
[Collection(SqliteCollection.Name)]
public sealed class BulkAssignmentTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    [Fact]
    public async Task Preview_ListsPerOrganisationWhetherItCanBeAssigned_AndWritesNothing()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (providers, page) = await RenderBulkAsync();

        await PasteAsync(page, $"{world.Vmm.OvoCode.Value}; {world.Omgeving.OvoCode.Value}\nOVO12");
        await FillAssignmentAsync(providers, page);
        await page.ClickButtonAsync("Voorbeeld");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("section[aria-labelledby=rapport-kop] tbody tr").Count), LoadTimeout);
        var rows = Rows(page);
        Assert.Equal([world.Vmm.OvoCode.Value, "In orde"], [rows[0][0], rows[0][2]]);
        Assert.Equal($"Conflict: {world.Omgeving.OvoCode.Value} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2019.", rows[1][2]);
        Assert.StartsWith("Conflict: 'OVO12' is geen geldige OVO-code", rows[2][2], StringComparison.Ordinal);
        Assert.Contains("2 van 3 organisaties geven een conflict. Toepassen schrijft niets", page.Markup, StringComparison.Ordinal);
        Assert.Equal(1, await AssignmentCountAsync(world));
    }

    [Fact]
    public async Task Apply_WithOneConflict_WritesNothing_AndSaysSoPlainly()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (providers, page) = await RenderBulkAsync();

        await PasteAsync(page, $"{world.Vmm.OvoCode.Value} {world.Mow.OvoCode.Value} {world.Omgeving.OvoCode.Value}");
        await FillAssignmentAsync(providers, page);
        await page.ClickButtonAsync("Toepassen");

        page.WaitForAssertion(
            () => Assert.Contains("Er werd niets opgeslagen: 1 van 3 organisaties geven een conflict.", page.Markup, StringComparison.Ordinal),
            LoadTimeout);
        Assert.Equal(["In orde", "In orde"], Rows(page).Take(2).Select(r => r[2]));
        Assert.Equal(1, await AssignmentCountAsync(world));
    }

    [Fact]
    public async Task Apply_WithoutConflicts_AssignsEveryOrganisation()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var (providers, page) = await RenderBulkAsync();

        await PasteAsync(page, $"{world.Vmm.OvoCode.Value} {world.Mow.OvoCode.Value}");
        await FillAssignmentAsync(providers, page);
        await page.ClickButtonAsync("Toepassen");

        page.WaitForAssertion(() => Assert.Contains("2 organisaties toegewezen aan Bestuursdecreet.", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(["Toegewezen", "Toegewezen"], Rows(page).Select(r => r[2]));
        Assert.Equal(3, await AssignmentCountAsync(world));
    }

    [Fact]
    public async Task Searching_AndTickingAnOrganisation_ChoosesIt()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var (_, page) = await RenderBulkAsync();

        await page.Find("#bulk-zoeken").InputAsync(new() { Value = "departement" });
        page.WaitForAssertion(() => Assert.Contains("3 organisaties gevonden", page.Markup, StringComparison.Ordinal), LoadTimeout);
        await page.Find("input[type=checkbox][aria-label='Departement Omgeving kiezen']").ChangeAsync(new() { Value = true });

        page.WaitForAssertion(() => Assert.Contains("Gekozen organisaties (1)", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains($"Departement Omgeving ({world.Omgeving.OvoCode.Value})", page.Find("ul.registry-list").TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dfb-expert")]
    [InlineData("org-manager")]
    [InlineData("reader")]
    public async Task WithoutTheRight_ShowsNoWayToAssign(string persona)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        var (_, page) = await RenderBulkAsync();

        Assert.Contains("U beheert de toewijzingen van Bestuursdecreet niet.", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("Toepassen", page.ButtonTexts());
        Assert.DoesNotContain("Voorbeeld", page.ButtonTexts());
    }

    private async Task<(Providers Providers, IRenderedComponent<BulkPage> Page)> RenderBulkAsync()
    {
        var providers = RenderProviders();
        NavigateTo($"/toepassingsgebieden/{EditingWorld.BestuursdecreetCode}/bulk");
        var page = Render<BulkPage>(p => p.Add(x => x.Code, EditingWorld.BestuursdecreetCode));
        page.WaitForAssertion(() => Assert.Equal("Meerdere organisaties toewijzen", page.Find("h1").TextContent), LoadTimeout);
        return await Task.FromResult((providers, page));
    }

    private static async Task PasteAsync(IRenderedComponent<BulkPage> page, string codes)
    {
        await page.Find("#bulk-ovo-codes").InputAsync(new() { Value = codes });
        await page.ClickButtonAsync("Toevoegen uit lijst");
    }

    private static async Task FillAssignmentAsync(Providers providers, IRenderedComponent<BulkPage> page)
    {
        await providers.ChooseAsync("bulk-categorie", "Vlaamse administratie - IVA zonder rechtspersoonlijkheid", page);
        await page.TypeAsync("bulk-van", "01/01/2024");
    }

    private static List<string[]> Rows(IRenderedComponent<BulkPage> page) =>
        [.. page.FindAll("section[aria-labelledby=rapport-kop] tbody tr").Select(r => r.QuerySelectorAll("td").Select(d => d.TextContent.Trim()).ToArray())];

    private async Task<int> AssignmentCountAsync(EditingWorld world)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return await db.DomainAssignments.CountAsync(a => a.ApplicationDomainId == world.Bestuursdecreet.Id, CancellationToken);
    }
}
