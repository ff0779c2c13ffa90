using System.Net;
using System.Text.Json;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// <c>/api/v1/organisations/{ovo}/assignments</c> over real HTTP: reading, assigning, changing with If-Match, ending
/// and correcting, with the problems a partner meets (400 per request field, 404, 409 naming the conflict, 412, 428),
/// each refused write leaving the database as it was, each allowed one audited as the client on the API channel.
/// </summary>
public abstract class AssignmentApiTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    private const string AopHr = "aop-hr";

    // ---- Reading ------------------------------------------------------------------------------------------------

    [Fact]
    public async Task List_GivesTheOrganisationsAssignments_WithDomainCategoryPeriodParentAndVersion()
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        var cjm = await OvoOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia);

        using var response = await Client("readonly").GetAsync($"/api/v1/organisations/{sport}/assignments", Ct);

        var items = await ReadAsync<List<ApiAssignment>>(response, HttpStatusCode.OK);
        Assert.Equal(
            [
                (Bestuursdecreet, "iva-met-rp", (DateOnly?)new DateOnly(2019, 1, 1), (DateOnly?)null, (string?)cjm, 1L),
                (Vco, "vlaamse-openbare-instellingen", new DateOnly(2020, 1, 1), null, cjm, 1L),
            ],
            items.OrderBy(a => a.Domain, StringComparer.Ordinal).Select(a => (a.Domain, a.Category, a.ValidFrom, a.ValidTo, a.ParentOvo, a.Version)));
        Assert.All(items, a => Assert.Equal(sport, a.Ovo));
    }

    [Fact]
    public async Task List_JsonIsCamelCase_WithDatesAsYearMonthDay_AndNullForOpenEnds()
    {
        var sport = await OvoOfAsync(SportVlaanderen);

        var json = await Client("readonly").GetStringAsync($"/api/v1/organisations/{sport}/assignments?validOn=2019-06-01", Ct);

        var only = Assert.Single(JsonDocument.Parse(json).RootElement.EnumerateArray());
        Assert.Equal(
            ["id", "ovo", "domain", "category", "validFrom", "validTo", "parentOvo", "remark", "version"],
            only.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2019-01-01", only.GetProperty("validFrom").GetString());
        Assert.Equal(JsonValueKind.Null, only.GetProperty("validTo").ValueKind);
        Assert.Equal(Bestuursdecreet, only.GetProperty("domain").GetString());
    }

    [Theory]
    [InlineData("OVO999999")]
    [InlineData("not-an-ovo")]
    public async Task List_UnknownOrInvalidOvo_Is404(string ovo)
    {
        using var response = await Client("readonly").GetAsync($"/api/v1/organisations/{ovo}/assignments", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains(ovo, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_InvalidValidOn_Is400_NamingTheParameter()
    {
        var sport = await OvoOfAsync(SportVlaanderen);

        using var response = await Client("readonly").GetAsync($"/api/v1/organisations/{sport}/assignments?validOn=31-12-2024", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("validOn", out _));
    }

    [Fact]
    public async Task Get_GivesTheAssignmentWithItsVersionAsETag()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);

        using var response = await Client("readonly").GetAsync($"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", Ct);

        Assert.Equal(existing, await ReadAsync<ApiAssignment>(response, HttpStatusCode.OK));
        Assert.Equal("\"1\"", ETagOf(response));
    }

    [Fact]
    public async Task Get_UnknownIdOrAnIdOfAnotherOrganisation_Is404()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var other = await OvoOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia);
        var client = Client("readonly");

        using var unknown = await client.GetAsync($"/api/v1/organisations/{existing.Ovo}/assignments/{Guid.NewGuid()}", Ct);
        using var elsewhere = await client.GetAsync($"/api/v1/organisations/{other}/assignments/{existing.Id}", Ct);
        using var notAGuid = await client.GetAsync($"/api/v1/organisations/{existing.Ovo}/assignments/123", Ct);

        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(elsewhere, HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(notAGuid, HttpStatusCode.NotFound, "not-found");
    }

    // ---- Assigning ----------------------------------------------------------------------------------------------

    /// <param name="remark">The remark as it stands in the JSON text, escapes included.</param>
    [Theory]
    [InlineData(@"nul\u0000byte", true)]
    [InlineData(@"bel\u0007", true)]
    [InlineData(@"lone \ud800 surrogate", false)]
    public async Task Assign_WithControlOrBrokenCharactersInTheRemark_Is400_AndWritesNothing(string remark, bool namesTheField)
    {
        var ovo = await NewOrganisationAsync();
        var before = await SnapshotAsync();
        using var body = new StringContent(
            $$"""{"domain":"{{Bestuursdecreet}}","category":"iva-zonder-rp","validFrom":"2024-01-01","remark":"{{remark}}"}""",
            System.Text.Encoding.UTF8,
            "application/json");

        using var response = await Client(AopHr).PostAsync($"/api/v1/organisations/{ovo}/assignments", body, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        if (namesTheField)
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
            Assert.True(problem.GetProperty("errors").TryGetProperty("remark", out _), problem.ToString());
        }

        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Assign_Is201_WithLocationETagAndBody_ReadableAtTheLocation_AndAuditedAsTheClient()
    {
        var ovo = await NewOrganisationAsync();
        var cjm = await OvoOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia);
        var before = await LastAuditPositionAsync();

        using var response = await Client(AopHr).PostAsync(
            $"/api/v1/organisations/{ovo}/assignments",
            Json(new { domain = Bestuursdecreet, category = "iva-zonder-rp", validFrom = "2024-01-01", validTo = "2030-12-31", parentOvo = cjm, remark = "Via HR" }),
            Ct);

        var created = await ReadAsync<ApiAssignment>(response, HttpStatusCode.Created);
        Assert.Equal(
            (ovo, Bestuursdecreet, "iva-zonder-rp", (DateOnly?)new DateOnly(2024, 1, 1), (DateOnly?)new DateOnly(2030, 12, 31), (string?)cjm, (string?)"Via HR", 1L),
            (created.Ovo, created.Domain, created.Category, created.ValidFrom, created.ValidTo, created.ParentOvo, created.Remark, created.Version));
        Assert.Equal($"/api/v1/organisations/{ovo}/assignments/{created.Id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", ETagOf(response));

        using var again = await Client("readonly").GetAsync(response.Headers.Location, Ct);
        Assert.Equal(created, await ReadAsync<ApiAssignment>(again, HttpStatusCode.OK));

        var entry = Assert.Single(await AuditEntriesAfterAsync(before));
        Assert.Equal(
            (AuditOperation.Insert, nameof(DomainAssignment), created.Id.ToString(), ovo, (string?)Bestuursdecreet),
            (entry.Operation, entry.EntityType, entry.EntityKey, entry.OrganisationOvoCode, entry.DomainCode));
        Assert.Equal(
            (AuditChannel.Api, AopHr, RegistryUserKind.MachineClient, (string?)await OvoOfClientAsync(AopHr)),
            (entry.Channel, entry.ActorId, entry.ActorKind, entry.ActorOrganisation));
    }

    [Fact]
    public async Task Assign_InvalidBody_Is400_WithErrorsNamedAsTheRequestNamesThem_AndChangesNothing()
    {
        var ovo = await NewOrganisationAsync();
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).PostAsync(
            $"/api/v1/organisations/{ovo}/assignments",
            Json(new { domain = "", validFrom = "2024-12-31", validTo = "2024-01-01", parentOvo = "OVO12", remark = new string('x', 2001) }),
            Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            ["category", "domain", "parentOvo", "remark", "validTo"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("onbekend", "iva-zonder-rp", null, "domain", "Het toepassingsgebied 'onbekend' bestaat niet.")]
    [InlineData(Bestuursdecreet, "onbekend", null, "category", "Het Bestuursdecreet heeft geen categorie 'onbekend'.")]
    [InlineData(Bestuursdecreet, "iva-zonder-rp", "OVO999999", "parentOvo", "OVO999999 bestaat niet in het register.")]
    public async Task Assign_NamingSomethingThatDoesNotExist_Is400_OnThatField(string domain, string category, string? parentOvo, string field, string message)
    {
        var ovo = await NewOrganisationAsync();
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).PostAsync(
            $"/api/v1/organisations/{ovo}/assignments", Json(new { domain, category, parentOvo }), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Assign_ToAnOrganisationThatDoesNotExist_Is404()
    {
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).PostAsync(
            "/api/v1/organisations/OVO999999/assignments", Json(new { domain = Bestuursdecreet, category = "iva-zonder-rp" }), Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Assign_OverlappingAnExistingAssignment_Is409_NamingTheConflictingAssignment()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).PostAsync(
            $"/api/v1/organisations/{existing.Ovo}/assignments",
            Json(new { domain = Bestuursdecreet, category = "iva-zonder-rp", validFrom = "2024-01-01" }),
            Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "overlap");
        Assert.Equal($"{existing.Ovo} is al toegewezen aan het Bestuursdecreet vanaf 01/01/2019.", problem.GetProperty("detail").GetString());
        Assert.Equal(existing, problem.GetProperty("conflict").Deserialize<ApiAssignment>(ApiJson.Options));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_ThatWouldMakeACycleWithinTheDomain_Is409_AndChangesNothing()
    {
        // Sport Vlaanderen sits under the department within the Bestuursdecreet: the department cannot go under it.
        var department = await AssignmentOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia, Bestuursdecreet);
        var sport = await OvoOfAsync(SportVlaanderen);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{department.Ovo}/assignments/{department.Id}", new
            {
                category = department.Category,
                validFrom = department.ValidFrom,
                parentOvo = sport,
            }, ifMatch: "\"1\""),
            Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "cycle");
        Assert.Contains("kring", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Assign_WithoutAJsonBody_IsAProblem_AndChangesNothing()
    {
        var ovo = await NewOrganisationAsync();
        var snapshot = await SnapshotAsync();
        var client = Client(AopHr);

        using var notJson = await client.PostAsync($"/api/v1/organisations/{ovo}/assignments", new StringContent("domain=vco"), Ct);
        using var broken = await client.PostAsync(
            $"/api/v1/organisations/{ovo}/assignments", new StringContent("{\"domain\":", System.Text.Encoding.UTF8, "application/json"), Ct);
        using var wrongType = await client.PostAsync(
            $"/api/v1/organisations/{ovo}/assignments", new StringContent("{\"domain\":\"vco\",\"validFrom\":\"gisteren\"}", System.Text.Encoding.UTF8, "application/json"), Ct);

        // 415 is what this should be; the API group's catch-all 404 endpoint wins once the content type rules this
        // endpoint out (reported to the foundation), so only "a client error as a problem" is asserted here.
        var problem = JsonDocument.Parse(await notJson.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.InRange((int)notJson.StatusCode, 400, 499);
        Assert.Equal("application/problem+json", notJson.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)notJson.StatusCode, problem.GetProperty("status").GetInt32());
        await AssertProblemAsync(broken, HttpStatusCode.BadRequest, "bad-request");
        await AssertProblemAsync(wrongType, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    // ---- Changing (If-Match required) ---------------------------------------------------------------------------

    [Fact]
    public async Task Change_WithTheETagRead_Is200_WithTheNewStateAndVersion_AndAudited()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var before = await LastAuditPositionAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", new
            {
                category = "eva-publiekrechtelijk",
                validFrom = "2019-01-01",
                validTo = (string?)null,
                parentOvo = existing.ParentOvo,
                remark = "Omgevormd",
            }, ifMatch: "\"1\""),
            Ct);

        var changed = await ReadAsync<ApiAssignment>(response, HttpStatusCode.OK);
        Assert.Equal(existing with { Category = "eva-publiekrechtelijk", Remark = "Omgevormd", Version = 2 }, changed);
        Assert.Equal("\"2\"", ETagOf(response));
        var entry = Assert.Single(await AuditEntriesAfterAsync(before));
        Assert.Equal((AuditOperation.Update, existing.Id.ToString(), AuditChannel.Api, AopHr), (entry.Operation, entry.EntityKey, entry.Channel, entry.ActorId));
    }

    [Fact]
    public async Task Change_WithoutIfMatch_Is428_AndChangesNothing()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", new { category = "departement" }), Ct);

        await AssertProblemAsync(response, (HttpStatusCode)428, "precondition-required");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_WithAStaleETag_Is412_WithTheCurrentVersion_AndChangesNothing()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var client = Client(AopHr);
        var uri = $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}";
        using (var first = await client.SendAsync(Request(HttpMethod.Put, uri, new { category = "departement", validFrom = "2019-01-01" }, ifMatch: "\"1\""), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var snapshot = await SnapshotAsync();

        using var response = await client.SendAsync(Request(HttpMethod.Put, uri, new { category = "iva-met-rp", validFrom = "2019-01-01" }, ifMatch: "\"1\""), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "concurrency-conflict");
        Assert.Equal(2, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_WithIfMatchStar_ChangesTheCurrentVersion()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);

        using var response = await Client("orafin").SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", new
            {
                category = existing.Category,
                validFrom = existing.ValidFrom,
                parentOvo = existing.ParentOvo,
                remark = "Nagekeken",
            }, ifMatch: "*"),
            Ct);

        Assert.Equal(existing with { Remark = "Nagekeken", Version = 2 }, await ReadAsync<ApiAssignment>(response, HttpStatusCode.OK));
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("\"een\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task Change_WithAnIfMatchThatIsNoETagOfOurs_Is400_AndChangesNothing(string ifMatch)
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", new { category = "departement" }, ifMatch), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.True(problem.GetProperty("errors").TryGetProperty("If-Match", out _));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_OfAnAssignmentOfAnotherOrganisation_Is404_AndChangesNothing()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var other = await OvoOfAsync(ReferenceCatalogue.CultuurJeugdEnMedia);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{other}/assignments/{existing.Id}", new { category = "departement" }, ifMatch: "*"), Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Change_WithoutCategory_Is400_OnCategory()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).SendAsync(
            Request(HttpMethod.Put, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", new { validFrom = "2019-01-01" }, ifMatch: "*"), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["category"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    // ---- Ending (If-Match optional) -----------------------------------------------------------------------------

    [Fact]
    public async Task End_WithoutIfMatch_EndsTheCurrentVersion_200WithETag()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);

        using var response = await Client("orafin").PostAsync(
            $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}/end", Json(new { validTo = "2025-06-30" }), Ct);

        var ended = await ReadAsync<ApiAssignment>(response, HttpStatusCode.OK);
        Assert.Equal(existing with { ValidTo = new DateOnly(2025, 6, 30), Version = 2 }, ended);
        Assert.Equal("\"2\"", ETagOf(response));
    }

    [Fact]
    public async Task End_WithAStaleIfMatch_Is412_AndChangesNothing()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var snapshot = await SnapshotAsync();

        using var response = await Client("orafin").SendAsync(
            Request(HttpMethod.Post, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}/end", new { validTo = "2025-06-30" }, ifMatch: "\"7\""), Ct);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "concurrency-conflict");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task End_WithoutValidTo_Is400_OnValidTo()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var snapshot = await SnapshotAsync();

        using var response = await Client("orafin").PostAsync(
            $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}/end", Json(new { }), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["validTo"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    // ---- Correcting (reason required) ---------------------------------------------------------------------------

    [Fact]
    public async Task Correct_WithAReason_Is204_RemovesTheAssignment_AndTheReasonIsInTheTrail()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var before = await LastAuditPositionAsync();
        var client = Client("orafin");

        using var response = await client.DeleteAsync(
            $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}?reason={Uri.EscapeDataString("Nooit onder de VCO gevallen")}", Ct);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        using var gone = await client.GetAsync($"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}", Ct);
        await AssertProblemAsync(gone, HttpStatusCode.NotFound, "not-found");
        var entry = Assert.Single(await AuditEntriesAfterAsync(before));
        Assert.Equal(
            (AuditOperation.Delete, existing.Id.ToString(), (string?)"Nooit onder de VCO gevallen", AuditChannel.Api, "orafin"),
            (entry.Operation, entry.EntityKey, entry.Reason, entry.Channel, entry.ActorId));
    }

    [Theory]
    [InlineData("")]
    [InlineData("?reason=")]
    [InlineData("?reason=%20%20")]
    public async Task Correct_WithoutAReason_Is400_OnReason_AndChangesNothing(string query)
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var snapshot = await SnapshotAsync();

        using var response = await Client("orafin").DeleteAsync($"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}{query}", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(["reason"], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Correct_WithAStaleIfMatch_Is412_AndChangesNothing()
    {
        var existing = await AssignmentOfAsync(SportVlaanderen, Vco);
        var snapshot = await SnapshotAsync();

        using var response = await Client("orafin").SendAsync(
            Request(HttpMethod.Delete, $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}?reason=fout", ifMatch: "\"2\""), Ct);

        await AssertProblemAsync(response, HttpStatusCode.PreconditionFailed, "concurrency-conflict");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Correct_UnknownAssignment_Is404()
    {
        var sport = await OvoOfAsync(SportVlaanderen);

        using var response = await Client("orafin").DeleteAsync($"/api/v1/organisations/{sport}/assignments/{Guid.NewGuid()}?reason=fout", Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssignmentApiTestsOnSqlite(SqliteDatabaseFixture database) : AssignmentApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AssignmentApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AssignmentApiTests(database);
