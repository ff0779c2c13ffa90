using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;

namespace OrganisationRegistry.Tests.Integration.Organisations;

/// <summary>Searching, filtering, sorting and paging the register, on every provider.</summary>
public abstract class OrganisationSearchTests(DatabaseFixture database) : IAsyncLifetime
{
    private const string KboDigits = "0234567873";

    private readonly TestData _data = new(database);

    private readonly AsyncServiceScope _scope = database.Services.CreateAsyncScope();

    private OrganisationQueries Queries => _scope.ServiceProvider.GetRequiredService<OrganisationQueries>();

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Theory]
    [InlineData("financien")]
    [InlineData("FINANCIËN")]
    [InlineData("  Financiën   en  begroting ")]
    [InlineData("dfb")]
    public async Task Search_ByNameOrShortName_IgnoresCaseAndDiacritics(string query)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("Departement Financiën en Begroting", "DFB", cancellationToken: ct);
        await _data.OrganisationAsync("Agentschap Overheidspersoneel", "AOP", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(query), ct);

        var found = Assert.Single(result.Items);
        Assert.Equal("Departement Financiën en Begroting", found.Name);
        Assert.Equal(1, result.TotalCount);
    }

    [Fact]
    public async Task Search_ByPartOfAName_FindsEveryOrganisationThatContainsIt()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("Vlaamse Milieumaatschappij", "VMM", cancellationToken: ct);
        await _data.OrganisationAsync("Vlaamse Landmaatschappij", "VLM", cancellationToken: ct);
        await _data.OrganisationAsync("Agentschap Overheidspersoneel", "AOP", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch("maatschappij"), ct);

        Assert.Equal(["Vlaamse Landmaatschappij", "Vlaamse Milieumaatschappij"], result.Items.Select(i => i.Name));
    }

    [Theory]
    [InlineData("OVO000002")]
    [InlineData("ovo000002")]
    [InlineData(" OVO000002 ")]
    public async Task Search_ByOvoCode_FindsExactlyThatOrganisation(string query)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("Departement Omgeving", cancellationToken: ct);
        await _data.OrganisationAsync("Departement Cultuur, Jeugd en Media", cancellationToken: ct);
        await _data.OrganisationAsync("OVO000002 in een naam", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(query), ct);

        var found = Assert.Single(result.Items);
        Assert.Equal("OVO000002", found.OvoCode.Value);
        Assert.Equal("Departement Cultuur, Jeugd en Media", found.Name);
    }

    [Theory]
    [InlineData("0234.567.873")]
    [InlineData("0234567873")]
    [InlineData("BE0234567873")]
    [InlineData("be 0234.567.873")]
    [InlineData("234567873")]
    [InlineData("0234 567 873")]
    public async Task Search_ByKboNumber_InAnyAcceptedNotation_FindsThatOrganisation(string query)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("De Lijn", kboNumber: KboDigits, cancellationToken: ct);
        await _data.OrganisationAsync("Aquafin", kboNumber: "0316380841", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(query), ct);

        var found = Assert.Single(result.Items);
        Assert.Equal("De Lijn", found.Name);
        Assert.Equal("0234.567.873", found.KboNumber?.Formatted);
    }

    [Fact]
    public async Task Search_WithoutQuery_PagesInNameOrder_AndCountsEverything()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await CreateAsync(ct, "Echo", "Alfa", "Golf", "Charlie", "Foxtrot", "Bravo", "Delta");

        var first = await Queries.SearchAsync(new OrganisationSearch(PageSize: 3), ct);
        var last = await Queries.SearchAsync(new OrganisationSearch(PageSize: 3, Page: 3), ct);
        var beyond = await Queries.SearchAsync(new OrganisationSearch(PageSize: 3, Page: 4), ct);

        Assert.Equal(["Alfa", "Bravo", "Charlie"], first.Items.Select(i => i.Name));
        Assert.Equal(["Golf"], last.Items.Select(i => i.Name));
        Assert.Empty(beyond.Items);
        Assert.All([first, last, beyond], r => Assert.Equal(7, r.TotalCount));
    }

    [Theory]
    [InlineData(OrganisationSort.Name, false, "Alfa,Bravo,Charlie,Delta")]
    [InlineData(OrganisationSort.Name, true, "Delta,Charlie,Bravo,Alfa")]
    [InlineData(OrganisationSort.ShortName, false, "Charlie,Alfa,Bravo,Delta")]
    [InlineData(OrganisationSort.ShortName, true, "Bravo,Alfa,Charlie,Delta")]
    [InlineData(OrganisationSort.OvoCode, false, "Alfa,Bravo,Charlie,Delta")]
    [InlineData(OrganisationSort.OvoCode, true, "Delta,Charlie,Bravo,Alfa")]
    [InlineData(OrganisationSort.KboNumber, false, "Bravo,Charlie,Alfa,Delta")]
    [InlineData(OrganisationSort.KboNumber, true, "Alfa,Charlie,Bravo,Delta")]
    [InlineData(OrganisationSort.ValidFrom, false, "Bravo,Charlie,Alfa,Delta")]
    [InlineData(OrganisationSort.ValidFrom, true, "Alfa,Charlie,Bravo,Delta")]
    public async Task Search_SortsOnTheChosenColumn_WithEmptyValuesLast(OrganisationSort sort, bool descending, string expected)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationsAsync(
            [
                new OrganisationDetails("Alfa", "BB", KboNumber: KboNumber.FromBase(30_000_000), Validity: Period("2022-01-01")),
                new OrganisationDetails("Bravo", "CC", KboNumber: KboNumber.FromBase(10_000_000), Validity: Period("2001-01-01")),
                new OrganisationDetails("Charlie", "AA", KboNumber: KboNumber.FromBase(20_000_000), Validity: Period("2010-01-01")),
                new OrganisationDetails("Delta"),
            ],
            ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(Sort: sort, Descending: descending), ct);

        Assert.Equal(expected.Split(','), result.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Search_ValidOn_KeepsOnlyOrganisationsValidOnThatDate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationsAsync(
            [
                new OrganisationDetails("Altijd"),
                new OrganisationDetails("Opgeheven", Validity: Period("2000-01-01", "2020-12-31")),
                new OrganisationDetails("Nieuw", Validity: Period("2021-01-01")),
            ],
            ct);

        var in2020 = await Queries.SearchAsync(new OrganisationSearch(ValidOn: new DateOnly(2020, 12, 31)), ct);
        var in2021 = await Queries.SearchAsync(new OrganisationSearch(ValidOn: new DateOnly(2021, 1, 1)), ct);

        Assert.Equal(["Altijd", "Opgeheven"], in2020.Items.Select(i => i.Name));
        Assert.Equal(["Altijd", "Nieuw"], in2021.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Search_ByDomain_KeepsAssignedOrganisations_AndWithADate_OnlyThoseAssignedOnIt()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var organisations = await CreateAsync(ct, "Vroeger toegewezen", "Nu toegewezen", "Nooit toegewezen", "Ander gebied");
        var domain = await _data.DomainAsync("bestuursdecreet", "Bestuursdecreet", [("departement", "Departement")], cancellationToken: ct);
        var other = await _data.DomainAsync("vco", "Vlaamse Codex Overheidsfinanciën", [("dab", "DAB")], cancellationToken: ct);
        await _data.AssignAsync(organisations[0], domain, "departement", Period("2015-01-01", "2019-12-31"), cancellationToken: ct);
        await _data.AssignAsync(organisations[1], domain, "departement", Period("2020-01-01"), cancellationToken: ct);
        await _data.AssignAsync(organisations[3], other, "dab", cancellationToken: ct);

        var ever = await Queries.SearchAsync(new OrganisationSearch(ApplicationDomainCode: "bestuursdecreet"), ct);
        var in2018 = await Queries.SearchAsync(new OrganisationSearch(ApplicationDomainCode: "bestuursdecreet", ValidOn: new DateOnly(2018, 6, 1)), ct);
        var in2024 = await Queries.SearchAsync(new OrganisationSearch(ApplicationDomainCode: "bestuursdecreet", ValidOn: new DateOnly(2024, 6, 1)), ct);
        var unknown = await Queries.SearchAsync(new OrganisationSearch(ApplicationDomainCode: "bestaat-niet"), ct);

        Assert.Equal(["Nu toegewezen", "Vroeger toegewezen"], ever.Items.Select(i => i.Name));
        Assert.Equal(["Vroeger toegewezen"], in2018.Items.Select(i => i.Name));
        Assert.Equal(["Nu toegewezen"], in2024.Items.Select(i => i.Name));
        Assert.Equal(1, in2024.TotalCount);
        Assert.Empty(unknown.Items);
        Assert.Equal(0, unknown.TotalCount);
    }

    [Fact]
    public async Task Search_CombinesQueryDomainAndDate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var organisations = await CreateAsync(ct, "Departement Omgeving", "Departement Zorg", "Agentschap Zorg en Gezondheid");
        var domain = await _data.DomainAsync("bestuursdecreet", "Bestuursdecreet", [("departement", "Departement")], cancellationToken: ct);
        await _data.AssignAsync(organisations[0], domain, "departement", cancellationToken: ct);
        await _data.AssignAsync(organisations[1], domain, "departement", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch("zorg", "bestuursdecreet", new DateOnly(2025, 1, 1)), ct);

        Assert.Equal(["Departement Zorg"], result.Items.Select(i => i.Name));
    }

    [Fact]
    public async Task Count_GivesEveryOrganisation_AndThoseValidOnTheDate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationsAsync(
            [new OrganisationDetails("Altijd"), new OrganisationDetails("Opgeheven", Validity: Period("2000-01-01", "2020-12-31"))],
            ct);

        Assert.Equal((2, 1), await Queries.CountAsync(new DateOnly(2024, 1, 1), ct));
        Assert.Equal((2, 2), await Queries.CountAsync(new DateOnly(2020, 12, 31), ct));
    }

    [Fact]
    public async Task Search_ClampsPageAndPageSize()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await CreateAsync(ct, "Alfa", "Bravo");

        var result = await Queries.SearchAsync(new OrganisationSearch(Page: 0, PageSize: 10_000), ct);

        Assert.Equal(1, result.Page);
        Assert.Equal(OrganisationSearch.MaxPageSize, result.PageSize);
        Assert.Equal(2, result.Items.Count);
    }

    [Theory]
    [InlineData("vm")]
    [InlineData("mm")]
    [InlineData("milieumaatschappij")]
    [InlineData("e milieu")]
    public async Task Search_ByShortOrLongPart_FindsTheSameAsASubstringTest(string query)
    {
        // Terms shorter than 3 characters cannot use a trigram index and read every row; longer ones use the index.
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("Vlaamse Milieumaatschappij", "VMM", cancellationToken: ct);
        await _data.OrganisationAsync("Agentschap Overheidspersoneel", "AOP", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(query), ct);

        Assert.Equal("Vlaamse Milieumaatschappij", Assert.Single(result.Items).Name);
    }

    [Theory]
    [InlineData("\"dienst\"")]
    [InlineData("100%_")]
    [InlineData("(a) or")]
    [InlineData("\"")]
    public async Task Search_WithQuotesOrWildcards_MatchesThemLiterally(string query)
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("De \"Dienst\" 100%_ (A) OR B", cancellationToken: ct);
        await _data.OrganisationAsync("Dienst 100 procent", cancellationToken: ct);

        var result = await Queries.SearchAsync(new OrganisationSearch(query), ct);

        Assert.Equal("De \"Dienst\" 100%_ (A) OR B", Assert.Single(result.Items).Name);
    }

    [Fact]
    public async Task Search_AfterARenameAndARemoval_FindsTheCurrentNamesOnly()
    {
        // SQLite keeps its search index in step with triggers on Organisations: this fails when a migration lost them.
        var ct = Xunit.TestContext.Current.CancellationToken;
        var renamed = await _data.OrganisationAsync("Agentschap Wegen en Verkeer", "AWV", cancellationToken: ct);
        var removed = await _data.OrganisationAsync("Agentschap Natuur en Bos", "ANB", cancellationToken: ct);
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            var organisation = await db.Organisations.SingleAsync(o => o.Id == renamed.Id, ct);
            organisation.Update(new OrganisationDetails("Agentschap Verkeersveiligheid", "AVV"));
            db.Organisations.Remove(await db.Organisations.SingleAsync(o => o.Id == removed.Id, ct));
            await db.SaveChangesAsync(ct);
        }

        Assert.Empty((await Queries.SearchAsync(new OrganisationSearch("wegen"), ct)).Items);
        Assert.Empty((await Queries.SearchAsync(new OrganisationSearch("natuur"), ct)).Items);
        var found = await Queries.SearchAsync(new OrganisationSearch("verkeersveiligheid"), ct);
        Assert.Equal(renamed.OvoCode, Assert.Single(found.Items).OvoCode);
        Assert.Equal(1, (await Queries.SearchAsync(new OrganisationSearch("agentschap"), ct)).TotalCount);
    }

    private Task<IReadOnlyList<Organisation>> CreateAsync(CancellationToken cancellationToken, params string[] names) =>
        _data.OrganisationsAsync([.. names.Select(n => new OrganisationDetails(n))], cancellationToken);
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationSearchTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationSearchTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationSearchTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationSearchTests(database);
