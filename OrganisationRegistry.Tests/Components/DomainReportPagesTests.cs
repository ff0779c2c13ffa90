using Bunit;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.ApplicationDomains;
using static OrganisationRegistry.Tests.Integration.ApplicationDomains.DomainReportScenario;
using ChangesPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Changes;
using DomainDetailPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Detail;
using ReportPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Report;

namespace OrganisationRegistry.Tests.Components;

/// <summary>The report and changes pages of a domain, rendered over a real database (<see cref="DomainReportScenario"/>).</summary>
[Collection(SqliteCollection.Name)]
public sealed class DomainReportPagesTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    [Fact]
    public async Task Report_OnADate_CountsPerCategory_AndListsTheMembersByCategoryThenName()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/rapport?op=2024-12-31");

        var page = Render<ReportPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(
            () => Assert.Equal(
                ["Agentschap Verhuisd", "Departement Omgeving", "Zonder Begin", "Agentschap Einde", OldServiceName],
                page.FindAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.Equal("Wie valt onder Testdecreet op 31/12/2024?", page.Find("h1").TextContent);
        Assert.Equal(
            ["Departement=3", "IVA met rechtspersoonlijkheid=1", "Privaatrechtelijk EVA=0", "Oude categorie (niet meer in gebruik)=1"],
            page.FindAll(".registry-report-counts tbody tr").Select(r => $"{r.QuerySelector("th")!.TextContent.Trim()}={r.QuerySelector("td")!.TextContent.Trim()}"));
        Assert.Equal("5", page.Find(".registry-report-counts tfoot td").TextContent.Trim());
        Assert.Contains("5 organisaties op 31/12/2024", page.Markup, StringComparison.Ordinal);
        Assert.Equal($"/toepassingsgebieden/{Code}/export.csv?geldigOp=2024-12-31&volgorde=categorie", page.Find("a[download]").GetAttribute("href"));
        Assert.Equal("31/12/2024", page.Find("#rapport-op").GetAttribute("value"));
    }

    [Fact]
    public async Task Report_InOneCategory_ListsThatCategory_AndMarksItCurrent()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/rapport?op=2025-01-01&categorie=iva-met-rp");

        var page = Render<ReportPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(
            () => Assert.Equal(["Agentschap Start"], page.FindAll("tbody tr td:nth-child(2) a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.Equal("IVA met rechtspersoonlijkheid", page.Find(".registry-report-counts a[aria-current=true]").TextContent);
        Assert.Contains("1 organisatie op 01/01/2025 in IVA met rechtspersoonlijkheid", page.Markup, StringComparison.Ordinal);
        Assert.Equal(
            $"/toepassingsgebieden/{Code}/export.csv?geldigOp=2025-01-01&categorie=iva-met-rp&volgorde=categorie",
            page.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public async Task Report_WithoutADate_IsForToday()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/rapport");

        var page = Render<ReportPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(() => Assert.Contains("4 organisaties op 01/06/2025", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal("01/06/2025", page.Find("#rapport-op").GetAttribute("value"));
    }

    [Fact]
    public async Task Changes_BetweenTwoDates_CountPerKindAndCategory_AndListTheChanges()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/wijzigingen?van=2024-12-31&tot=2025-01-01");

        var page = Render<ChangesPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(
            () => Assert.Equal(
                ["Uitgetreden Agentschap Einde", "Toegetreden Agentschap Start", "Andere categorie Agentschap Verhuisd", "Uitgetreden Zonder Begin"],
                page.FindAll("table[aria-label=Wijzigingen] tbody tr").Select(r => $"{r.Children[0].TextContent} {r.Children[1].TextContent}")),
            LoadTimeout);
        Assert.Equal(
            ["Alle (4)", "Toegetreden (1)", "Uitgetreden (2)", "Andere categorie (1)"],
            page.FindAll("nav[aria-label='Soort wijziging'] a").Select(a => a.TextContent.Trim()));
        var moved = page.FindAll("table[aria-label=Wijzigingen] tbody tr")[2].Children.Select(c => c.TextContent).ToList();
        Assert.Equal(["Departement", "van 01/01/2019 tot 31/12/2024", "Privaatrechtelijk EVA", "vanaf 01/01/2025"], moved[3..]);
        Assert.Equal(
            ["Departement 0 1 0 1", "IVA met rechtspersoonlijkheid 1 1 0 0", "Privaatrechtelijk EVA 0 0 1 0"],
            page.FindAll("section[aria-labelledby=per-categorie-kop] tbody tr").Take(3).Select(r => string.Join(' ', r.Children.Select(c => c.TextContent.Trim()))));
        Assert.Equal(
            $"/toepassingsgebieden/{Code}/wijzigingen.csv?van=2024-12-31&tot=2025-01-01",
            page.Find("a[download]").GetAttribute("href"));
        Assert.Equal(("31/12/2024", "01/01/2025"), (page.Find("#wijzigingen-van").GetAttribute("value"), page.Find("#wijzigingen-tot").GetAttribute("value")));
    }

    [Fact]
    public async Task Changes_OfOneKind_ListThatKindOnly_ButCountAll()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/wijzigingen?van=2024-12-31&tot=2025-01-01&soort=left");

        var page = Render<ChangesPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(
            () => Assert.Equal(["Agentschap Einde", "Zonder Begin"], page.FindAll("table[aria-label=Wijzigingen] tbody tr td:nth-child(2) a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.Equal("Uitgetreden (2)", page.Find("nav a[aria-current=true]").TextContent.Trim());
        Assert.Contains("Alle (4)", page.Markup, StringComparison.Ordinal);
        Assert.EndsWith("&soort=left", page.Find("a[download]").GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Changes_WithTheDatesTheWrongWayRound_SayWhyInDutch_AndListNothing()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/wijzigingen?van=2025-01-01&tot=2024-12-31");

        var page = Render<ChangesPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[role=alert]")), LoadTimeout);
        Assert.Contains(
            "De einddatum (31/12/2024) ligt voor de begindatum (01/01/2025)",
            page.Find("[role=alert]").TextContent,
            StringComparison.Ordinal);
        Assert.Empty(page.FindAll("table[aria-label=Wijzigingen]"));
        Assert.Empty(page.FindAll("a[download]"));
    }

    [Fact]
    public async Task Changes_WithoutDates_AreFromTheFirstOfJanuaryToToday()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}/wijzigingen");

        var page = Render<ChangesPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(() => Assert.Contains("0 wijzigingen van 01/01/2025 tot 01/06/2025", page.Markup, StringComparison.Ordinal), LoadTimeout);
    }

    [Fact]
    public void ReportAndChanges_OfAnUnknownDomain_Sayso()
    {
        NavigateTo("/toepassingsgebieden/bestaat-niet/rapport");
        var report = Render<ReportPage>(p => p.Add(x => x.Code, "bestaat-niet"));
        var changes = Render<ChangesPage>(p => p.Add(x => x.Code, "bestaat-niet"));

        report.WaitForAssertion(() => Assert.Equal("Toepassingsgebied niet gevonden", report.Find("h1").TextContent), LoadTimeout);
        changes.WaitForAssertion(() => Assert.Equal("Toepassingsgebied niet gevonden", changes.Find("h1").TextContent), LoadTimeout);
    }

    [Fact]
    public async Task Detail_LinksToTheReportAndTheChanges()
    {
        await RegisterAsync(Data, Database, CancellationToken);
        NavigateTo($"/toepassingsgebieden/{Code}");

        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, Code));

        page.WaitForAssertion(() => Assert.Equal("Testdecreet", page.Find("h1").TextContent), LoadTimeout);
        var hrefs = page.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/toepassingsgebieden/{Code}/rapport", hrefs);
        Assert.Contains($"/toepassingsgebieden/{Code}/wijzigingen", hrefs);
    }
}
