using System.Net;
using System.Text.Json;
using Microsoft.Net.Http.Headers;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// The organisation resources over real HTTP: search, one organisation with its ETag, create, find-or-create by KBO
/// number, merge patch with If-Match, and every refusal a problem that names the field and changes nothing.
/// </summary>
public abstract class OrganisationsApiTests(DatabaseFixture database) : OrganisationApiTests(database)
{
    private static readonly string ValidKbo = KboNumber.FromBase(20_240_101).Digits;

    // ---- Search ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Search_ByName_AnswersAPageOfListItems_InTheApisShape()
    {
        using var response = await GetAsync(Client("readonly"), "/api/v1/organisations?q=cultuur, jeugd&pageSize=10");

        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 10, 1), (json.GetProperty("page").GetInt32(), json.GetProperty("pageSize").GetInt32(), json.GetProperty("totalCount").GetInt32()));
        var item = Assert.Single(json.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ["ovo", "name", "shortName", "kboNumber", "validFrom", "validTo"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(await OvoOfAsync(Cjm), item.GetProperty("ovo").GetString());
        Assert.Equal((Cjm, "CJM"), (item.GetProperty("name").GetString(), item.GetProperty("shortName").GetString()));
        Assert.Equal(JsonValueKind.Null, item.GetProperty("validTo").ValueKind);
    }

    [Fact]
    public async Task Search_ByOvoOrKbo_FindsExactlyThatOrganisation()
    {
        var vrm = await OvoOfAsync(Vrm);
        await Kbo.EnterprisesAsync(new KboSeed(ValidKbo, "Kunstenpunt"));
        var withKbo = await CreateFromKboAsSystemAsync(new CreateOrganisationFromKbo(ValidKbo, ParentOvoCode: await OvoOfAsync(Cjm)));

        var byOvo = await GetJsonAsync<ApiPage<OrganisationListItemResponse>>(Client("orafin"), $"/api/v1/organisations?q={vrm.ToLowerInvariant()}");
        var byKbo = await GetJsonAsync<ApiPage<OrganisationListItemResponse>>(Client("orafin"), $"/api/v1/organisations?q=BE{ValidKbo}");

        Assert.Equal(vrm, Assert.Single(byOvo!.Items).Ovo);
        var found = Assert.Single(byKbo!.Items);
        Assert.Equal((withKbo, ValidKbo), (found.Ovo, found.KboNumber));
    }

    [Fact]
    public async Task Search_ByDomainAndValidOn_KeepsTheDomainsMembersOnThatDate_Paged()
    {
        var client = Client("readonly");

        var members = await GetJsonAsync<ApiPage<OrganisationListItemResponse>>(client, $"/api/v1/organisations?domain=bestuursdecreet&validOn={Today:yyyy-MM-dd}&pageSize=100");
        var secondPage = await GetJsonAsync<ApiPage<OrganisationListItemResponse>>(client, $"/api/v1/organisations?domain=bestuursdecreet&validOn={Today:yyyy-MM-dd}&page=2&pageSize=5");
        var beforeTheDecree = await GetJsonAsync<ApiPage<OrganisationListItemResponse>>(client, "/api/v1/organisations?domain=bestuursdecreet&validOn=2000-01-01");

        Assert.Contains(members!.Items, o => o.Name == Cjm);
        Assert.DoesNotContain(members.Items, o => o.Name == "Participatiemaatschappij Vlaanderen");
        Assert.Equal(members.TotalCount, members.Items.Count);
        Assert.Equal((2, 5, members.TotalCount), (secondPage!.Page, secondPage.PageSize, secondPage.TotalCount));
        Assert.Equal(members.Items.Skip(5).Take(5).Select(o => o.Ovo), secondPage.Items.Select(o => o.Ovo));
        Assert.Equal(0, beforeTheDecree!.TotalCount);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=-1", "pageSize")]
    [InlineData("validOn=31/12/2024", "validOn")]
    [InlineData("validOn=2024-02-30", "validOn")]
    [InlineData("page=1&page=2", "page")]
    [InlineData("page=2147483647", "page")]
    [InlineData("q=cultuur%00", "q")]
    [InlineData("domain=%00", "domain")]
    public async Task Search_WithAWrongParameter_IsAProblemNamingIt(string query, string field)
    {
        using var response = await GetAsync(Client("readonly"), $"/api/v1/organisations?{query}");

        await AssertValidationProblemAsync(response, field);
    }

    // ---- One organisation -----------------------------------------------------------------------------------

    [Fact]
    public async Task Get_AnswersTheGeneralDataWithItsVersionAsETag_TodaysParents_KeysAndAssignments()
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        var stored = await OrganisationAsync(sport);

        using var response = await GetAsync(Client("readonly"), $"/api/v1/organisations/{sport}");

        var organisation = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.OK);
        AssertETag(response, stored.Version);
        Assert.Equal(stored.Version, organisation.Version);
        Assert.Equal((sport, SportVlaanderen, Article.De, "cjsm"), (organisation.Ovo, organisation.Name, organisation.Article, organisation.PolicyDomain));
        Assert.False(string.IsNullOrWhiteSpace(organisation.PolicyDomainName));
        var parent = Assert.Single(organisation.Parents);
        Assert.Equal((await OvoOfAsync(Cjm), Cjm), (parent.Ovo, parent.Name));
        Assert.Contains(organisation.Assignments, a => a.Domain == "bestuursdecreet");
        Assert.Empty(organisation.Keys);
    }

    [Fact]
    public async Task Get_WithIfNoneMatchOfTheCurrentVersion_IsNotModified_AndWithAnOldOne_AnswersTheOrganisation()
    {
        var client = Client("readonly");
        var sport = await OvoOfAsync(SportVlaanderen);
        using var first = await GetAsync(client, $"/api/v1/organisations/{sport}");
        var etag = ETagOf(first);

        using var same = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{sport}");
        same.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, etag);
        using var notModified = await client.SendAsync(same, Ct);
        using var old = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/organisations/{sport}");
        old.Headers.TryAddWithoutValidation(HeaderNames.IfNoneMatch, "\"999\"");
        using var modified = await client.SendAsync(old, Ct);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, ETagOf(notModified));
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
    }

    [Theory]
    [InlineData("OVO999999")]
    [InlineData("OVO12")]
    [InlineData("not-an-ovo")]
    public async Task Get_AnUnknownOrMalformedOvo_IsNotFound(string ovo)
    {
        using var response = await GetAsync(Client("readonly"), $"/api/v1/organisations/{ovo}");

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Contains(ovo, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    // ---- Create ---------------------------------------------------------------------------------------------

    [Fact]
    public async Task Create_UnderItsOwnOrganisation_IsCreated_WithLocationETagAndBody_AndAudited()
    {
        var client = Client("kiosk");
        var cjm = await OvoOfAsync(Cjm);
        var before = await LastAuditPositionAsync();

        using var response = await PostJsonAsync(client, "/api/v1/organisations", new
        {
            name = "Kunstenpunt",
            shortName = "KP",
            article = "het",
            description = "Steunpunt voor de kunsten.",
            validFrom = "2025-01-01",
            policyDomain = "cjsm",
            parentOvo = cjm,
        });

        var created = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.Created);
        Assert.Equal($"/api/v1/organisations/{created.Ovo}", response.Headers.Location?.OriginalString);
        AssertETag(response, created.Version);
        Assert.Equal(
            ("Kunstenpunt", "KP", Article.Het, "Steunpunt voor de kunsten.", new DateOnly(2025, 1, 1), (DateOnly?)null, "cjsm", (string?)null),
            (created.Name, created.ShortName, created.Article, created.Description, created.ValidFrom.GetValueOrDefault(), created.ValidTo, created.PolicyDomain, created.KboNumber));
        Assert.Equal(cjm, Assert.Single(created.Parents).Ovo);

        var stored = await OrganisationAsync(created.Ovo);
        Assert.Equal(("Kunstenpunt", created.Version), (stored.Name, stored.Version));
        var read = await GetJsonAsync<OrganisationResponse>(client, response.Headers.Location!.OriginalString);
        Assert.Equal(created with { Parents = [], Keys = [], Assignments = [] }, read! with { Parents = [], Keys = [], Assignments = [] });
        await AssertAuditedAsync(before, "kiosk", Cjm, organisationConcerned: created.Ovo);
    }

    [Fact]
    public async Task Create_Invalid_IsAValidationProblem_NamingTheRequestsFields_AndChangesNothing()
    {
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(Client("kiosk"), "/api/v1/organisations", new
        {
            name = "   ",
            validFrom = "2025-01-01",
            validTo = "2024-12-31",
            policyDomain = new string('x', 51),
            parentOvo = "OVO12",
        });

        var errors = await AssertValidationProblemAsync(response, "name", "validTo", "policyDomain", "parentOvo");
        Assert.Equal("De naam is verplicht.", errors.GetProperty("name")[0].GetString());
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Create_WithValuesOfTheWrongTypeOrUnknownFields_IsAValidationProblem_NamingEach()
    {
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(
            Client("kiosk"),
            "/api/v1/organisations",
            """{ "name": 12, "article": "den", "validFrom": "31/01/2025", "validTo": 20250131, "Shortname": "KP", "colour": "blue", "parentOvo": ["OVO000001"] }""");

        var errors = await AssertValidationProblemAsync(response, "name", "article", "validFrom", "validTo", "Shortname", "colour", "parentOvo");
        Assert.Contains("shortName", errors.GetProperty("Shortname")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Create_WithAParentOrPolicyDomainThatDoesNotExist_IsAValidationProblem_NamingTheField()
    {
        var client = Client("kiosk");
        var cjm = await OvoOfAsync(Cjm);
        var snapshot = await SnapshotAsync();

        using var unknownParent = await PostJsonAsync(client, "/api/v1/organisations", new { name = "Kunstenpunt", parentOvo = "OVO999999" });
        using var unknownPolicyDomain = await PostJsonAsync(client, "/api/v1/organisations", new { name = "Kunstenpunt", parentOvo = cjm, policyDomain = "sterrenkunde" });

        var parentErrors = await AssertValidationProblemAsync(unknownParent, "parentOvo");
        Assert.Contains("OVO999999 bestaat niet", parentErrors.GetProperty("parentOvo")[0].GetString(), StringComparison.Ordinal);
        var domainErrors = await AssertValidationProblemAsync(unknownPolicyDomain, "policyDomain");
        Assert.Contains("sterrenkunde", domainErrors.GetProperty("policyDomain")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Create_WithAnotherContentType_IsUnsupportedMediaType(string contentType)
    {
        var snapshot = await SnapshotAsync();
        using var content = new StringContent("""{ "name": "Kunstenpunt" }""");
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);

        using var response = await Client("kiosk").PostAsync("/api/v1/organisations", content, Ct);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("""{ "name": "Kunstenpunt" """)]
    [InlineData("""{ name: 'Kunstenpunt' }""")]
    [InlineData("")]
    [InlineData("[]")]
    [InlineData("\"Kunstenpunt\"")]
    [InlineData("null")]
    public async Task Create_WithABodyThatIsNoJsonObject_IsABadRequestProblem(string body)
    {
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(Client("kiosk"), "/api/v1/organisations", body);

        await AssertProblemAsync(response, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("""{ "name": "Kunsten\u0000punt" }""", "name")]
    [InlineData("""{ "name": "Kunstenpunt", "shortName": "K\ud800P" }""", "shortName")]
    [InlineData("""{ "name": "Kunstenpunt", "description": "bel \u0007" }""", "description")]
    [InlineData("""{ "name": "Kunstenpunt", "validFrom": "2025-01-01\u0000" }""", "validFrom")]
    public async Task Create_WithTextTheRegisterCannotStore_IsAValidationProblemNamingTheField(string body, string field)
    {
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(Client("kiosk"), "/api/v1/organisations", body);

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Create_WithBrokenUtf8_DeepNestingOrABrokenFieldName_IsAProblem()
    {
        var client = Client("kiosk");
        var snapshot = await SnapshotAsync();
        using var brokenUtf8 = new ByteArrayContent([.. "{ \"name\": \""u8, 0xFF, 0xFE, .. "\" }"u8]);
        brokenUtf8.Headers.ContentType = new("application/json");

        using var notUtf8 = await client.PostAsync("/api/v1/organisations", brokenUtf8, Ct);
        using var deep = await PostJsonAsync(client, "/api/v1/organisations", $$"""{ "name": "A", "description": {{new string('[', 100)}}{{new string(']', 100)}} }""");
        using var brokenName = await PostJsonAsync(client, "/api/v1/organisations", """{ "\udc00name": "A" }""");

        await AssertValidationProblemAsync(notUtf8, "name");
        await AssertProblemAsync(deep, HttpStatusCode.BadRequest, "bad-request");
        await AssertProblemAsync(brokenName, HttpStatusCode.BadRequest, "bad-request");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Create_WithADuplicateField_IsAValidationProblem()
    {
        using var response = await PostJsonAsync(Client("kiosk"), "/api/v1/organisations", $$"""{ "name": "A", "name": "B", "parentOvo": "{{await OvoOfAsync(Cjm)}}" }""");

        await AssertValidationProblemAsync(response, "name");
    }

    [Fact]
    public async Task Create_WithABodyOverTheSizeLimit_IsPayloadTooLarge()
    {
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(Client("kiosk"), "/api/v1/organisations", new { name = "Kunstenpunt", description = new string('x', 70_000) });

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge, "payload-too-large");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    // ---- Find or create by KBO number ---------------------------------------------------------------------

    [Fact]
    public async Task PutKbo_WhenACurrentOrganisationHasTheNumber_AnswersItUnchanged_ForAnyClient()
    {
        await Kbo.EnterprisesAsync(new KboSeed(ValidKbo, "Kunstenpunt"));
        var existing = await CreateFromKboAsSystemAsync(new CreateOrganisationFromKbo(ValidKbo, ParentOvoCode: await OvoOfAsync(Cjm)));
        var snapshot = await SnapshotAsync();

        using var response = await PutJsonAsync(Client("readonly"), $"/api/v1/organisations/kbo/{ValidKbo[..4]}.{ValidKbo[4..7]}.{ValidKbo[7..]}", new { description = "Een andere beschrijving" });

        var organisation = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.OK);
        Assert.Equal((existing, "Kunstenpunt", ValidKbo), (organisation.Ovo, organisation.Name, organisation.KboNumber));
        Assert.Equal($"/api/v1/organisations/{existing}", response.Content.Headers.ContentLocation?.OriginalString);
        AssertETag(response, organisation.Version);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task PutKbo_WhenOnlyAnEndedOrganisationHasTheNumber_CreatesItsSuccessor_ThenFindsThatOne()
    {
        await Kbo.EnterprisesAsync(new KboSeed(ValidKbo, "Kunstenpunt"));
        var ended = await CreateFromKboAsSystemAsync(new CreateOrganisationFromKbo(ValidKbo, ValidTo: new DateOnly(2020, 12, 31)));
        var client = await CentralClientAsync();
        var before = await LastAuditPositionAsync();

        using var first = await PutJsonAsync(client, $"/api/v1/organisations/kbo/{ValidKbo}", new { validFrom = "2021-01-01", parentOvo = await OvoOfAsync(Cjm) });
        using var again = await PutJsonAsync(client, $"/api/v1/organisations/kbo/{ValidKbo}", new { validFrom = "2021-01-01", parentOvo = await OvoOfAsync(Cjm) });

        var created = await ReadAsync<OrganisationResponse>(first, HttpStatusCode.Created);
        Assert.NotEqual(ended, created.Ovo);
        Assert.Equal(("Kunstenpunt", ValidKbo), (created.Name, created.KboNumber));
        Assert.Equal($"/api/v1/organisations/{created.Ovo}", first.Headers.Location?.OriginalString);
        AssertETag(first, created.Version);
        Assert.Equal(ValidKbo, (await OrganisationAsync(created.Ovo)).KboNumber?.Digits);
        await AssertAuditedAsync(before, CentralClientId, ReferenceCatalogue.DigitaalVlaanderen, created.Ovo);

        var found = await ReadAsync<OrganisationResponse>(again, HttpStatusCode.OK);
        Assert.Equal(created.Ovo, found.Ovo);
    }

    [Fact]
    public async Task PutKbo_ForANewNumber_AsAnOrganisationManager_IsForbidden_BecauseCouplingAKboNumberIsCentral()
    {
        var snapshot = await SnapshotAsync();

        using var response = await PutJsonAsync(Client("kiosk"), $"/api/v1/organisations/kbo/{ValidKbo}", new { parentOvo = await OvoOfAsync(Cjm) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("couple-kbo", problem.GetProperty("right").GetString());
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("0123456789")]
    [InlineData("12345")]
    [InlineData("abcdefghij")]
    public async Task PutKbo_WithAnInvalidNumber_IsAValidationProblemOnKboNumber(string kboNumber)
    {
        var client = await CentralClientAsync();
        var snapshot = await SnapshotAsync();

        using var response = await PutJsonAsync(client, $"/api/v1/organisations/kbo/{kboNumber}", new { description = "Kunstenpunt" });

        await AssertValidationProblemAsync(response, "kboNumber");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task PutKbo_WithTheKboNumberInTheBody_IsAValidationProblemOnIt()
    {
        using var response = await PutJsonAsync(Client("kiosk"), $"/api/v1/organisations/kbo/{ValidKbo}", new { description = "Kunstenpunt", kboNumber = ValidKbo });

        await AssertValidationProblemAsync(response, "kboNumber");
    }

    // ---- Merge patch ----------------------------------------------------------------------------------------

    [Fact]
    public async Task Patch_WithTheETag_ReplacesPresentFields_ClearsNulls_KeepsAbsentOnes_AndAnswersTheNewETag()
    {
        var client = Client("kiosk");
        var vrm = await OvoOfAsync(Vrm);
        using var read = await GetAsync(client, $"/api/v1/organisations/{vrm}");
        var before = await ReadAsync<OrganisationResponse>(read, HttpStatusCode.OK);
        var position = await LastAuditPositionAsync();

        using var response = await PatchAsync(client, vrm, new { description = "Regulator van de Vlaamse media.", shortName = (string?)null, validFrom = "2005-01-01" }, ETagOf(read));

        var after = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.OK);
        Assert.Equal(before.Version + 1, after.Version);
        AssertETag(response, after.Version);
        Assert.Equal(
            before with { Description = "Regulator van de Vlaamse media.", ShortName = null, ValidFrom = new DateOnly(2005, 1, 1), Version = after.Version, Parents = after.Parents, Keys = after.Keys, Assignments = after.Assignments },
            after);
        var stored = await OrganisationAsync(vrm);
        Assert.Equal((Vrm, (string?)null, after.Version), (stored.Name, stored.ShortName, stored.Version));
        await AssertAuditedAsync(position, "kiosk", Cjm, organisationConcerned: vrm);
    }

    [Theory]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/json")]
    public async Task Patch_WithIfMatchStar_ChangesTheCurrentVersion(string mediaType)
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        var version = (await OrganisationAsync(sport)).Version;

        using var response = await PatchAsync(Client("kiosk"), sport, new { article = "het" }, "*", mediaType);

        var after = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.OK);
        Assert.Equal((Article.Het, version + 1), (after.Article, after.Version));
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_IsPreconditionRequired_AndChangesNothing()
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        var snapshot = await SnapshotAsync();

        using var response = await PatchAsync(Client("kiosk"), sport, new { description = "x" }, ifMatch: null);

        await AssertProblemAsync(response, (HttpStatusCode)428, "precondition-required");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Patch_WithAStaleETag_IsPreconditionFailed_WithTheCurrentVersion_AndChangesNothing()
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        using var read = await GetAsync(client, $"/api/v1/organisations/{sport}");
        var stale = ETagOf(read);
        using var first = await PatchAsync(client, sport, new { description = "Eerste wijziging" }, stale);
        var current = (await ReadAsync<OrganisationResponse>(first, HttpStatusCode.OK)).Version;
        var snapshot = await SnapshotAsync();

        using var second = await PatchAsync(client, sport, new { description = "Tweede wijziging" }, stale);

        var problem = await AssertProblemAsync(second, HttpStatusCode.PreconditionFailed, "concurrency-conflict");
        Assert.Equal(current, problem.GetProperty("currentVersion").GetInt64());
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("1")]
    [InlineData("\"abc\"")]
    [InlineData("\"1\", \"2\"")]
    public async Task Patch_WithAnInvalidIfMatch_IsAValidationProblemOnIfMatch(string ifMatch)
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        var snapshot = await SnapshotAsync();

        using var response = await PatchAsync(Client("kiosk"), sport, new { description = "x" }, ifMatch);

        await AssertValidationProblemAsync(response, "If-Match");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("""{ "ovo": "OVO000001" }""", "ovo")]
    [InlineData("""{ "parents": [] }""", "parents")]
    [InlineData("""{ "nickname": "Sport" }""", "nickname")]
    [InlineData("""{ "name": null }""", "name")]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "validTo": "1900-01-01" }""", "validTo")]
    [InlineData("""{ "article": 1 }""", "article")]
    public async Task Patch_ThatCannotApply_IsAValidationProblemNamingTheField_AndChangesNothing(string patch, string field)
    {
        var sport = await OvoOfAsync(SportVlaanderen);
        await PatchAsync(Client("kiosk"), sport, new { validFrom = "2000-01-01" }, "*");
        var snapshot = await SnapshotAsync();

        using var response = await PatchAsync(Client("kiosk"), sport, patch, "*");

        await AssertValidationProblemAsync(response, field);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Patch_AsPlainText_IsUnsupportedMediaType()
    {
        using var response = await PatchAsync(Client("kiosk"), await OvoOfAsync(SportVlaanderen), """{ "description": "x" }""", "*", "text/plain");

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType, "unsupported-media-type");
        Assert.Contains("application/merge-patch+json", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OVO999999")]
    [InlineData("sport")]
    public async Task Patch_AnUnknownOrganisation_IsNotFound(string ovo)
    {
        using var response = await PatchAsync(Client("kiosk"), ovo, new { description = "x" }, "*");

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationsApiTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationsApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationsApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationsApiTests(database);
