using System.Net;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// Client x endpoint x target over real HTTP: the seeded clients have exactly the rights of their organisation and
/// scopes, enforced by the services. kiosk (organisation manager of Departement CJM) creates under and edits CJM and its
/// daughters, nothing elsewhere, nothing at the top level and no KBO coupling; orafin, aop-hr and readonly write no
/// organisations. A refusal is a 403 problem naming the right and leaves every table as it was; an allowed write is in
/// the trail on the API channel as the client, a machine of its organisation.
/// </summary>
public abstract class OrganisationApiRightsTests(DatabaseFixture database) : OrganisationApiTests(database)
{
    public enum Write
    {
        CreateUnderCjm,
        CreateTopLevel,
        PatchCjmDaughter,
        PatchOutside,
        CoupleKboOfCjmDaughter,
        AddKeyInSubtree,
        AddKeyOutside,
        PutNewKboUnderCjm,
        PutExistingKbo,
    }

    private static readonly string[] Clients = ["kiosk", "orafin", "aop-hr", "readonly"];

    private static readonly string NewKbo = KboNumber.FromBase(31_415_926).Digits;
    private static readonly string ExistingKbo = KboNumber.FromBase(27_182_818).Digits;

    public static TheoryData<string, Write> Cases()
    {
        var cases = new TheoryData<string, Write>();
        foreach (var client in Clients)
        {
            foreach (var action in Enum.GetValues<Write>())
            {
                cases.Add(client, action);
            }
        }

        return cases;
    }

    /// <summary>What each client gets: the status, and for a refusal the right it lacks.</summary>
    private static (HttpStatusCode Status, string? Right) Expected(string client, Write action)
    {
        var kiosk = client == "kiosk";
        return action switch
        {
            Write.CreateUnderCjm => kiosk ? (HttpStatusCode.Created, null) : (HttpStatusCode.Forbidden, "create-organisation"),
            Write.CreateTopLevel => (HttpStatusCode.Forbidden, "create-organisation"),
            Write.PatchCjmDaughter => kiosk ? (HttpStatusCode.OK, null) : (HttpStatusCode.Forbidden, "edit-organisation"),
            Write.PatchOutside => (HttpStatusCode.Forbidden, "edit-organisation"),
            Write.CoupleKboOfCjmDaughter => (HttpStatusCode.Forbidden, "couple-kbo"),
            Write.AddKeyInSubtree => kiosk ? (HttpStatusCode.Created, null) : (HttpStatusCode.Forbidden, "edit-organisation"),
            Write.AddKeyOutside => (HttpStatusCode.Forbidden, "edit-organisation"),
            Write.PutNewKboUnderCjm => (HttpStatusCode.Forbidden, "couple-kbo"),
            Write.PutExistingKbo => (HttpStatusCode.OK, null),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Client_OnTarget_GetsExactlyTheRightsOfItsOrganisation(string clientId, Write action)
    {
        var cjm = await OvoOfAsync(Cjm);
        var daughter = await OvoOfAsync(SportVlaanderen);
        var outside = await OvoOfAsync(Vrt);
        await Kbo.ImportAsync(cancellationToken: Ct);
        await Kbo.EnterprisesAsync(new KboSeed(NewKbo, "Kunstenpunt"), new KboSeed(ExistingKbo, "Kunstenpunt"));
        if (action == Write.PutExistingKbo)
        {
            await CreateFromKboAsSystemAsync(new CreateOrganisationFromKbo(ExistingKbo, ParentOvoCode: cjm));
        }

        var client = Client(clientId);
        var snapshot = await SnapshotAsync();
        var position = await LastAuditPositionAsync();

        using var response = action switch
        {
            Write.CreateUnderCjm => await PostJsonAsync(client, "/api/v1/organisations", new { name = "Kunstenpunt", parentOvo = cjm }),
            Write.CreateTopLevel => await PostJsonAsync(client, "/api/v1/organisations", new { name = "Kunstenpunt" }),
            Write.PatchCjmDaughter => await PatchAsync(client, daughter, new { description = "Sportadministratie" }, "*"),
            Write.PatchOutside => await PatchAsync(client, outside, new { description = "Openbare omroep" }, "*"),
            Write.CoupleKboOfCjmDaughter => await SendAsync(client, HttpMethod.Post, $"/api/v1/organisations/{daughter}/kbo", new { kboNumber = NewKbo }, "*"),
            Write.AddKeyInSubtree => await PostJsonAsync(client, $"/api/v1/organisations/{await OvoOfAsync(Vrm)}/keys", new { keyType = "kiosk", value = "K-1" }),
            Write.AddKeyOutside => await PostJsonAsync(client, $"/api/v1/organisations/{outside}/keys", new { keyType = "kiosk", value = "K-1" }),
            Write.PutNewKboUnderCjm => await PutJsonAsync(client, $"/api/v1/organisations/kbo/{NewKbo}", new { parentOvo = cjm }),
            Write.PutExistingKbo => await PutJsonAsync(client, $"/api/v1/organisations/kbo/{ExistingKbo}", new { parentOvo = cjm }),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

        var (status, right) = Expected(clientId, action);
        if (right is not null)
        {
            var problem = await AssertProblemAsync(response, status, "forbidden");
            Assert.Equal(right, problem.GetProperty("right").GetString());
            Assert.Equal(snapshot, await SnapshotAsync());
        }
        else if (action == Write.PutExistingKbo)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal(snapshot, await SnapshotAsync());
        }
        else
        {
            Assert.True(status == response.StatusCode, $"Expected {(int)status}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            Assert.NotEqual(snapshot, await SnapshotAsync());
            await AssertAuditedAsync(position, clientId, ClientOrganisations[clientId]);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationApiRightsTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationApiRightsTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationApiRightsTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationApiRightsTests(database);
