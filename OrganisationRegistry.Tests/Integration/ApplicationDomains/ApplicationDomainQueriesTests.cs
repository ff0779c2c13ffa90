using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>The application domains, their members on a date and the CSV export, on every provider.</summary>
public abstract class ApplicationDomainQueriesTests(DatabaseFixture database) : IAsyncLifetime
{
    private static readonly DateOnly In2018 = new(2018, 6, 1);
    private static readonly DateOnly In2024 = new(2024, 6, 1);

    private readonly TestData _data = new(database);

    private readonly AsyncServiceScope _scope = database.Services.CreateAsyncScope();

    private ApplicationDomainQueries Queries => _scope.ServiceProvider.GetRequiredService<ApplicationDomainQueries>();

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task List_GivesStewardsCategoriesAndTheNumberAssignedOnTheDate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var domains = await Queries.ListAsync(In2024, ct);

        Assert.Equal(["Bestuursdecreet", "Vlaamse Codex Overheidsfinanciën"], domains.Select(d => d.Name));
        var bestuursdecreet = domains[0];
        Assert.Equal("bestuursdecreet", bestuursdecreet.Code);
        Assert.Equal(Article.Het, bestuursdecreet.Article);
        Assert.Equal("Decreet van 7 december 2018", bestuursdecreet.LegalReference);
        Assert.Equal(["Agentschap Overheidspersoneel"], bestuursdecreet.Stewards.Select(s => s.Name));
        Assert.Equal(["Departement", "IVA met rechtspersoonlijkheid", "Privaatrechtelijk EVA"], bestuursdecreet.Categories.Select(c => c.Name));
        Assert.Equal(3, bestuursdecreet.AssignedCount);
        Assert.Equal(In2024, bestuursdecreet.CountedOn);
        Assert.Equal(1, domains[1].AssignedCount);
        Assert.Equal(2, (await Queries.ListAsync(In2018, ct))[0].AssignedCount);
    }

    [Fact]
    public async Task ListChoices_GivesCodesAndNames_ByName()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var choices = await Queries.ListChoicesAsync(ct);

        Assert.Equal(
            [new ApplicationDomainChoice("bestuursdecreet", "Bestuursdecreet"), new ApplicationDomainChoice("vco", "Vlaamse Codex Overheidsfinanciën")],
            choices);
    }

    [Fact]
    public async Task Get_ByCode_OrNullWhenUnknown()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var vco = await Queries.GetAsync("vco", In2024, ct);

        Assert.NotNull(vco);
        Assert.Equal("Vlaamse Codex Overheidsfinanciën", vco.Name);
        Assert.Equal(["Departement Financiën en Begroting"], vco.Stewards.Select(s => s.Name));
        Assert.Null(await Queries.GetAsync("bestaat-niet", In2024, ct));
    }

    [Fact]
    public async Task SearchMembers_GivesTheOrganisationsAssignedOnTheDate_WithCategoryPeriodAndParent()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var in2024 = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(new DomainMemberFilter(In2024)), ct);
        var in2018 = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(new DomainMemberFilter(In2018)), ct);

        Assert.Equal(["Agentschap Innoveren & Ondernemen", "Departement Economie", "Departement Omgeving"], in2024.Items.Select(m => m.Name));
        Assert.Equal(3, in2024.TotalCount);
        var agency = in2024.Items[0];
        Assert.Equal("IVA met rechtspersoonlijkheid", agency.CategoryName);
        Assert.Equal(Period("2020-01-01"), agency.Validity);
        Assert.Equal("Departement Economie", agency.ParentName);
        Assert.Equal(["Departement Omgeving", "Het Facilitair Bedrijf"], in2018.Items.Select(m => m.Name));
    }

    [Fact]
    public async Task SearchMembers_ByCategory_KeepsThatCategoryOnly()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var departments = await Queries.SearchMembersAsync(
            "bestuursdecreet", new DomainMemberSearch(new DomainMemberFilter(In2024, "departement")), ct);
        var unknown = await Queries.SearchMembersAsync(
            "bestuursdecreet", new DomainMemberSearch(new DomainMemberFilter(In2024, "bestaat-niet")), ct);
        var otherDomainsCategory = await Queries.SearchMembersAsync(
            "bestuursdecreet", new DomainMemberSearch(new DomainMemberFilter(In2024, "dab")), ct);

        Assert.Equal(["Departement Economie", "Departement Omgeving"], departments.Items.Select(m => m.Name));
        Assert.Equal(2, departments.TotalCount);
        Assert.Empty(unknown.Items);
        Assert.Empty(otherDomainsCategory.Items);
    }

    [Fact]
    public async Task SearchMembers_PagesAndSorts()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);
        var filter = new DomainMemberFilter(In2024);

        var byNameDescending = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(filter, DomainMemberSort.Name, true, 1, 2), ct);
        var secondPage = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(filter, DomainMemberSort.Name, true, 2, 2), ct);
        var byCategory = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(filter, DomainMemberSort.Category), ct);
        var byOvo = await Queries.SearchMembersAsync("bestuursdecreet", new DomainMemberSearch(filter, DomainMemberSort.OvoCode, true), ct);

        Assert.Equal(["Departement Omgeving", "Departement Economie"], byNameDescending.Items.Select(m => m.Name));
        Assert.Equal(["Agentschap Innoveren & Ondernemen"], secondPage.Items.Select(m => m.Name));
        Assert.Equal(3, secondPage.TotalCount);
        Assert.Equal(["departement", "departement", "iva-met-rp"], byCategory.Items.Select(m => m.CategoryCode));
        Assert.Equal(byOvo.Items.Select(m => m.OvoCode.Number).OrderDescending(), byOvo.Items.Select(m => m.OvoCode.Number));
    }

    [Theory]
    [InlineData(false, "Sinds 2001,Sinds 2020,Zonder begindatum")]
    [InlineData(true, "Sinds 2020,Sinds 2001,Zonder begindatum")]
    public async Task SearchMembers_ByStartDate_PutsAssignmentsWithoutOneLast(bool descending, string expected)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var organisations = await _data.OrganisationsAsync(
            [new OrganisationDetails("Zonder begindatum"), new OrganisationDetails("Sinds 2020"), new OrganisationDetails("Sinds 2001")],
            ct);
        var domain = await _data.DomainAsync("vco", "Vlaamse Codex Overheidsfinanciën", [("dab", "Dienst met afzonderlijk beheer")], cancellationToken: ct);
        await _data.AssignAsync(organisations[0], domain, "dab", cancellationToken: ct);
        await _data.AssignAsync(organisations[1], domain, "dab", Period("2020-01-01"), cancellationToken: ct);
        await _data.AssignAsync(organisations[2], domain, "dab", Period("2001-01-01"), cancellationToken: ct);

        var page = await Queries.SearchMembersAsync("vco", new DomainMemberSearch(new DomainMemberFilter(In2024), DomainMemberSort.ValidFrom, descending), ct);

        Assert.Equal(expected.Split(','), page.Items.Select(m => m.Name));
    }

    [Fact]
    public async Task WriteCsv_WritesTheFilteredMembers_SemicolonSeparated_Utf8WithBom_DutchHeaders_AndDutchDates()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);
        using var output = new MemoryStream();

        await Queries.WriteCsvAsync("bestuursdecreet", new DomainMemberFilter(In2024, "iva-met-rp"), output, ct);

        var bytes = output.ToArray();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.Equal(
            [
                "OVO-code;Naam;Korte naam;KBO-nummer;Categorie;Geldig vanaf;Geldig tot;Moederorganisatie in toepassingsgebied (OVO-code);Moederorganisatie in toepassingsgebied;Opmerking",
                "OVO000005;Agentschap Innoveren & Ondernemen;VLAIO;0234.567.873;IVA met rechtspersoonlijkheid;01/01/2020;;OVO000004;Departement Economie;\"Opmerking met ; en \"\"aanhalingstekens\"\"\"",
                string.Empty,
            ],
            lines);
    }

    [Fact]
    public async Task WriteCsv_ForAnUnknownDomain_WritesOnlyTheHeader()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        using var output = new MemoryStream();

        await Queries.WriteCsvAsync("bestaat-niet", new DomainMemberFilter(In2024), output, ct);

        Assert.Equal(DomainMemberCsv.Header + "\r\n", Encoding.UTF8.GetString(output.ToArray().AsSpan(3)));
    }

    [Fact]
    public async Task StreamMembers_GivesEveryMemberOnTheDate_InNameOrder()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await RegisterAsync(ct);

        var names = new List<string>();
        await foreach (var member in Queries.StreamMembersAsync("bestuursdecreet", new DomainMemberFilter(In2018), ct))
        {
            names.Add(member.Name);
        }

        Assert.Equal(["Departement Omgeving", "Het Facilitair Bedrijf"], names);
    }

    /// <summary>
    /// Two domains with stewards and categories. On 01/06/2024 the Bestuursdecreet holds three organisations (two
    /// departments and an agency under one of them), on 01/06/2018 two (one has left since); the VCO holds one.
    /// </summary>
    private async Task RegisterAsync(CancellationToken ct)
    {
        var organisations = await _data.OrganisationsAsync(
            [
                new OrganisationDetails("Agentschap Overheidspersoneel", "AOP"),
                new OrganisationDetails("Departement Financiën en Begroting", "DFB"),
                new OrganisationDetails("Departement Omgeving"),
                new OrganisationDetails("Departement Economie"),
                new OrganisationDetails("Agentschap Innoveren & Ondernemen", "VLAIO", KboNumber: KboNumber.Parse("0234567873")),
                new OrganisationDetails("Het Facilitair Bedrijf"),
            ],
            ct);
        var (aop, dfb, omgeving, economie, vlaio, facilitair) =
            (organisations[0], organisations[1], organisations[2], organisations[3], organisations[4], organisations[5]);

        var bestuursdecreet = await _data.DomainAsync(
            "bestuursdecreet",
            "Bestuursdecreet",
            [("departement", "Departement"), ("iva-met-rp", "IVA met rechtspersoonlijkheid"), ("eva-privaat", "Privaatrechtelijk EVA")],
            [aop],
            Article.Het,
            "Decreet van 7 december 2018",
            ct);
        var vco = await _data.DomainAsync("vco", "Vlaamse Codex Overheidsfinanciën", [("dab", "Dienst met afzonderlijk beheer")], [dfb], Article.De, cancellationToken: ct);

        await _data.AssignAsync(omgeving, bestuursdecreet, "departement", Period("2006-04-01"), cancellationToken: ct);
        await _data.AssignAsync(economie, bestuursdecreet, "departement", Period("2019-01-01"), cancellationToken: ct);
        await _data.AssignAsync(
            vlaio, bestuursdecreet, "iva-met-rp", Period("2020-01-01"), economie, "Opmerking met ; en \"aanhalingstekens\"", ct);
        await _data.AssignAsync(facilitair, bestuursdecreet, "eva-privaat", Period("2010-01-01", "2019-12-31"), cancellationToken: ct);
        await _data.AssignAsync(facilitair, vco, "dab", Period("2020-01-01"), cancellationToken: ct);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApplicationDomainQueriesTestsOnSqlite(SqliteDatabaseFixture database) : ApplicationDomainQueriesTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApplicationDomainQueriesTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApplicationDomainQueriesTests(database);
