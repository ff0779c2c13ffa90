using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using DomainDetailPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Detail;
using OrganisationDetailPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Detail;

namespace OrganisationRegistry.Tests.Components;

/// <summary>Assignments edited on the domain page and on the organisation's tab: who sees which control, and the dialogs' flows.</summary>
[Collection(SqliteCollection.Name)]
public sealed class AssignmentEditingTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    public static TheoryData<string, string, bool> DomainPageRights => new()
    {
        { "central-admin", EditingWorld.BestuursdecreetCode, true },
        { "central-admin", EditingWorld.VcoCode, true },
        { "aop-expert", EditingWorld.BestuursdecreetCode, true },
        { "aop-expert", EditingWorld.VcoCode, false },
        { "dfb-expert", EditingWorld.BestuursdecreetCode, false },
        { "dfb-expert", EditingWorld.VcoCode, true },
        { "org-manager", EditingWorld.BestuursdecreetCode, false },
        { "org-manager", EditingWorld.VcoCode, false },
        { "reader", EditingWorld.BestuursdecreetCode, false },
        { "reader", EditingWorld.VcoCode, false },
    };

    [Theory]
    [MemberData(nameof(DomainPageRights))]
    public async Task DomainPage_ShowsTheEditControls_OnlyToThoseWhoManageTheDomain(string persona, string domainCode, bool manages)
    {
        await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);
        NavigateTo($"/toepassingsgebieden/{domainCode}");

        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, domainCode));

        page.WaitForAssertion(() => Assert.Contains("Departement Omgeving", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);
        string[] expected = manages ? ["Toewijzen", "Meerdere organisaties toewijzen", "Wijzigen", "Beëindigen", "Corrigeren"] : [];
        Assert.Equal(expected, EditButtons(page));
    }

    public static TheoryData<string, string[]> OrganisationTabRights => new()
    {
        { "central-admin", ["Toewijzen", "Wijzigen", "Beëindigen", "Corrigeren", "Wijzigen", "Beëindigen", "Corrigeren"] },
        { "aop-expert", ["Toewijzen", "Bestuursdecreet: Wijzigen", "Bestuursdecreet: Beëindigen", "Bestuursdecreet: Corrigeren"] },
        { "dfb-expert", ["Toewijzen", "Vlaamse Codex Overheidsfinanciën: Wijzigen", "Vlaamse Codex Overheidsfinanciën: Beëindigen", "Vlaamse Codex Overheidsfinanciën: Corrigeren"] },
        { "org-manager", [] },
        { "reader", [] },
    };

    [Theory]
    [MemberData(nameof(OrganisationTabRights))]
    public async Task OrganisationTab_ShowsAssignmentControls_PerDomainTheUserManages(string persona, string[] expected)
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.Find(persona)!);

        var page = await RenderAssignmentsTabAsync(world.Omgeving.OvoCode.Value);

        var central = persona == "central-admin";
        var shown = new List<string>();
        if (page.ButtonTexts().Contains("Toewijzen"))
        {
            shown.Add("Toewijzen");
        }

        foreach (var row in page.FindAll("tbody tr").Where(r => r.QuerySelector("td a") is not null))
        {
            var domain = row.QuerySelector("td a")!.TextContent;
            shown.AddRange(row.QuerySelectorAll("button").Select(b => central ? b.TextContent.Trim() : $"{domain}: {b.TextContent.Trim()}"));
        }

        Assert.Equal(expected, shown);
    }

    [Fact]
    public async Task Assigning_ThroughTheDialog_WritesTheAssignment_AndRefreshesTheList()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var providers = RenderProviders();
        var page = await RenderAssignmentsTabAsync(world.Vmm.OvoCode.Value);
        Assert.Contains("Niet toegewezen aan een toepassingsgebied", page.Markup, StringComparison.Ordinal);

        page.OpenDialog("Toewijzen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Bestuursdecreet", dialog.Find(".mud-dialog").TextContent, StringComparison.Ordinal), LoadTimeout);
        await providers.ChooseAsync("toewijzing-categorie", "Vlaamse administratie - IVA zonder rechtspersoonlijkheid");
        await dialog.TypeAsync("toewijzing-van", "01/01/2024");
        await dialog.TypeAsync("toewijzing-opmerking", "Sinds de hervorming");
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("IVA zonder rechtspersoonlijkheid", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("01/01/2024", page.Find("tbody").TextContent, StringComparison.Ordinal);
        Assert.Empty(dialog.FindAll(".mud-dialog"));
        Assert.Contains("toegewezen aan Bestuursdecreet", providers.Snackbars.Markup, StringComparison.Ordinal);
        var stored = await AssignmentsOfAsync(world.Vmm.Id);
        var assignment = Assert.Single(stored);
        Assert.Equal((new DateOnly(2024, 1, 1), (DateOnly?)null, "Sinds de hervorming"), (assignment.ValidFrom!.Value, assignment.ValidTo, assignment.Remark));
    }

    [Fact]
    public async Task Assigning_AnOverlappingPeriod_ShowsTheRuleInDutch_AndWritesNothing()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.AopExpert);
        var providers = RenderProviders();
        var page = await RenderAssignmentsTabAsync(world.Omgeving.OvoCode.Value);

        page.OpenDialog("Toewijzen");
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Bestuursdecreet", dialog.Find(".mud-dialog").TextContent, StringComparison.Ordinal), LoadTimeout);
        await providers.ChooseAsync("toewijzing-categorie", "Vlaamse administratie - departement");
        await dialog.TypeAsync("toewijzing-van", "01/01/2020");
        await dialog.TypeAsync("toewijzing-tot", "31/12/2024");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(
            () => Assert.Contains(
                $"{world.Omgeving.OvoCode.Value} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2019.",
                dialog.Find(".mud-dialog [role=alert]").TextContent,
                StringComparison.Ordinal),
            LoadTimeout);
        Assert.Equal(2, (await AssignmentsOfAsync(world.Omgeving.Id)).Count);
    }

    [Fact]
    public async Task Changing_AnAssignmentSomeoneElseChanged_ShowsTheConflictWithTheCurrentValues_AndOverwritesNothing()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        var aop = await SignInAsync(DevelopmentPersonas.AopExpert);
        var providers = RenderProviders();
        NavigateTo($"/toepassingsgebieden/{EditingWorld.BestuursdecreetCode}");
        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, EditingWorld.BestuursdecreetCode));
        page.WaitForAssertion(() => Assert.Contains("Departement Omgeving", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);

        page.RowButton("Departement Omgeving", "Wijzigen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Equal("01/01/2019", dialog.Find("#toewijzing-van").GetAttribute("value")), LoadTimeout);

        // Meanwhile a colleague ends the assignment.
        var assignment = Assert.Single(await AssignmentsOfAsync(world.Omgeving.Id, world.Bestuursdecreet.Id));
        await Services.GetRequiredService<AssignmentService>().EndAsync(
            aop, new EndAssignment(assignment.Id, assignment.Version, new DateOnly(2024, 12, 31)), CancellationToken);

        await dialog.TypeAsync("toewijzing-opmerking", "Mijn wijziging");
        await dialog.ClickButtonAsync("Opslaan");

        dialog.WaitForAssertion(() => Assert.Contains("Gewijzigd door iemand anders", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        var conflict = dialog.Find(".registry-conflict");
        Assert.Contains("31/12/2024", conflict.TextContent, StringComparison.Ordinal);
        Assert.Contains("Herladen", dialog.ButtonTexts());
        Assert.True(dialog.Button("Opslaan").HasAttribute("disabled"), "Saving again would only meet the same conflict: first Herladen.");
        var stored = Assert.Single(await AssignmentsOfAsync(world.Omgeving.Id, world.Bestuursdecreet.Id));
        Assert.Equal((new DateOnly(2024, 12, 31), (string?)null), (stored.ValidTo, stored.Remark));

        await dialog.ClickButtonAsync("Herladen");

        dialog.WaitForAssertion(() => Assert.Equal("31/12/2024", dialog.Find("#toewijzing-tot").GetAttribute("value")), LoadTimeout);
        Assert.Empty(dialog.FindAll(".registry-conflict"));
        Assert.False(dialog.Button("Opslaan").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Correcting_NeedsAReason_ThenRemovesTheAssignment()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.DfbExpert);
        var providers = RenderProviders();
        var page = await RenderAssignmentsTabAsync(world.Omgeving.OvoCode.Value);

        page.RowButton("Vlaamse Codex Overheidsfinanciën", "Corrigeren").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.Contains("Verwijderen", dialog.ButtonTexts()), LoadTimeout);
        await dialog.ClickButtonAsync("Verwijderen");

        dialog.WaitForAssertion(
            () => Assert.Contains("Geef de reden van de correctie", dialog.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(2, (await AssignmentsOfAsync(world.Omgeving.Id)).Count);

        await dialog.TypeAsync("correctie-reden", "Verkeerd toegewezen bij de migratie");
        await dialog.ClickButtonAsync("Verwijderen");

        page.WaitForAssertion(() => Assert.DoesNotContain("Vlaamse Codex", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(world.Bestuursdecreet.Id, Assert.Single(await AssignmentsOfAsync(world.Omgeving.Id)).ApplicationDomainId);
    }

    [Fact]
    public async Task Ending_SetsTheEndDate()
    {
        var world = await EditingWorld.CreateAsync(Data, CancellationToken);
        await SignInAsync(DevelopmentPersonas.CentralAdmin);
        var providers = RenderProviders();
        var page = await RenderAssignmentsTabAsync(world.Omgeving.OvoCode.Value);

        page.RowButton("Bestuursdecreet", "Beëindigen").Click();
        var dialog = providers.Dialogs;
        dialog.WaitForAssertion(() => Assert.NotNull(dialog.Find("#einddatum")), LoadTimeout);
        await dialog.TypeAsync("einddatum", "30/06/2025");
        await dialog.ClickButtonAsync("Opslaan");

        page.WaitForAssertion(() => Assert.Contains("30/06/2025", page.Find("tbody").TextContent, StringComparison.Ordinal), LoadTimeout);
        var stored = Assert.Single(await AssignmentsOfAsync(world.Omgeving.Id, world.Bestuursdecreet.Id));
        Assert.Equal(new DateOnly(2025, 6, 30), stored.ValidTo);
    }

    /// <summary>The edit buttons, and the link to the bulk page, in the order of the page.</summary>
    private static List<string> EditButtons(IRenderedComponent<DomainDetailPage> page) =>
        [.. page.FindAll("button, a").Select(b => b.TextContent.Trim())
            .Where(t => t is "Toewijzen" or "Meerdere organisaties toewijzen" or "Wijzigen" or "Beëindigen" or "Corrigeren")];

    private async Task<IRenderedComponent<OrganisationDetailPage>> RenderAssignmentsTabAsync(string ovoCode)
    {
        NavigateTo($"/organisaties/{ovoCode}?tab=toepassingsgebieden");
        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, ovoCode));
        page.WaitForAssertion(() => Assert.Contains("Toewijzingen aan toepassingsgebieden", page.Markup, StringComparison.Ordinal), LoadTimeout);
        return await Task.FromResult(page);
    }

    private async Task<List<DomainAssignment>> AssignmentsOfAsync(Guid organisationId, Guid? domainId = null)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(CancellationToken);
        return await db.DomainAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && (domainId == null || a.ApplicationDomainId == domainId))
            .ToListAsync(CancellationToken);
    }
}
