using System.Net;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>The keys of an organisation over real HTTP: list, one key with its ETag, add one, and the duplicate rule.</summary>
public abstract class OrganisationKeysApiTests(DatabaseFixture database) : OrganisationApiTests(database)
{
    [Fact]
    public async Task AddKey_InItsSubtree_IsCreated_WithLocationAndETag_AndListedAndReadable()
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        var position = await LastAuditPositionAsync();

        using var response = await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "kiosk", value = "K-0042", validFrom = "2024-01-01" });

        var key = await ReadAsync<OrganisationKeyResponse>(response, HttpStatusCode.Created);
        Assert.Equal(("kiosk", "K-0042", new DateOnly(2024, 1, 1), (DateOnly?)null), (key.KeyType, key.Value, key.ValidFrom.GetValueOrDefault(), key.ValidTo));
        Assert.Equal($"/api/v1/organisations/{sport}/keys/{key.Id}", response.Headers.Location?.OriginalString);
        AssertETag(response, key.Version);
        await AssertAuditedAsync(position, "kiosk", Cjm, organisationConcerned: sport);

        var listed = await GetJsonAsync<ApiPage<OrganisationKeyResponse>>(client, $"/api/v1/organisations/{sport}/keys");
        Assert.Equal(key, Assert.Single(listed!.Items));
        using var one = await GetAsync(client, response.Headers.Location!.OriginalString);
        Assert.Equal(key, await ReadAsync<OrganisationKeyResponse>(one, HttpStatusCode.OK));
        AssertETag(one, key.Version);
        var organisation = await GetJsonAsync<OrganisationResponse>(client, $"/api/v1/organisations/{sport}");
        Assert.Equal(key, Assert.Single(organisation!.Keys));
    }

    [Fact]
    public async Task ListKeys_ValidOn_KeepsTheKeysOfThatDate()
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        (await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "kiosk", value = "OLD", validTo = "2019-12-31" })).EnsureSuccessStatusCode();
        (await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "kiosk", value = "NEW", validFrom = "2020-01-01" })).EnsureSuccessStatusCode();

        var all = await GetJsonAsync<ApiPage<OrganisationKeyResponse>>(client, $"/api/v1/organisations/{sport}/keys");
        var in2019 = await GetJsonAsync<ApiPage<OrganisationKeyResponse>>(client, $"/api/v1/organisations/{sport}/keys?validOn=2019-06-30");
        var secondPage = await GetJsonAsync<ApiPage<OrganisationKeyResponse>>(client, $"/api/v1/organisations/{sport}/keys?page=2&pageSize=1");

        Assert.Equal(["OLD", "NEW"], all!.Items.Select(k => k.Value));
        Assert.Equal("OLD", Assert.Single(in2019!.Items).Value);
        Assert.Equal((2, 1, 2, "NEW"), (secondPage!.Page, secondPage.PageSize, secondPage.TotalCount, Assert.Single(secondPage.Items).Value));
    }

    [Fact]
    public async Task AddKey_WithAValueAnotherOrganisationHas_IsAConflict_NamingThatOrganisation_AndChangesNothing()
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        var vrm = await OvoOfAsync(Vrm);
        (await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "kiosk", value = "K-0042" })).EnsureSuccessStatusCode();
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(client, $"/api/v1/organisations/{vrm}/keys", new { keyType = "kiosk", value = "K-0042", validFrom = "2025-01-01" });

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, "duplicate");
        Assert.Contains($"{sport} ({SportVlaanderen})", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task AddKey_Invalid_IsAValidationProblemNamingTheFields_AndChangesNothing()
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        var snapshot = await SnapshotAsync();

        using var missing = await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "", validFrom = "2025-01-01", validTo = "2024-01-01" });
        using var unknownType = await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "rijksregister", value = "1" });
        using var tooLong = await PostJsonAsync(client, $"/api/v1/organisations/{sport}/keys", new { keyType = "kiosk", value = new string('9', 201), id = Guid.NewGuid() });

        await AssertValidationProblemAsync(missing, "keyType", "value", "validTo");
        var errors = await AssertValidationProblemAsync(unknownType, "keyType");
        Assert.Contains("rijksregister", errors.GetProperty("keyType")[0].GetString(), StringComparison.Ordinal);
        await AssertValidationProblemAsync(tooLong, "id");
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("OVO999999")]
    [InlineData("999999")]
    public async Task Keys_OfAnUnknownOrganisation_AreNotFound(string ovo)
    {
        var client = Client("kiosk");

        using var list = await GetAsync(client, $"/api/v1/organisations/{ovo}/keys");
        using var add = await PostJsonAsync(client, $"/api/v1/organisations/{ovo}/keys", new { keyType = "kiosk", value = "K-1" });

        await AssertProblemAsync(list, HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(add, HttpStatusCode.NotFound, "not-found");
    }

    [Theory]
    [InlineData("not-a-guid")]
    [InlineData("0198b4a2-0000-7000-8000-000000000000")]
    public async Task GetKey_ThatTheOrganisationDoesNotHave_IsNotFound(string id)
    {
        var client = Client("kiosk");
        var sport = await OvoOfAsync(SportVlaanderen);
        var vrm = await OvoOfAsync(Vrm);
        using var added = await PostJsonAsync(client, $"/api/v1/organisations/{vrm}/keys", new { keyType = "kiosk", value = "K-VRM" });
        var keyOfVrm = (await ReadAsync<OrganisationKeyResponse>(added, HttpStatusCode.Created)).Id;

        using var unknown = await GetAsync(client, $"/api/v1/organisations/{sport}/keys/{id}");
        using var ofAnother = await GetAsync(client, $"/api/v1/organisations/{sport}/keys/{keyOfVrm}");

        await AssertProblemAsync(unknown, HttpStatusCode.NotFound, "not-found");
        await AssertProblemAsync(ofAnother, HttpStatusCode.NotFound, "not-found");
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationKeysApiTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationKeysApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationKeysApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationKeysApiTests(database);
