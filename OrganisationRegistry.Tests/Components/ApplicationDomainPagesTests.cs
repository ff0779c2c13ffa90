using Bunit;
using OrganisationRegistry.Admin.Components.Pages;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;
using DomainDetailPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Detail;
using DomainListPage = OrganisationRegistry.Admin.Components.Pages.ApplicationDomains.Index;

namespace OrganisationRegistry.Tests.Components;

/// <summary>The application domain pages and the home page, rendered over a real database.</summary>
[Collection(SqliteCollection.Name)]
public sealed class ApplicationDomainPagesTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    [Fact]
    public async Task List_ShowsEachDomainWithStewardsCategoriesAndTodaysCount()
    {
        await RegisterAsync();

        var page = Render<DomainListPage>();

        page.WaitForAssertion(() => Assert.Equal(["Bestuursdecreet"], page.FindAll("h2").Select(h => h.TextContent.Trim())), LoadTimeout);
        var facts = page.Find("dl.registry-facts").TextContent;
        Assert.Contains("Agentschap Overheidspersoneel", facts, StringComparison.Ordinal);
        Assert.Contains("Departement", facts, StringComparison.Ordinal);
        Assert.Contains("IVA met rechtspersoonlijkheid", facts, StringComparison.Ordinal);
        Assert.Equal("2", page.FindAll("dl.registry-facts dd")[2].TextContent.Trim());
        Assert.Equal("/toepassingsgebieden/bestuursdecreet", page.Find("h2 a").GetAttribute("href"));
    }

    [Fact]
    public async Task Detail_ListsTheOrganisationsAssignedToday_WithACsvLinkForTheSameSelection()
    {
        await RegisterAsync();
        NavigateTo("/toepassingsgebieden/bestuursdecreet");

        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, "bestuursdecreet"));

        page.WaitForAssertion(
            () => Assert.Equal(["Departement Omgeving", "Vlaamse Milieumaatschappij"], page.FindAll("tbody tr td:first-child a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.Equal("Bestuursdecreet", page.Find("h1").TextContent);
        Assert.Contains("2 organisaties op 01/06/2025", page.Markup, StringComparison.Ordinal);
        Assert.Equal("/toepassingsgebieden/bestuursdecreet/export.csv?geldigOp=2025-06-01", page.Find("a[download]").GetAttribute("href"));
        Assert.Equal("01/06/2025", page.Find("#geldig-op").GetAttribute("value"));
        Assert.Equal("Departement Omgeving", page.FindAll("tbody tr")[1].QuerySelectorAll("td a")[1].TextContent);
    }

    [Fact]
    public async Task Detail_OnAnEarlierDate_AndInOneCategory_ListsThoseOnly()
    {
        await RegisterAsync();
        NavigateTo("/toepassingsgebieden/bestuursdecreet?geldigOp=2018-06-01&categorie=departement");

        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, "bestuursdecreet"));

        page.WaitForAssertion(
            () => Assert.Equal(["Departement Leefmilieu"], page.FindAll("tbody tr td:first-child a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.Contains("1 organisatie op 01/06/2018", page.Markup, StringComparison.Ordinal);
        Assert.Equal(
            "/toepassingsgebieden/bestuursdecreet/export.csv?geldigOp=2018-06-01&categorie=departement",
            page.Find("a[download]").GetAttribute("href"));
    }

    [Fact]
    public async Task Detail_OfAnUnknownDomain_ShowsADutchMessage()
    {
        NavigateTo("/toepassingsgebieden/bestaat-niet");

        var page = Render<DomainDetailPage>(p => p.Add(x => x.Code, "bestaat-niet"));

        page.WaitForAssertion(() => Assert.Equal("Toepassingsgebied niet gevonden", page.Find("h1").TextContent), LoadTimeout);
        Assert.Contains("Er is geen toepassingsgebied met code 'bestaat-niet'.", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_CountsOrganisationsAndDomainMembersToday()
    {
        await RegisterAsync();

        var page = Render<Home>();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("dl.registry-facts").Count), LoadTimeout);
        var counts = page.FindAll("dl.registry-facts")[0].QuerySelectorAll("dd").Select(d => d.TextContent.Trim());
        Assert.Equal(["5", "4"], counts);
        Assert.Contains("2 organisaties vandaag", page.FindAll("dl.registry-facts")[1].TextContent, StringComparison.Ordinal);
    }

    /// <summary>
    /// One domain. Today (01/06/2025) it holds a department and an agency under it; in 2018 it held another
    /// department. One organisation of five ended before today.
    /// </summary>
    private async Task RegisterAsync()
    {
        var ct = CancellationToken;
        var organisations = await Data.OrganisationsAsync(
            [
                new("Agentschap Overheidspersoneel", "AOP"),
                new("Departement Omgeving"),
                new("Vlaamse Milieumaatschappij", "VMM"),
                new("Departement Leefmilieu", Validity: Period("2000-01-01", "2019-12-31")),
                new("Agentschap Zonder Gebied"),
            ],
            ct);
        var domain = await Data.DomainAsync(
            "bestuursdecreet",
            "Bestuursdecreet",
            [("departement", "Departement"), ("iva-met-rp", "IVA met rechtspersoonlijkheid")],
            [organisations[0]],
            Article.Het,
            "Decreet van 7 december 2018",
            ct);
        await Data.AssignAsync(organisations[1], domain, "departement", Period("2020-01-01"), cancellationToken: ct);
        await Data.AssignAsync(organisations[2], domain, "iva-met-rp", Period("2020-01-01"), organisations[1], cancellationToken: ct);
        await Data.AssignAsync(organisations[3], domain, "departement", Period("2010-01-01", "2019-12-31"), cancellationToken: ct);
    }
}
