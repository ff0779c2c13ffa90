using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using OrganisationRegistry.Domain.Organisations;
using static Microsoft.Playwright.Assertions;

namespace OrganisationRegistry.Tests.Browser;

/// <summary>
/// Horizontal and vertical decentral management in a real Chromium, as the experts would do it: the steward of a
/// domain edits that domain and finds no way to edit the other; an organisation manager edits its own subtree only.
/// </summary>
public sealed class DecentralManagementBrowserTests(BrowserFixture fixture) : BrowserTest(fixture)
{
    private const string Bestuursdecreet = "bestuursdecreet";
    private const string Codex = "vco";

    [Fact]
    public async Task AopExpert_AssignsAnOrganisationToTheBestuursdecreet_AndSeesItInTheDomainList()
    {
        var (ovo, name) = await UnassignedOrganisationAsync(Bestuursdecreet, skip: 0);
        var (categoryCode, categoryName) = await SmallestCategoryAsync(Bestuursdecreet);
        await SignInAsAsync("aop-expert", $"/toepassingsgebieden/{Bestuursdecreet}");
        await WaitForInteractivityAsync();

        await Page.GetByRole(AriaRole.Button, new() { Name = "Toewijzen", Exact = true }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Organisatie", new() { Exact = true }).FillAsync(ovo);
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = ovo }).ClickAsync();
        await ChooseAsync(dialog.GetByLabel("Categorie", new() { Exact = true }), categoryName);
        await dialog.GetByLabel("Geldig van", new() { Exact = true }).FillAsync("01/01/2025");
        await dialog.GetByLabel("Geldig van", new() { Exact = true }).PressAsync("Tab");
        await dialog.GetByLabel("Opmerking", new() { Exact = true }).FillAsync("Toegewezen in de browsertest");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Opslaan", Exact = true }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);

        await GotoAsync($"/toepassingsgebieden/{Bestuursdecreet}?categorie={categoryCode}");
        await Expect(Page.GetByRole(AriaRole.Row).Filter(new() { HasText = ovo })).ToContainTextAsync(name);
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.True(await db.DomainAssignments.AnyAsync(
            a => a.Organisation!.OvoCode == OvoCode.Parse(ovo) && a.ApplicationDomain!.Code == Bestuursdecreet && a.Remark == "Toegewezen in de browsertest",
            TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("aop-expert", Bestuursdecreet, Codex)]
    [InlineData("dfb-expert", Codex, Bestuursdecreet)]
    public async Task Steward_FindsNoWayToEditTheOtherDomain(string persona, string ownDomain, string otherDomain)
    {
        var (assignedElsewhere, _) = await AssignedOrganisationAsync(otherDomain);
        await SignInAsAsync(persona, $"/toepassingsgebieden/{otherDomain}");
        await WaitForInteractivityAsync();

        // The other domain's page: its members are listed, but nothing can be changed.
        await Expect(Page.GetByRole(AriaRole.Row).Nth(1)).ToBeVisibleAsync();
        foreach (var action in new[] { "Toewijzen", "Wijzigen", "Beëindigen", "Corrigeren" })
        {
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        }

        await Expect(Page.GetByRole(AriaRole.Link, new() { Name = "Meerdere organisaties toewijzen" })).ToHaveCountAsync(0);

        // Its own domain's page does offer editing.
        await GotoAsync($"/toepassingsgebieden/{ownDomain}");
        await WaitForInteractivityAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Toewijzen", Exact = true })).ToBeVisibleAsync();

        // On an organisation of the other domain, the assign dialog offers only the steward's own domain.
        await GotoAsync($"/organisaties/{assignedElsewhere}?tab=toepassingsgebieden");
        await WaitForInteractivityAsync();
        await Page.GetByRole(AriaRole.Tab).Filter(new() { HasText = "Toepassingsgebieden" }).ClickAsync();
        await Page.GetByRole(AriaRole.Button, new() { Name = "Toewijzen", Exact = true }).ClickAsync();
        var dialog = Page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Toepassingsgebied", new() { Exact = true }).ClickAsync();
        var options = Page.Locator(".mud-popover-open .mud-list-item");
        await Expect(options).ToHaveCountAsync(1);
        await Expect(options).ToHaveTextAsync(await DomainNameAsync(ownDomain));
    }

    [Fact]
    public async Task OrganisationManager_EditsItsOwnSubtree_AndCannotEditOutsideIt()
    {
        var own = await OvoOfAsync("Departement Omgeving");
        var outside = await OvoOfAsync("Departement Mobiliteit en Openbare Werken");
        await SignInAsAsync("org-manager", $"/organisaties/{own}");
        await WaitForInteractivityAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Gegevens wijzigen", Exact = true })).ToBeVisibleAsync();
        await Expect(Page.GetByRole(AriaRole.Button, new() { Name = "Nieuwe dochterorganisatie", Exact = true })).ToBeVisibleAsync();

        await GotoAsync($"/organisaties/{outside}");
        await WaitForInteractivityAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Departement Mobiliteit en Openbare Werken");
        foreach (var action in new[] { "Gegevens wijzigen", "Nieuwe dochterorganisatie", "Moederorganisatie toevoegen", "Sleutel toevoegen", "Toewijzen", "Wijzigen", "Verwijderen" })
        {
            await Expect(Page.GetByRole(AriaRole.Button, new() { Name = action, Exact = true })).ToHaveCountAsync(0);
        }
    }

    /// <summary>Opens a MudSelect and picks the option with <paramref name="text"/>.</summary>
    private async Task ChooseAsync(ILocator select, string text)
    {
        await select.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First.ClickAsync();
    }

    /// <summary>A current organisation that was never assigned to <paramref name="domainCode"/> (each test its own).</summary>
    private async Task<(string Ovo, string Name)> UnassignedOrganisationAsync(string domainCode, int skip)
    {
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var organisation = await db.Organisations
            .Where(o => o.ValidTo == null && !db.DomainAssignments.Any(a => a.OrganisationId == o.Id && a.ApplicationDomain!.Code == domainCode))
            .OrderByDescending(o => o.OvoCode)
            .Skip(skip)
            .Select(o => new { o.OvoCode, o.Name })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (organisation.OvoCode.Value, organisation.Name);
    }

    private async Task<(string Ovo, string Name)> AssignedOrganisationAsync(string domainCode)
    {
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var organisation = await db.DomainAssignments
            .Where(a => a.ApplicationDomain!.Code == domainCode)
            .OrderBy(a => a.Organisation!.OvoCode)
            .Select(a => new { a.Organisation!.OvoCode, a.Organisation.Name })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (organisation.OvoCode.Value, organisation.Name);
    }

    /// <summary>The active category with the fewest assignments, so that a new member lands on the first page.</summary>
    private async Task<(string Code, string Name)> SmallestCategoryAsync(string domainCode)
    {
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var category = await db.DomainCategories
            .Where(c => c.IsActive && db.ApplicationDomains.Any(d => d.Id == c.ApplicationDomainId && d.Code == domainCode))
            .OrderBy(c => db.DomainAssignments.Count(a => a.CategoryId == c.Id))
            .ThenBy(c => c.SortOrder)
            .Select(c => new { c.Code, c.Name })
            .FirstAsync(TestContext.Current.CancellationToken);
        return (category.Code, category.Name);
    }

    private async Task<string> DomainNameAsync(string domainCode)
    {
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        return await db.ApplicationDomains.Where(d => d.Code == domainCode).Select(d => d.Name).SingleAsync(TestContext.Current.CancellationToken);
    }

    private async Task<string> OvoOfAsync(string name)
    {
        await using var db = await Fixture.Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        var ovo = await db.Organisations.Where(o => o.Name == name).Select(o => o.OvoCode).SingleAsync(TestContext.Current.CancellationToken);
        return ovo.Value;
    }
}
