using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Admin.Components.Pages.Kbo;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationDetailPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Detail;
using OrganisationListPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Index;

namespace OrganisationRegistry.Tests.Components;

/// <summary>The KBO block of the organisation page, the couple and create dialogs, and the synchronisation page.</summary>
[Collection(SqliteCollection.Name)]
public sealed class KboCouplingComponentTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    private static readonly string Number = KboNumber.FromBase(60_000_001).Digits;
    private static readonly string Formatted = KboNumber.FromBase(60_000_001).Formatted;

    private KboTestData Kbo => new(Database);

    private async Task<EditingWorld> WorldWithKboCopyAsync()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await Kbo.ImportAsync(cancellationToken: CancellationToken);
        await Kbo.CodesAsync(CancellationToken);
        await Kbo.EnterprisesAsync(new KboSeed(Number, "Vlaamse Milieumaatschappij (KBO)", "VMM-KBO", Box: "2"));
        return world;
    }

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("org-manager", false)]
    [InlineData("aop-expert", false)]
    [InlineData("dfb-expert", false)]
    [InlineData("reader", false)]
    public async Task DetailPage_ShowsTheKboBlock_AndOffersCouplingToCentralStaffOnly(string persona, bool offered)
    {
        var world = await WorldWithKboCopyAsync();
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = RenderDetail(world.Vmm.OvoCode.Value);

        Assert.Contains("Niet gekoppeld aan de KBO", page.Markup, StringComparison.Ordinal);
        Assert.Equal(offered, page.ButtonTexts().Contains("Koppelen aan KBO"));
    }

    [Fact]
    public async Task CoupleDialog_LooksTheNumberUp_ShowsTheKboData_ThenCouples()
    {
        var world = await WorldWithKboCopyAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Koppelen aan KBO");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => dialog.Find("#kbo-koppel-nummer"), LoadTimeout);
        Assert.True(dialog.Button("Koppelen").HasAttribute("disabled"));
        await dialog.Find("#kbo-koppel-nummer").InputAsync(new() { Value = $"BE {Number}" });
        await dialog.ClickButtonAsync("Opzoeken");
        dialog.WaitForAssertion(() => Assert.Contains("Havenlaan 88 bus 2, 1000 Brussel", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Openbare instelling", dialog.Markup, StringComparison.Ordinal);
        await dialog.ClickButtonAsync("Koppelen");

        page.WaitForAssertion(() => Assert.Contains("Gekoppeld aan de KBO", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains(Formatted, page.Markup, StringComparison.Ordinal);
        Assert.Contains("Ontkoppelen", page.ButtonTexts());
        var stored = await OrganisationAsync(world.Vmm.Id);
        Assert.Equal(("Vlaamse Milieumaatschappij (KBO)", "Vlaamse Milieumaatschappij"), (stored.Name, stored.NameBeforeKbo));
    }

    [Fact]
    public async Task CoupleDialog_ForANumberNotInTheCopy_SaysWhy_AndCannotConfirm()
    {
        var world = await WorldWithKboCopyAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Koppelen aan KBO");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => dialog.Find("#kbo-koppel-nummer"), LoadTimeout);
        await dialog.Find("#kbo-koppel-nummer").InputAsync(new() { Value = "0123.456.749" });
        await dialog.ClickButtonAsync("Opzoeken");

        dialog.WaitForAssertion(() => Assert.Contains("komt niet voor in de KBO-gegevens van het register (laatste import: extract 123 van 01/11/2026)", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.True(dialog.Button("Koppelen").HasAttribute("disabled"));
    }

    [Fact]
    public async Task GeneralDataDialog_OfACoupledOrganisation_ShowsTheNamesReadOnly_WithTheReason()
    {
        var world = await WorldWithKboCopyAsync();
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        await Services.GetRequiredService<KboCouplingService>().CoupleAsync(admin, new CoupleOrganisationToKbo(world.Vmm.OvoCode.Value, 1, Number), CancellationToken);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Gegevens wijzigen");
        var dialog = providers.Dialogs;

        dialog.WaitForAssertion(() => Assert.True(dialog.Find("#organisatie-naam").HasAttribute("readonly")), LoadTimeout);
        Assert.True(dialog.Find("#organisatie-korte-naam").HasAttribute("readonly"));
        Assert.Contains("Ontkoppel de organisatie van de KBO om ze zelf te beheren.", dialog.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uncouple_SaysWhichNamesComeBack_AndRestoresThem()
    {
        var world = await WorldWithKboCopyAsync();
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        await Services.GetRequiredService<KboCouplingService>().CoupleAsync(admin, new CoupleOrganisationToKbo(world.Vmm.OvoCode.Value, 1, Number), CancellationToken);
        var providers = RenderProviders();
        var page = RenderDetail(world.Vmm.OvoCode.Value);

        page.OpenDialog("Ontkoppelen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("De namen van vóór de koppeling komen terug: 'Vlaamse Milieumaatschappij'", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        await dialog.ClickButtonAsync("Ontkoppelen");

        page.WaitForAssertion(() => Assert.Contains("Niet gekoppeld aan de KBO", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(("Vlaamse Milieumaatschappij", (KboNumber?)null), ((await OrganisationAsync(world.Vmm.Id)).Name, (await OrganisationAsync(world.Vmm.Id)).KboNumber));
    }

    [Theory]
    [InlineData("central-admin", true)]
    [InlineData("org-manager", false)]
    [InlineData("reader", false)]
    public async Task ListPage_OffersNewFromKbo_ToCentralStaffOnly(string persona, bool offered)
    {
        await WorldWithKboCopyAsync();
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        NavigateTo("/organisaties");

        var page = Render<OrganisationListPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("tbody tr td a")), LoadTimeout);
        Assert.Equal(offered, page.ButtonTexts().Contains("Nieuw uit KBO"));
    }

    [Fact]
    public async Task CreateDialog_LooksUp_ThenCreatesTheOrganisationFromTheKbo_AndOpensIt()
    {
        await WorldWithKboCopyAsync();
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        NavigateTo("/organisaties");
        var page = Render<OrganisationListPage>();
        page.WaitForAssertion(() => Assert.Contains("Nieuw uit KBO", page.ButtonTexts()), LoadTimeout);

        page.OpenDialog("Nieuw uit KBO");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => dialog.Find("#kbo-nieuw-nummer"), LoadTimeout);
        await dialog.Find("#kbo-nieuw-nummer").InputAsync(new() { Value = Formatted });
        await dialog.ClickButtonAsync("Opzoeken");
        dialog.WaitForAssertion(() => dialog.Find("#kbo-nieuw-van"), LoadTimeout);
        await dialog.TypeAsync("kbo-nieuw-van", "01/01/2024");
        await dialog.ClickButtonAsync("Aanmaken");

        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        var created = await db.Organisations.AsNoTracking().SingleAsync(o => o.KboNumber == KboNumber.Parse(Number), CancellationToken);
        Assert.Equal(("Vlaamse Milieumaatschappij (KBO)", "VMM-KBO", new DateOnly(2024, 1, 1)), (created.Name, created.ShortName, created.ValidFrom!.Value));
        Assert.EndsWith($"/organisaties/{created.OvoCode.Value}", CurrentUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncPage_WithoutAnyImport_SaysSo()
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);

        var page = Render<KboSync>();

        page.WaitForAssertion(() => Assert.Contains("Er werd nog geen KBO-extract ingelezen", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.DoesNotContain("Alles toepassen", page.ButtonTexts());
    }

    [Fact]
    public async Task SyncPage_ListsOldAndNew_AndAppliesOneOrganisation()
    {
        var world = await WorldWithKboCopyAsync();
        var admin = await SignInAsync(DevelopmentPersonas.CentralAdmin);
        await Services.GetRequiredService<KboCouplingService>().CoupleAsync(admin, new CoupleOrganisationToKbo(world.Vmm.OvoCode.Value, 1, Number), CancellationToken);
        await Kbo.ChangeAsync(async db => (await db.KboDenominations.SingleAsync(d => d.EntityNumber == Number && d.Type == KboDenomination.NameType, CancellationToken)).Value = "VMM Nieuw", CancellationToken);
        await Kbo.ImportAsync(KboImport.Update, 124, finishedAt: new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero), cancellationToken: CancellationToken);
        RenderProviders();

        var page = Render<KboSync>();

        page.WaitForAssertion(() => Assert.Contains("Vlaamse Milieumaatschappij (KBO) → VMM Nieuw", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("1 organisatie verschilt.", page.Markup, StringComparison.Ordinal);
        await page.ClickButtonAsync("Toepassen");

        page.WaitForAssertion(() => Assert.Contains("Geen verschillen", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("VMM Nieuw", (await OrganisationAsync(world.Vmm.Id)).Name);
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
}
