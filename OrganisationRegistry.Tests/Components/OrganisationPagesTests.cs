using Bunit;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;
using OrganisationDetailPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Detail;
using OrganisationListPage = OrganisationRegistry.Admin.Components.Pages.Organisations.Index;

namespace OrganisationRegistry.Tests.Components;

/// <summary>The organisation pages, rendered over a real database.</summary>
[Collection(SqliteCollection.Name)]
public sealed class OrganisationPagesTests(SqliteDatabaseFixture database) : BunitTestBase(database)
{
    [Fact]
    public async Task List_ShowsARowPerOrganisation_AndTheCount()
    {
        await Data.OrganisationsAsync(
            [new("Departement Omgeving"), new("Departement Financiën en Begroting", "DFB"), new("Agentschap Overheidspersoneel", "AOP")],
            CancellationToken);
        NavigateTo("/organisaties");

        var page = Render<OrganisationListPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr td a").Count), LoadTimeout);
        Assert.Equal(
            ["Agentschap Overheidspersoneel", "Departement Financiën en Begroting", "Departement Omgeving"],
            page.FindAll("tbody tr td a").Select(a => a.TextContent));
        Assert.Contains("3 organisaties gevonden", page.Find(".mud-table-toolbar h2").TextContent, StringComparison.Ordinal);
        Assert.Equal("/organisaties/OVO000002", page.FindAll("tbody tr td a")[1].GetAttribute("href"));
    }

    [Fact]
    public async Task List_FromALinkWithASearch_ShowsOnlyTheMatches()
    {
        await Data.OrganisationsAsync([new("Departement Omgeving"), new("Departement Financiën en Begroting", "DFB")], CancellationToken);
        NavigateTo("/organisaties?zoek=financien");

        var page = Render<OrganisationListPage>();

        page.WaitForAssertion(() => Assert.Equal(["Departement Financiën en Begroting"], page.FindAll("tbody tr td a").Select(a => a.TextContent)), LoadTimeout);
        Assert.Equal("financien", page.Find("#zoekterm").GetAttribute("value"));
        Assert.Contains("1 organisatie gevonden", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_TypingASearch_NarrowsTheList_AndPutsItInTheAddress()
    {
        await Data.OrganisationsAsync([new("Departement Omgeving"), new("Departement Zorg"), new("Agentschap Zorg en Gezondheid")], CancellationToken);
        NavigateTo("/organisaties");
        var page = Render<OrganisationListPage>();
        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("tbody tr td a").Count), LoadTimeout);

        await page.Find("#zoekterm").InputAsync("zorg");

        page.WaitForAssertion(
            () => Assert.Equal(["Agentschap Zorg en Gezondheid", "Departement Zorg"], page.FindAll("tbody tr td a").Select(a => a.TextContent)),
            LoadTimeout);
        Assert.EndsWith("/organisaties?zoek=zorg", CurrentUri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_SortHeaders_AreButtons_ThatSortAndTurnTheDirection_WithAriaSort()
    {
        await Data.OrganisationsAsync([new("Bravo", "AA"), new("Alfa", "CC"), new("Charlie", "BB")], CancellationToken);
        NavigateTo("/organisaties");
        var page = Render<OrganisationListPage>();
        page.WaitForAssertion(() => Assert.Equal(["Alfa", "Bravo", "Charlie"], Names(page)), LoadTimeout);
        Assert.Equal("ascending", page.Find("th[aria-sort]").GetAttribute("aria-sort"));
        Assert.Contains("Naam", page.Find("th[aria-sort]").TextContent, StringComparison.Ordinal);

        await ShortNameHeader(page).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Bravo", "Charlie", "Alfa"], Names(page)), LoadTimeout);
        Assert.EndsWith("/organisaties?sorteer=kortenaam", CurrentUri, StringComparison.Ordinal);

        await ShortNameHeader(page).ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal(["Alfa", "Charlie", "Bravo"], Names(page)), LoadTimeout);
        Assert.EndsWith("/organisaties?sorteer=kortenaam&aflopend=true", CurrentUri, StringComparison.Ordinal);
        Assert.Equal("descending", page.Find("th[aria-sort]").GetAttribute("aria-sort"));

        static AngleSharp.Dom.IElement ShortNameHeader(IRenderedComponent<OrganisationListPage> page) =>
            page.FindAll("thead th button").Single(b => b.TextContent.Contains("Korte naam", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_TypingAValidOnDate_KeepsOnlyOrganisationsValidThen_AndPutsTheDateInTheAddress()
    {
        await Data.OrganisationsAsync(
            [new("Altijd"), new("Opgeheven", Validity: Period("2000-01-01", "2018-12-31")), new("Nieuw", Validity: Period("2021-01-01"))],
            CancellationToken);
        NavigateTo("/organisaties");
        var page = Render<OrganisationListPage>();
        page.WaitForAssertion(() => Assert.Equal(3, Names(page).Count), LoadTimeout);

        await page.Find("#geldig-op").ChangeAsync(new() { Value = "01/06/2019" });

        page.WaitForAssertion(() => Assert.Equal(["Altijd"], Names(page)), LoadTimeout);
        Assert.EndsWith("/organisaties?geldigOp=2019-06-01", CurrentUri, StringComparison.Ordinal);
        Assert.Equal("01/06/2019", page.Find("#geldig-op").GetAttribute("value"));
    }

    [Fact]
    public async Task List_WithoutMatches_SaysSoInDutch()
    {
        await Data.OrganisationAsync("Departement Omgeving", cancellationToken: CancellationToken);
        NavigateTo("/organisaties?zoek=bestaat-niet");

        var page = Render<OrganisationListPage>();

        page.WaitForAssertion(() => Assert.Contains("Geen organisaties gevonden", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("0 organisaties gevonden", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_ShowsGeneralData_AndTheTabsWithTheirData()
    {
        var (agency, _) = await AgencyAsync();
        NavigateTo($"/organisaties/{agency.OvoCode}");

        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, agency.OvoCode.Value));

        page.WaitForAssertion(() => Assert.Equal("Agentschap Natuur en Bos", page.Find("h1").TextContent), LoadTimeout);
        Assert.Contains("0234.567.873", page.Find("section[aria-labelledby=kbo-kop]").TextContent, StringComparison.Ordinal);
        Assert.Equal(
            ["Structuur (3)", "Sleutels (1)", "Toepassingsgebieden (1)"],
            page.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        Assert.Equal(["Departement Leefmilieu", "Departement Omgeving"], ParentNames(page));
        Assert.Contains("U ziet de volledige geschiedenis.", page.Markup, StringComparison.Ordinal);

        await page.FindAll(".mud-tab")[1].ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("ORA-4711", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.EndsWith("?tab=sleutels", CurrentUri, StringComparison.Ordinal);

        await page.FindAll(".mud-tab")[2].ClickAsync(new());
        page.WaitForAssertion(() => Assert.Contains("IVA met rechtspersoonlijkheid", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Contains("Bestuursdecreet", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detail_AsOnADate_ShowsTheStateOnThatDate()
    {
        var (agency, _) = await AgencyAsync();
        NavigateTo($"/organisaties/{agency.OvoCode}?geldigOp=2015-06-01");

        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, agency.OvoCode.Value));

        page.WaitForAssertion(() => Assert.Contains("U ziet de toestand op 01/06/2015.", page.Markup, StringComparison.Ordinal), LoadTimeout);
        Assert.Equal(["Departement Leefmilieu"], ParentNames(page));
        Assert.Equal("Structuur (2)", page.FindAll(".mud-tab")[0].TextContent.Trim());
        Assert.Equal("01/06/2015", page.Find("#geldig-op").GetAttribute("value"));
    }

    [Theory]
    [InlineData("OVO000999", "Er is geen organisatie met OVO-code OVO000999 in het register.")]
    [InlineData("ovo1", "'ovo1' is geen geldige OVO-code.")]
    public async Task Detail_OfAnUnknownOrMalformedOvoCode_ShowsADutchMessage(string ovo, string message)
    {
        await Data.OrganisationAsync("Departement Omgeving", cancellationToken: CancellationToken);
        NavigateTo($"/organisaties/{ovo}");

        var page = Render<OrganisationDetailPage>(p => p.Add(x => x.Ovo, ovo));

        page.WaitForAssertion(() => Assert.Equal("Organisatie niet gevonden", page.Find("h1").TextContent), LoadTimeout);
        Assert.Contains(message, page.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".mud-tab"));
    }

    private static List<string> Names(IRenderedComponent<OrganisationListPage> page) =>
        [.. page.FindAll("tbody tr td a").Select(a => a.TextContent)];

    private static IEnumerable<string> ParentNames(IRenderedComponent<OrganisationDetailPage> page) =>
        page.FindAll("table")[0].QuerySelectorAll("tbody td a").Select(a => a.TextContent);

    /// <summary>An agency under one department until 2019 and another since 2020, with a child, a key and a domain.</summary>
    private async Task<(Organisation Agency, Organisation Department)> AgencyAsync()
    {
        var ct = CancellationToken;
        var organisations = await Data.OrganisationsAsync(
            [
                new("Agentschap Natuur en Bos", "ANB", KboNumber: KboNumber.Parse("0234567873")),
                new("Departement Leefmilieu"),
                new("Departement Omgeving"),
                new("Afdeling Bos"),
            ],
            ct);
        var (agency, oldDepartment, department) = (organisations[0], organisations[1], organisations[2]);
        await Data.ParentAsync(agency, oldDepartment, Period(null, "2019-12-31"), ct);
        await Data.ParentAsync(agency, department, Period("2020-01-01"), ct);
        await Data.ParentAsync(organisations[3], agency, cancellationToken: ct);
        var orafin = await Data.KeyTypeAsync("orafin", "Orafin", ct);
        await Data.KeyAsync(agency, orafin, "ORA-4711", cancellationToken: ct);
        var domain = await Data.DomainAsync("bestuursdecreet", "Bestuursdecreet", [("iva-met-rp", "IVA met rechtspersoonlijkheid")], cancellationToken: ct);
        await Data.AssignAsync(agency, domain, "iva-met-rp", Period("2020-01-01"), department, cancellationToken: ct);
        return (agency, department);
    }
}
