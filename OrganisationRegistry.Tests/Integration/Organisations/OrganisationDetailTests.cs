using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Infrastructure.TestData;

namespace OrganisationRegistry.Tests.Integration.Organisations;

/// <summary>The detail of one organisation: its history, and its state as on a date, on every provider.</summary>
public abstract class OrganisationDetailTests(DatabaseFixture database) : IAsyncLifetime
{
    private readonly TestData _data = new(database);

    private readonly AsyncServiceScope _scope = database.Services.CreateAsyncScope();

    private OrganisationQueries Queries => _scope.ServiceProvider.GetRequiredService<OrganisationQueries>();

    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => _scope.DisposeAsync();

    [Fact]
    public async Task Get_UnknownOvoCode_ReturnsNull()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        await _data.OrganisationAsync("Departement Omgeving", cancellationToken: ct);

        Assert.Null(await Queries.GetAsync(OvoCode.Parse("OVO000999"), cancellationToken: ct));
    }

    [Fact]
    public async Task Get_ReturnsGeneralData()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var created = (await _data.OrganisationsAsync(
            [
                new OrganisationDetails(
                    "Vlaamse Milieumaatschappij",
                    "VMM",
                    Article.De,
                    "Werkt aan een beter leefmilieu.",
                    KboNumber.Parse("0234.567.873"),
                    Period("1991-01-01", "2030-12-31")),
            ],
            ct))[0];

        var detail = await Queries.GetAsync(created.OvoCode, cancellationToken: ct);

        Assert.NotNull(detail);
        Assert.Equal("OVO000001", detail.OvoCode.Value);
        Assert.Equal("Vlaamse Milieumaatschappij", detail.Name);
        Assert.Equal("VMM", detail.ShortName);
        Assert.Equal(Article.De, detail.Article);
        Assert.Equal("Werkt aan een beter leefmilieu.", detail.Description);
        Assert.Equal("0234567873", detail.KboNumber?.Digits);
        Assert.Equal(Period("1991-01-01", "2030-12-31"), detail.Validity);
        Assert.Null(detail.AsOn);
    }

    [Fact]
    public async Task Get_WithoutDate_ReturnsTheWholeHistory_InTimeOrder()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var world = await StructureAsync(ct);

        var detail = await Queries.GetAsync(world.Agency.OvoCode, cancellationToken: ct);

        Assert.NotNull(detail);
        Assert.Equal(
            [("Departement Leefmilieu", Period(null, "2019-12-31")), ("Departement Omgeving", Period("2020-01-01"))],
            detail.Parents.Select(p => (p.Name, p.Validity)));
        Assert.Equal(["Afdeling Lucht", "Afdeling Water"], detail.Children.Select(c => c.Name));
        Assert.Equal(2, detail.ChildCount);
        Assert.False(detail.HasMoreChildren);
        Assert.Equal(
            [("Orafin", "4711", Period("2010-01-01", "2019-12-31")), ("Orafin", "4712", Period("2020-01-01")), ("Vlimpers", "V-42", Period(null))],
            detail.Keys.Select(k => (k.KeyTypeName, k.Value, k.Validity)));

        var assignments = detail.Assignments.Select(a => (a.DomainCode, a.CategoryName, a.Validity, a.ParentOvoCode, a.ParentName, a.Remark));
        Assert.Equal(
            [
                ("bestuursdecreet", "IVA zonder rechtspersoonlijkheid", Period("2010-01-01", "2019-12-31"), null, null, "Voor de hervorming"),
                ("bestuursdecreet", "IVA met rechtspersoonlijkheid", Period("2020-01-01"), (OvoCode?)world.Department.OvoCode, "Departement Omgeving", null),
            ],
            assignments);
    }

    [Fact]
    public async Task Get_AsOnADate_ReturnsOnlyWhatHeldOnThatDate()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var world = await StructureAsync(ct);

        var in2015 = await Queries.GetAsync(world.Agency.OvoCode, new DateOnly(2015, 6, 1), ct);
        var in2024 = await Queries.GetAsync(world.Agency.OvoCode, new DateOnly(2024, 6, 1), ct);

        Assert.NotNull(in2015);
        Assert.NotNull(in2024);
        Assert.Equal(new DateOnly(2015, 6, 1), in2015.AsOn);
        Assert.Equal(["Departement Leefmilieu"], in2015.Parents.Select(p => p.Name));
        Assert.Equal(["Departement Omgeving"], in2024.Parents.Select(p => p.Name));
        Assert.Equal(["Afdeling Water"], in2015.Children.Select(c => c.Name));
        Assert.Equal(["Afdeling Lucht", "Afdeling Water"], in2024.Children.Select(c => c.Name));
        Assert.Equal(["4711", "V-42"], in2015.Keys.Select(k => k.Value));
        Assert.Equal(["4712", "V-42"], in2024.Keys.Select(k => k.Value));
        Assert.Equal(["IVA zonder rechtspersoonlijkheid"], in2015.Assignments.Select(a => a.CategoryName));
        Assert.Equal(["IVA met rechtspersoonlijkheid"], in2024.Assignments.Select(a => a.CategoryName));
    }

    [Fact]
    public async Task Get_ListsChildrenOnlyUpToTheLimit_AndCountsThemAll()
    {
        var ct = Xunit.TestContext.Current.CancellationToken;
        var parent = await _data.OrganisationAsync("Vlaamse overheid", cancellationToken: ct);
        var children = await _data.OrganisationsAsync(
            [.. Enumerable.Range(1, OrganisationQueries.ChildrenLimit + 1).Select(i => new OrganisationDetails($"Entiteit {i:D3}"))],
            ct);
        foreach (var child in children)
        {
            await _data.ParentAsync(child, parent, cancellationToken: ct);
        }

        var detail = await Queries.GetAsync(parent.OvoCode, cancellationToken: ct);

        Assert.NotNull(detail);
        Assert.Equal(OrganisationQueries.ChildrenLimit, detail.Children.Count);
        Assert.Equal(OrganisationQueries.ChildrenLimit + 1, detail.ChildCount);
        Assert.True(detail.HasMoreChildren);
        Assert.Equal("Entiteit 001", detail.Children[0].Name);
    }

    /// <summary>
    /// An agency that moved from one department to another on 01/01/2020, with two child units (one since 2021),
    /// keys that changed, and a change of category in a domain (with a parent within the domain since 2020).
    /// </summary>
    private async Task<(Organisation Agency, Organisation Department)> StructureAsync(CancellationToken ct)
    {
        var organisations = await _data.OrganisationsAsync(
            [
                new OrganisationDetails("Agentschap Natuur en Bos", "ANB"),
                new OrganisationDetails("Departement Leefmilieu"),
                new OrganisationDetails("Departement Omgeving"),
                new OrganisationDetails("Afdeling Water"),
                new OrganisationDetails("Afdeling Lucht"),
            ],
            ct);
        var (agency, oldDepartment, department) = (organisations[0], organisations[1], organisations[2]);
        await _data.ParentAsync(agency, oldDepartment, Period(null, "2019-12-31"), ct);
        await _data.ParentAsync(agency, department, Period("2020-01-01"), ct);
        await _data.ParentAsync(organisations[3], agency, cancellationToken: ct);
        await _data.ParentAsync(organisations[4], agency, Period("2021-01-01"), ct);

        var orafin = await _data.KeyTypeAsync("orafin", "Orafin", ct);
        var vlimpers = await _data.KeyTypeAsync("vlimpers", "Vlimpers", ct);
        await _data.KeyAsync(agency, orafin, "4712", Period("2020-01-01"), ct);
        await _data.KeyAsync(agency, orafin, "4711", Period("2010-01-01", "2019-12-31"), ct);
        await _data.KeyAsync(agency, vlimpers, "V-42", cancellationToken: ct);

        ApplicationDomain domain = await _data.DomainAsync(
            "bestuursdecreet",
            "Bestuursdecreet",
            [("iva-zonder-rp", "IVA zonder rechtspersoonlijkheid"), ("iva-met-rp", "IVA met rechtspersoonlijkheid")],
            cancellationToken: ct);
        await _data.AssignAsync(agency, domain, "iva-met-rp", Period("2020-01-01"), parent: department, cancellationToken: ct);
        await _data.AssignAsync(agency, domain, "iva-zonder-rp", Period("2010-01-01", "2019-12-31"), remark: "Voor de hervorming", cancellationToken: ct);
        return (agency, department);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationDetailTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationDetailTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationDetailTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationDetailTests(database);
