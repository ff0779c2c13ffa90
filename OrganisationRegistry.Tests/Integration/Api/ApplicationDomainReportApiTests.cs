using System.Net;
using System.Text;
using System.Text.Json;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Admin.Authentication;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.ApplicationDomains;
using static OrganisationRegistry.Tests.Integration.ApplicationDomains.DomainReportScenario;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// A domain's report on a date and its changes between two dates, over real HTTP: the API (<c>…/report</c>,
/// <c>…/changes</c>) and the CSV downloads of the pages, on the reference data plus <see cref="DomainReportScenario"/>.
/// </summary>
public abstract class ApplicationDomainReportApiTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    private const string Changes = $"/api/v1/application-domains/{Code}/changes";

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await RegisterAsync(new TestData(Database), Database, Ct);
    }

    [Fact]
    public async Task Report_OnTheLastDay_CountsPerCategory_InactiveOnlyWithMembers()
    {
        var report = await ReadAsync<ApiDomainReport>(
            await Client("readonly").GetAsync($"/api/v1/application-domains/{Code}/report?on=2024-12-31", Ct), HttpStatusCode.OK);

        Assert.Equal((Code, LastDay, 5), (report.Domain, report.On, report.Total));
        Assert.Equal(
            [
                new ApiDomainCategoryCount("departement", "Departement", true, 3),
                new ApiDomainCategoryCount("iva-met-rp", "IVA met rechtspersoonlijkheid", true, 1),
                new ApiDomainCategoryCount("eva-privaat", "Privaatrechtelijk EVA", true, 0),
                new ApiDomainCategoryCount("oud", "Oude categorie", false, 1),
            ],
            report.Categories);
    }

    [Fact]
    public async Task Report_AgreesWithTheAssignmentsEndpoint_PerCategory_AndDefaultsToToday()
    {
        var client = Client("readonly");

        var report = await ReadAsync<ApiDomainReport>(await client.GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/report", Ct), HttpStatusCode.OK);

        Assert.InRange(report.On.DayNumber - DateOnly.FromDateTime(DateTime.UtcNow).DayNumber, 0, 1);
        Assert.True(report.Total > 10, "the reference data assigns more than ten organisations to the Bestuursdecreet");
        foreach (var category in report.Categories)
        {
            var members = await ReadAsync<ApiPage<ApiDomainMember>>(
                await client.GetAsync($"/api/v1/application-domains/{Bestuursdecreet}/assignments?validOn={report.On:yyyy-MM-dd}&category={category.Code}&pageSize=1", Ct),
                HttpStatusCode.OK);
            Assert.Equal(category.Count, members.TotalCount);
        }
    }

    [Fact]
    public async Task Changes_OverTheBoundary_CountAndListEnteredLeftAndMoved()
    {
        var changes = await ReadAsync<ApiDomainChanges>(
            await Client("readonly").GetAsync($"{Changes}?from=2024-12-31&to=2025-01-01", Ct), HttpStatusCode.OK);

        Assert.Equal((Code, LastDay, FirstDay), (changes.Domain, changes.From, changes.To));
        Assert.Equal(new ApiDomainChangeCounts(1, 2, 1, 4), changes.Counts);
        Assert.Equal(new ApiDomainCategoryChanges("eva-privaat", "Privaatrechtelijk EVA", true, 0, 0, 1, 0), changes.Categories[2]);
        Assert.Equal(
            [("left", "Agentschap Einde"), ("entered", "Agentschap Start"), ("moved", "Agentschap Verhuisd"), ("left", "Zonder Begin")],
            changes.Items.Select(c => (c.Kind, c.Name)));
        var moved = changes.Items[2];
        Assert.Equal(new ApiDomainChangeSide("departement", new DateOnly(2019, 1, 1), LastDay), moved.Before);
        Assert.Equal(new ApiDomainChangeSide("eva-privaat", FirstDay, null), moved.After);
        Assert.Null(changes.Items[1].Before);
        Assert.Equal((1, 25, 4), (changes.Page, changes.PageSize, changes.TotalCount));
    }

    [Fact]
    public async Task Changes_OfOneKind_ArePaged_AndCountsStayForAllKinds()
    {
        var changes = await ReadAsync<ApiDomainChanges>(
            await Client("readonly").GetAsync($"{Changes}?from=2024-12-31&to=2025-01-01&kind=left&pageSize=1&page=2", Ct), HttpStatusCode.OK);

        Assert.Equal(["Zonder Begin"], changes.Items.Select(c => c.Name));
        Assert.Equal((2, 1, 2), (changes.Page, changes.PageSize, changes.TotalCount));
        Assert.Equal(4, changes.Counts.Total);
    }

    [Fact]
    public async Task Changes_OnOneDate_AreNone()
    {
        var changes = await ReadAsync<ApiDomainChanges>(
            await Client("readonly").GetAsync($"{Changes}?from=2025-01-01&to=2025-01-01", Ct), HttpStatusCode.OK);

        Assert.Equal(new ApiDomainChangeCounts(0, 0, 0, 0), changes.Counts);
        Assert.Empty(changes.Items);
    }

    [Theory]
    [InlineData("from=2025-01-01&to=2024-12-31", "to")]
    [InlineData("to=2024-12-31", "from")]
    [InlineData("from=2024-12-31", "to")]
    [InlineData("from=31/12/2024&to=2025-01-01", "from")]
    [InlineData("from=2024-12-31&to=2025-02-30", "to")]
    [InlineData("from=2024-12-31&to=2025-01-01&kind=passing", "kind")]
    [InlineData("from=2024-12-31&to=2025-01-01&pageSize=101", "pageSize")]
    [InlineData("from=2024-12-31&to=2025-01-01&page=0", "page")]
    public async Task Changes_WithAnInvalidParameter_Are400_NamingIt(string query, string field)
    {
        using var response = await Client("readonly").GetAsync($"{Changes}?{query}", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Changes_WithTheDatesTheWrongWayRound_SayWhyInDutch()
    {
        using var response = await Client("readonly").GetAsync($"{Changes}?from=2025-01-01&to=2024-12-31", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            "De einddatum (31/12/2024) ligt voor de begindatum (01/01/2025); kies een einddatum op of na de begindatum.",
            problem.GetProperty("errors").GetProperty("to")[0].GetString());
    }

    [Fact]
    public async Task Report_WithABadDate_Is400_AndOfAnUnknownDomain_Is404()
    {
        var client = Client("readonly");

        var badDate = await AssertProblemAsync(await client.GetAsync($"/api/v1/application-domains/{Code}/report?on=2024-12-32", Ct), HttpStatusCode.BadRequest, "validation");
        await AssertProblemAsync(await client.GetAsync("/api/v1/application-domains/onbekend/report", Ct), HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(await client.GetAsync("/api/v1/application-domains/onbekend/changes?from=2024-01-01&to=2025-01-01", Ct), HttpStatusCode.NotFound, "not-found");

        Assert.Equal(["on"], badDate.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Theory]
    [InlineData($"/api/v1/application-domains/{Code}/report")]
    [InlineData($"/api/v1/application-domains/{Code}/changes?from=2024-12-31&to=2025-01-01")]
    public async Task ReportAndChanges_NeedAToken_WithTheReadScope(string uri)
    {
        using var anonymous = await App.CreateClient().GetAsync(uri, Ct);
        using var withoutRead = await App.CreateApiClient("readonly", [OrganisationRegistry.Domain.ApiClients.ApiScopes.WriteAssignments]).GetAsync(uri, Ct);

        await AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized, "unauthorized");
        await AssertProblemAsync(withoutRead, HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Changes_ArePlainJson_WithTheDocumentedShape()
    {
        var json = await Client("readonly").GetStringAsync($"{Changes}?from=2024-12-31&to=2025-01-01&kind=moved", Ct);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["domain", "from", "to", "counts", "categories", "items", "page", "pageSize", "totalCount"], root.EnumerateObject().Select(p => p.Name));
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.StartsWith("{\"kind\":\"moved\",", item.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("2025-01-01", item.GetProperty("after").GetProperty("validFrom").GetString());
    }

    [Fact]
    public async Task ChangesCsv_ForSomeoneSignedIn_IsStreamedCsv_AndRefusesDatesTheWrongWayRound()
    {
        var reader = Reader();

        using var csv = await reader.GetAsync($"/toepassingsgebieden/{Code}/wijzigingen.csv?van=2024-12-31&tot=2025-01-01&soort=moved", Ct);
        using var wrongWayRound = await reader.GetAsync($"/toepassingsgebieden/{Code}/wijzigingen.csv?van=2025-01-01&tot=2024-12-31", Ct);
        using var unknown = await reader.GetAsync("/toepassingsgebieden/onbekend/wijzigingen.csv?van=2024-12-31&tot=2025-01-01", Ct);
        using var anonymous = await App.CreateBrowserLikeClient().GetAsync($"/toepassingsgebieden/{Code}/wijzigingen.csv?van=2024-12-31&tot=2025-01-01", Ct);

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"{Code}-wijzigingen-2024-12-31-2025-01-01-moved.csv", csv.Content.Headers.ContentDisposition?.FileName);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3).Split("\r\n");
        Assert.StartsWith("Wijziging;OVO-code;Naam;", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("Andere categorie;OVO", lines[1], StringComparison.Ordinal);
        Assert.EndsWith(";Agentschap Verhuisd;;;Departement;01/01/2019;31/12/2024;Privaatrechtelijk EVA;01/01/2025;", lines[1], StringComparison.Ordinal);
        Assert.Equal(3, lines.Length);
        Assert.Equal(HttpStatusCode.BadRequest, wrongWayRound.StatusCode);
        Assert.Contains("ligt voor de begindatum", await wrongWayRound.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    /// <summary>A browser with the session of someone who may only read (the CSV downloads are for anyone signed in).</summary>
    private HttpClient Reader() => App.CreateClientWithSession(
        RegistryUser.Create("lezer", "Lezer", [RegistryRoles.Reader]).ToPrincipal(RegistryClaimsTransformation.AuthenticationType));

    [Fact]
    public async Task MembersCsv_ByCategory_IsInCategoryOrderThenByName()
    {
        var reader = Reader();

        var text = await reader.GetStringAsync($"/toepassingsgebieden/{Code}/export.csv?geldigOp=2024-12-31&volgorde=categorie", Ct);

        Assert.Equal(
            ["Agentschap Verhuisd", "Departement Omgeving", "Zonder Begin", "Agentschap Einde", "'=Oude Dienst"],
            text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(l => l.Split(';')[1]));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApplicationDomainReportApiTestsOnSqlite(SqliteDatabaseFixture database) : ApplicationDomainReportApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApplicationDomainReportApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApplicationDomainReportApiTests(database);
