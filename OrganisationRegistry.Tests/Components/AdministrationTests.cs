using Bunit;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.Components.Layout;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using DomainAdministrationPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Administration;
using GrantsPage = OrganisationRegistry.Admin.Components.Pages.Rights.Grants;

namespace OrganisationRegistry.Tests.Components;

/// <summary>Reference data and rights: domains, categories, stewardship, people's rights and the menu entries to them.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AdministrationTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private static readonly string[] Controls =
        ["Nieuw toepassingsgebied", "Toepassingsgebied wijzigen", "Wijzigen", "Categorie toevoegen", "Verwijderen", "Beheerder toevoegen"];

    public static TheoryData<string, string[]> DomainAdministrationRights => new()
    {
        {
            "central-admin",
            [
                "Nieuw toepassingsgebied",
                "Toepassingsgebied wijzigen", "Wijzigen", "Wijzigen", "Categorie toevoegen", "Verwijderen", "Beheerder toevoegen",
                "Toepassingsgebied wijzigen", "Wijzigen", "Wijzigen", "Categorie toevoegen", "Verwijderen", "Beheerder toevoegen",
            ]
        },
        { "aop-expert", ["Wijzigen", "Wijzigen", "Categorie toevoegen"] },
        { "dfb-expert", ["Wijzigen", "Wijzigen", "Categorie toevoegen"] },
        { "org-manager", [] },
        { "reader", [] },
    };

    [Theory]
    [MemberData(nameof(DomainAdministrationRights))]
    public async Task DomainAdministration_ShowsEachControl_OnlyToThoseWithTheRight(string persona, string[] expected)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = Render<DomainAdministrationPage>();

        page.WaitForAssertion(() => Assert.DoesNotContain("Bezig met laden", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(expected, page.ButtonTexts().Where(t => Controls.Contains(t)));
        if (persona is "aop-expert" or "dfb-expert")
        {
            var managed = persona == "aop-expert" ? "Bestuursdecreet" : "Vlaamse Codex Overheidsfinanciën";
            var section = page.FindAll("section").Single(s => s.QuerySelector("h2")!.TextContent.Trim() == managed);
            Assert.Equal(3, section.QuerySelectorAll("button").Length);
        }

        if (expected.Length == 0)
        {
            Assert.Contains("U beheert geen toepassingsgebieden.", page.Markup, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AddingACategory_AsTheDomainsSteward_StoresIt_AndListsIt()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var providers = RenderProviders();
        var page = Render<DomainAdministrationPage>();
        page.WaitForAssertion(() => Assert.Contains("Categorie toevoegen", page.ButtonTexts()), LoadTimeout);

        page.OpenDialog("Categorie toevoegen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("3", dialog.Find("#categorie-volgorde").GetAttribute("value")), LoadTimeout);
        await dialog.TypeAsync("categorie-code", "dienst-bestuursrechtscolleges");
        await dialog.TypeAsync("categorie-naam", "Dienst van de Bestuursrechtscolleges");
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("Dienst van de Bestuursrechtscolleges", page.Markup, StringComparison.Ordinal), LoadTimeout);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        Assert.True(await db.DomainCategories.AnyAsync(
            c => c.ApplicationDomainId == world.Bestuursdecreet.Id && c.Code == "dienst-bestuursrechtscolleges" && c.SortOrder == 3, CancellationToken));
    }

    [Fact]
    public async Task AnInvalidCategoryCode_ShowsTheValidatorsMessageOnTheField_AndStoresNothing()
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<DomainAdministrationPage>();
        page.WaitForAssertion(() => Assert.Contains("Categorie toevoegen", page.ButtonTexts()), LoadTimeout);

        page.FindAll("button").First(b => b.TextContent.Trim() == "Categorie toevoegen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#categorie-code")), LoadTimeout);
        await dialog.TypeAsync("categorie-code", "Met Spaties");
        await dialog.TypeAsync("categorie-naam", "Iets");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(
            () => Assert.Contains("De code van de categorie bestaat uit kleine letters, cijfers en koppeltekens", dialog.Markup, StringComparison.Ordinal),
            LoadTimeout);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        Assert.Equal(4, await db.DomainCategories.CountAsync(CancellationToken));
    }

    [Fact]
    public async Task AddingASteward_AsCentralStaff_HandsTheDomainToAnotherOrganisation()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<DomainAdministrationPage>();
        page.WaitForAssertion(() => Assert.Contains("Beheerder toevoegen", page.ButtonTexts()), LoadTimeout);

        page.FindAll("button").Last(b => b.TextContent.Trim() == "Beheerder toevoegen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#beheerder-organisatie")), LoadTimeout);
        await providers.PickOrganisationAsync("beheerder-organisatie", world.Mow.OvoCode.Value);
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("Departement Mobiliteit en Openbare Werken", page.FindAll("section")[1].TextContent, StringComparison.Ordinal), LoadTimeout);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        Assert.True(await db.DomainStewards.AnyAsync(s => s.ApplicationDomainId == world.Vco.Id && s.OrganisationId == world.Mow.Id, CancellationToken));
    }

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("aop-expert", false)]
    [InlineData("org-manager", false)]
    [InlineData("reader", false)]
    public async Task Rights_AreManagedByCentralStaffOnly(string persona, bool manages)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = Render<GrantsPage>();

        page.WaitForAssertion(() => Assert.DoesNotContain("Bezig met laden", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(manages, page.ButtonTexts().Contains("Recht toekennen"));
        Assert.Equal(!manages, page.Markup.Contains("Alleen een centrale beheerder mag de rechten van personen beheren.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GrantingAndRevokingARole_ChangesTheList()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = Render<GrantsPage>();
        page.WaitForAssertion(() => Assert.Contains("Nog geen rechten toegekend", page.Markup, StringComparison.Ordinal), LoadTimeout);

        page.OpenDialog("Recht toekennen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#recht-aanmeldnaam")), LoadTimeout);
        await dialog.TypeAsync("recht-aanmeldnaam", "Jan.Peeters@vlaanderen.be");
        await providers.ChooseAsync("recht-rol", "Domeinexpert");
        await dialog.ClickButtonAsync("Opslaan");
        dialog.WaitForAssertion(() => Assert.Contains("De rol Domeinexpert geldt voor een organisatie", dialog.Markup, StringComparison.Ordinal), LoadTimeout);

        await providers.PickOrganisationAsync("recht-organisatie", world.Aop.OvoCode.Value);
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("jan.peeters@vlaanderen.be", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Agentschap Overheidspersoneel", page.Find("tbody").TextContent, StringComparison.Ordinal);

        page.RowButton("jan.peeters@vlaanderen.be", "Intrekken").Click();
        dialog.WaitForAssertion(() => Assert.Contains("verliest de rol Domeinexpert", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        await dialog.ClickButtonAsync("Intrekken");

        page.WaitForAssertion(() => Assert.Contains("Nog geen rechten toegekend", page.Markup, StringComparison.Ordinal), LoadTimeout);
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        Assert.False(await db.UserGrants.AnyAsync(CancellationToken));
    }

    [Theory]
    [InlineData("central-admin", new[] { "Beheer toepassingsgebieden", "Audit", "Rechten", "API-clients", "KBO-gegevens", "KBO-synchronisatie" })]
    [InlineData("aop-expert", new[] { "Beheer toepassingsgebieden", "Audit" })]
    [InlineData("org-manager", new string[0])]
    [InlineData("reader", new string[0])]
    public async Task Menu_ShowsTheAdministrationEntries_OnlyWithTheRight(string persona, string[] expected)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var menu = Render<NavMenu>();

        menu.WaitForAssertion(() => Assert.Contains("Toepassingsgebieden", menu.Markup, StringComparison.Ordinal), LoadTimeout);
        var links = menu.FindAll("a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["Start", "Organisaties", "Toepassingsgebieden", .. expected], links);
    }
}
