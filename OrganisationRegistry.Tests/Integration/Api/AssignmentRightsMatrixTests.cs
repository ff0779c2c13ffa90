using System.Net;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// Every seeded client x every assignment write x both domains, over real HTTP. A client's rights follow its
/// organisation: Orafin (DFB) manages the VCO only, the HR system of AOP the Bestuursdecreet only, KIOSK (an
/// organisation manager) and the read-only client no assignments at all. An allowed write answers its success status
/// and is audited as the client (channel API, its id, kind and organisation); a refused one is a 403 problem naming
/// the missing right and leaves every row of the database as it was.
/// </summary>
public abstract class AssignmentRightsMatrixTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    public enum Write
    {
        Assign,
        Change,
        End,
        Correct,
    }

    private const string Reason = "Foutief toegewezen (matrix)";

    public static TheoryData<string, Write, string> Cases()
    {
        var data = new TheoryData<string, Write, string>();
        foreach (var client in new[] { "kiosk", "orafin", "aop-hr", "readonly" })
        {
            foreach (var write in Enum.GetValues<Write>())
            {
                foreach (var domain in new[] { Bestuursdecreet, Vco })
                {
                    data.Add(client, write, domain);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Client_Action_Domain(string clientId, Write action, string domain)
    {
        var allowed = (clientId, domain) is ("orafin", Vco) or ("aop-hr", Bestuursdecreet);
        var newOrganisation = await NewOrganisationAsync();
        var existing = await AssignmentOfAsync(SportVlaanderen, domain);
        var uri = $"/api/v1/organisations/{existing.Ovo}/assignments/{existing.Id}";
        var snapshot = await SnapshotAsync();
        var before = await LastAuditPositionAsync();

        using var request = action switch
        {
            Write.Assign => Request(HttpMethod.Post, $"/api/v1/organisations/{newOrganisation}/assignments", new
            {
                domain,
                category = domain == Bestuursdecreet ? "iva-zonder-rp" : "dab",
                validFrom = "2024-01-01",
            }),
            Write.Change => Request(HttpMethod.Put, uri, new
            {
                category = existing.Category,
                validFrom = existing.ValidFrom,
                parentOvo = existing.ParentOvo,
                remark = "Nagekeken (matrix)",
            }, ifMatch: "\"1\""),
            Write.End => Request(HttpMethod.Post, uri + "/end", new { validTo = "2030-12-31" }),
            Write.Correct => Request(HttpMethod.Delete, uri + "?reason=" + Uri.EscapeDataString(Reason)),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        using var response = await Client(clientId).SendAsync(request, Ct);

        if (!allowed)
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(
                action == Write.Correct ? RegistryPolicies.CorrectAssignments : RegistryPolicies.ManageAssignments,
                problem.GetProperty("right").GetString());
            Assert.Equal(snapshot, await SnapshotAsync());
            return;
        }

        var body = await response.Content.ReadAsStringAsync(Ct);
        var expected = action switch
        {
            Write.Assign => HttpStatusCode.Created,
            Write.Correct => HttpStatusCode.NoContent,
            _ => HttpStatusCode.OK,
        };
        Assert.True(expected == response.StatusCode, $"Expected {(int)expected}, got {(int)response.StatusCode}: {body}");

        var entries = await AuditEntriesAfterAsync(before);
        var entry = Assert.Single(entries);
        Assert.Equal(
            (nameof(DomainAssignment), (string?)domain, action switch
            {
                Write.Assign => AuditOperation.Insert,
                Write.Correct => AuditOperation.Delete,
                _ => AuditOperation.Update,
            }),
            (entry.EntityType, entry.DomainCode, entry.Operation));
        Assert.Equal(
            (AuditChannel.Api, clientId, RegistryUserKind.MachineClient, (string?)await OvoOfClientAsync(clientId)),
            (entry.Channel, entry.ActorId, entry.ActorKind, entry.ActorOrganisation));
        Assert.Equal(action == Write.Correct ? Reason : null, entry.Reason);
        Assert.NotEqual(snapshot, await SnapshotAsync());
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AssignmentRightsMatrixTestsOnSqlite(SqliteDatabaseFixture database) : AssignmentRightsMatrixTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AssignmentRightsMatrixTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AssignmentRightsMatrixTests(database);
