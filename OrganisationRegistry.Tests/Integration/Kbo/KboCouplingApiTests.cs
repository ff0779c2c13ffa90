using System.Net;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Api;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>The KBO endpoints over real HTTP: find-or-create from the KBO copy, couple and uncouple, and PATCH refusing the KBO's fields.</summary>
public abstract class KboCouplingApiTests(DatabaseFixture database) : OrganisationApiTests(database)
{
    private static readonly string Number = KboNumber.FromBase(50_000_001).Digits;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await Kbo.ImportAsync(cancellationToken: Ct);
        await Kbo.CodesAsync(Ct);
        await Kbo.EnterprisesAsync(new KboSeed(Number, "Kunstenpunt", "KP", JuridicalForm: "017", Box: "3"));
    }

    [Fact]
    public async Task PutKbo_WithoutABody_CreatesTheOrganisationFromTheKboCopy_WithItsLegalData()
    {
        var client = await CentralClientAsync();

        using var response = await client.PutAsync($"/api/v1/organisations/kbo/BE{Number}", content: null, Ct);

        var created = await ReadAsync<OrganisationResponse>(response, HttpStatusCode.Created);
        Assert.Equal(
            ("Kunstenpunt", "KP", Number, true, "Vereniging zonder winstoogmerk", "Havenlaan 88 bus 3, 1000 Brussel"),
            (created.Name, created.ShortName, created.KboNumber, created.CoupledToKbo, created.LegalForm, created.RegisteredSeat));
        var read = await GetJsonAsync<OrganisationResponse>(Client("readonly"), $"/api/v1/organisations/{created.Ovo}");
        Assert.Equal(created.LegalForm, read!.LegalForm);
    }

    [Fact]
    public async Task PutKbo_ForANumberNotInTheCopy_IsNotFound_NamingTheLatestImport_AndChangesNothing()
    {
        var client = await CentralClientAsync();
        var snapshot = await SnapshotAsync();

        using var response = await PutJsonAsync(client, "/api/v1/organisations/kbo/0123.456.749", new { parentOvo = await OvoOfAsync(Cjm) });

        var problem = await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(
            "Het KBO-nummer 0123.456.749 komt niet voor in de KBO-gegevens van het register (laatste import: extract 123 van 01/11/2026).",
            problem.GetProperty("detail").GetString());
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task PutKbo_WithANameInTheBody_IsAValidationProblem_TheNameComesFromTheKbo()
    {
        using var response = await PutJsonAsync(await CentralClientAsync(), $"/api/v1/organisations/kbo/{Number}", new { name = "Kunstenpunt", shortName = "K" });

        var errors = await AssertValidationProblemAsync(response, "name", "shortName");
        Assert.Equal("De naam komt uit de KBO-gegevens van het register en wordt niet meegegeven.", errors.GetProperty("name")[0].GetString());
    }

    [Fact]
    public async Task Post_WithAKboNumber_IsAValidationProblem_PointingToPutKbo()
    {
        var client = await CentralClientAsync();
        var snapshot = await SnapshotAsync();

        using var response = await PostJsonAsync(client, "/api/v1/organisations", new { name = "Kunstenpunt", kboNumber = Number });

        var errors = await AssertValidationProblemAsync(response, "kboNumber");
        Assert.Contains("PUT /organisations/kbo/{kboNumber}", errors.GetProperty("kboNumber")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task Patch_OfTheKboNumber_IsAValidationProblem_PointingToCoupleAndUncouple()
    {
        var ovo = await OvoOfAsync(SportVlaanderen);

        using var response = await PatchAsync(Client("kiosk"), ovo, new { kboNumber = Number }, "*");

        var errors = await AssertValidationProblemAsync(response, "kboNumber");
        Assert.Contains("POST /organisations/{ovo}/kbo", errors.GetProperty("kboNumber")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CoupleThenUncouple_OverHttp_WithIfMatch_RestoresTheName_AndPatchOfTheNameWhileCoupledIsAConflict()
    {
        var client = await CentralClientAsync();
        var ovo = await OvoOfAsync(SportVlaanderen);
        var before = await GetJsonAsync<OrganisationResponse>(client, $"/api/v1/organisations/{ovo}");

        using var coupled = await SendAsync(client, HttpMethod.Post, $"/api/v1/organisations/{ovo}/kbo", new { kboNumber = $"{Number[..4]}.{Number[4..7]}.{Number[7..]}" }, $"\"{before!.Version}\"");
        var afterCouple = await ReadAsync<OrganisationResponse>(coupled, HttpStatusCode.OK);
        using var renamed = await PatchAsync(client, ovo, new { name = "Sport Vlaanderen (hernoemd)" }, "*");
        using var stale = await SendAsync(client, HttpMethod.Delete, $"/api/v1/organisations/{ovo}/kbo", null, $"\"{before.Version}\"");
        using var uncoupled = await SendAsync(client, HttpMethod.Delete, $"/api/v1/organisations/{ovo}/kbo", null, $"\"{afterCouple.Version}\"");
        var afterUncouple = await ReadAsync<OrganisationResponse>(uncoupled, HttpStatusCode.OK);

        Assert.Equal(("Kunstenpunt", true), (afterCouple.Name, afterCouple.CoupledToKbo));
        await AssertProblemAsync(renamed, HttpStatusCode.Conflict, "invalid-value");
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal((SportVlaanderen, before.ShortName, (string?)null, false, (string?)null), (afterUncouple.Name, afterUncouple.ShortName, afterUncouple.KboNumber, afterUncouple.CoupledToKbo, afterUncouple.LegalForm));
    }

    [Fact]
    public async Task Couple_AsAnOrganisationManager_IsForbidden()
    {
        var ovo = await OvoOfAsync(SportVlaanderen);
        var snapshot = await SnapshotAsync();

        using var response = await SendAsync(Client("kiosk"), HttpMethod.Post, $"/api/v1/organisations/{ovo}/kbo", new { kboNumber = Number }, "*");

        var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
        Assert.Equal("couple-kbo", problem.GetProperty("right").GetString());
        Assert.Equal(snapshot, await SnapshotAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KboCouplingApiTestsOnSqlite(SqliteDatabaseFixture database) : KboCouplingApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class KboCouplingApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KboCouplingApiTests(database);
