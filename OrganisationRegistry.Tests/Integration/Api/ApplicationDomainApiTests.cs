using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary><c>/api/v1/application-domains</c> and a domain's members on a date, over real HTTP, on the reference data.</summary>
public abstract class ApplicationDomainApiTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    [Fact]
    public async Task List_GivesBothDomains_WithTheirCategoriesInOrder_AndTheirStewards()
    {
        using var response = await Client("readonly").GetAsync("/api/v1/application-domains", Ct);

        var domains = await ReadAsync<List<ApiApplicationDomain>>(response, HttpStatusCode.OK);
        Assert.Equal([Bestuursdecreet, Vco], domains.Select(d => d.Code).Order(StringComparer.Ordinal));
        foreach (var spec in ReferenceCatalogue.ApplicationDomains)
        {
            var domain = domains.Single(d => d.Code == spec.Code);
            Assert.Equal(spec.Name, domain.Name);
            Assert.Equal(spec.Categories.Select(c => (c.Code, c.Name)), domain.Categories.Select(c => (c.Code, c.Name)));
            Assert.All(domain.Categories, c => Assert.True(c.Active));
            Assert.Equal([new ApiDomainSteward(await OvoOfAsync(spec.StewardName), spec.StewardName)], domain.Stewards);
        }
    }

    [Fact]
    public async Task List_ShowsAnInactiveCategoryAsInactive()
    {
        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            var category = await db.DomainCategories.SingleAsync(c => c.Code == "onderwijsinspectie", Ct);
            category.Update(category.Name, category.SortOrder, isActive: false);
            await db.SaveChangesAsync(Ct);
        }

        var domains = await ReadAsync<List<ApiApplicationDomain>>(await Client("readonly").GetAsync("/api/v1/application-domains", Ct), HttpStatusCode.OK);

        Assert.Equal(
            ["onderwijsinspectie"],
            domains.SelectMany(d => d.Categories).Where(c => !c.Active).Select(c => c.Code));
    }

    [Fact]
    public async Task Members_OnADate_ArePagedByName_WithTheirAssignment()
    {
        var expected = await MembersInDatabaseAsync(Bestuursdecreet, new DateOnly(2024, 6, 1));
        Assert.True(expected.Count > 10, "the reference data assigns more than ten organisations to the Bestuursdecreet");
        var client = Client("readonly");

        var first = await ReadAsync<ApiPage<ApiDomainMember>>(
            await client.GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?validOn=2024-06-01&pageSize=5", Ct), HttpStatusCode.OK);
        var second = await ReadAsync<ApiPage<ApiDomainMember>>(
            await client.GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?validOn=2024-06-01&pageSize=5&page=2", Ct), HttpStatusCode.OK);

        Assert.Equal((1, 5, expected.Count), (first.Page, first.PageSize, first.TotalCount));
        Assert.Equal((2, 5, expected.Count), (second.Page, second.PageSize, second.TotalCount));
        Assert.Equal(expected.Take(10), [.. first.Items.Concat(second.Items).Select(m => (m.Ovo, m.Name, m.Category))]);

        var sport = Assert.Single(await AllMembersAsync(client, $"/api/v1/application-domains/{Bestuursdecreet}/assignments?validOn=2024-06-01"), m => m.Name == SportVlaanderen);
        var assignment = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        Assert.Equal(
            new ApiDomainMember(assignment.Id, assignment.Ovo, SportVlaanderen, "iva-met-rp", new DateOnly(2019, 1, 1), null, await OvoOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia)),
            sport);
    }

    [Fact]
    public async Task Members_DefaultToTodayAndPagesOf25_AndFilterOnCategory()
    {
        var client = Client("readonly");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var page = await ReadAsync<ApiPage<ApiDomainMember>>(await client.GetAsync($"/api/v1/application-domains/{Vco}/assignments", Ct), HttpStatusCode.OK);
        var departments = await ReadAsync<ApiPage<ApiDomainMember>>(
            await client.GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?category=departement&pageSize=100", Ct), HttpStatusCode.OK);

        Assert.Equal((1, 25, (await MembersInDatabaseAsync(Vco, today)).Count), (page.Page, page.PageSize, page.TotalCount));
        Assert.NotEmpty(departments.Items);
        Assert.All(departments.Items, m => Assert.Equal("departement", m.Category));
        Assert.Equal(
            (await MembersInDatabaseAsync(Bestuursdecreet, today)).Count(m => m.Category == "departement"),
            departments.TotalCount);
    }

    [Fact]
    public async Task Members_BeforeTheDomainApplies_AreNone()
    {
        var page = await ReadAsync<ApiPage<ApiDomainMember>>(
            await Client("readonly").GetAsync($"/api/v1/application-domains/{Vco}/assignments?validOn=2019-12-31", Ct), HttpStatusCode.OK);

        Assert.Equal(0, page.TotalCount);
        Assert.Empty(page.Items);
    }

    [Fact]
    public async Task Members_OfAnUnknownDomain_Is404()
    {
        using var response = await Client("readonly").GetAsync("/api/v1/application-domains/onbekend/assignments", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal("Het toepassingsgebied 'onbekend' bestaat niet.", problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("validOn=2024-13-01", "validOn")]
    [InlineData("validOn=01/06/2024", "validOn")]
    [InlineData("category=onbekend", "category")]
    public async Task Members_WithAnInvalidParameter_Is400_NamingIt(string query, string field)
    {
        using var response = await Client("readonly").GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?{query}", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Members_ArePlainJson_WithThePageShape()
    {
        var json = await Client("readonly").GetStringAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?pageSize=1&validOn=2024-06-01", Ct);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["items", "page", "pageSize", "totalCount"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["assignmentId", "ovo", "name", "category", "validFrom", "validTo", "parentOvo"],
            Assert.Single(root.GetProperty("items").EnumerateArray()).EnumerateObject().Select(p => p.Name));
    }

    private static async Task<List<ApiDomainMember>> AllMembersAsync(HttpClient client, string uri)
    {
        var members = new List<ApiDomainMember>();
        for (var page = 1; ; page++)
        {
            var batch = await ReadAsync<ApiPage<ApiDomainMember>>(await client.GetAsync($"{uri}&pageSize=100&page={page}", Ct), HttpStatusCode.OK);
            members.AddRange(batch.Items);
            if (members.Count >= batch.TotalCount || batch.Items.Count == 0)
            {
                return members;
            }
        }
    }

    /// <summary>The members of <paramref name="domain"/> on <paramref name="date"/> straight from the database, by name then OVO code.</summary>
    private async Task<List<(string Ovo, string Name, string Category)>> MembersInDatabaseAsync(string domain, DateOnly date)
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var rows = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.ApplicationDomain!.Code == domain && (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date))
            .Select(a => new { a.Organisation!.OvoCode, a.Organisation.Name, Category = a.Category!.Code })
            .ToListAsync(Ct);
        return [.. rows.OrderBy(r => r.Name, StringComparer.Ordinal).ThenBy(r => r.OvoCode.Value, StringComparer.Ordinal).Select(r => (r.OvoCode.Value, r.Name, r.Category))];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApplicationDomainApiTestsOnSqlite(SqliteDatabaseFixture database) : ApplicationDomainApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApplicationDomainApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApplicationDomainApiTests(database);
