using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// <c>/api/v1/changes</c>: the audit trail's entries about organisations in position order, paged with
/// <c>after</c>/<c>limit</c>, without anything about the actors, over real HTTP on the reference data (whose seeding
/// already filled the trail).
/// </summary>
public abstract class ChangeFeedApiTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    private static readonly string[] FeedTypes =
        [nameof(Organisation), nameof(OrganisationKey), nameof(OrganisationParent), nameof(DomainAssignment), nameof(DomainSteward)];

    [Fact]
    public async Task Feed_FromTheStart_IsEveryEntryAboutAnOrganisation_InPositionOrder()
    {
        var expected = await FeedEntriesInDatabaseAsync();
        Assert.True(expected.Count > 100, "reference seeding writes more than 100 entries about organisations");

        var page = await ReadAsync<ApiChangePage>(await Client("readonly").GetAsync("/api/v1/changes?limit=1000", Ct), HttpStatusCode.OK);

        Assert.Equal(expected.Select(e => e.Position), page.Items.Select(i => i.Position));
        Assert.Equal(
            expected.Select(e => (e.OrganisationOvoCode!, e.EntityKey, e.DomainCode)),
            page.Items.Select(i => (i.Organisation, i.Id, i.Domain)));
        Assert.Equal(expected[^1].Position, page.LastPosition);
        Assert.Equal($"/api/v1/changes?after={page.LastPosition}&limit=1000", page.Next);
    }

    [Fact]
    public async Task Feed_LeavesOutRightsOfPeopleAndApiClients_AndEntriesAboutNoOrganisation()
    {
        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            var aop = await db.Organisations.SingleAsync(o => o.Name == ReferenceCatalogue.Overheidspersoneel, Ct);
            db.UserGrants.Add(new UserGrant("lies.peeters@vlaanderen.be", RegistryRoles.DomainExpert, aop.Id));
            await db.SaveChangesAsync(Ct);
        }

        var page = await ReadAsync<ApiChangePage>(await Client("readonly").GetAsync("/api/v1/changes?limit=1000", Ct), HttpStatusCode.OK);

        await using var read = await Database.Contexts.CreateDbContextAsync(Ct);
        var leftOut = await read.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(UserGrant) || e.EntityType == nameof(ApiClient) || e.OrganisationOvoCode == null)
            .Select(e => new { e.Position, e.EntityType })
            .ToListAsync(Ct);
        Assert.Contains(leftOut, e => e.EntityType == nameof(UserGrant));
        Assert.Contains(leftOut, e => e.EntityType == nameof(ApiClient));
        Assert.Contains(leftOut, e => e.EntityType == nameof(ApplicationDomain));
        Assert.Empty(page.Items.Select(i => i.Position).Intersect(leftOut.Select(e => e.Position)));
    }

    [Fact]
    public async Task Feed_CarriesNoActorData_OnlyWhereWhatAndWhen()
    {
        var ovo = await NewOrganisationAsync();
        var before = await LastAuditPositionAsync();
        using (var assigned = await Client("aop-hr").PostAsync(
            $"/api/v1/organisations/{ovo}/assignments", Json(new { domain = Bestuursdecreet, category = "iva-zonder-rp" }), Ct))
        {
            Assert.Equal(HttpStatusCode.Created, assigned.StatusCode);
        }

        var json = await Client("readonly").GetStringAsync($"/api/v1/changes?after={before}", Ct);

        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal(["items", "lastPosition", "next"], root.EnumerateObject().Select(p => p.Name));
        var item = Assert.Single(root.GetProperty("items").EnumerateArray());
        Assert.Equal(
            ["position", "occurredAt", "organisation", "resource", "id", "operation", "domain"],
            item.EnumerateObject().Select(p => p.Name));
        Assert.Equal(("assignment", "created", ovo), (item.GetProperty("resource").GetString(), item.GetProperty("operation").GetString(), item.GetProperty("organisation").GetString()));
        Assert.EndsWith("Z", item.GetProperty("occurredAt").GetString(), StringComparison.Ordinal);

        // Who did it is in the trail, but nowhere in the feed.
        var entry = Assert.Single(await AuditEntriesAfterAsync(before));
        Assert.Equal("aop-hr", entry.ActorId);
        foreach (var actorData in new[] { entry.ActorId, entry.ActorName, entry.ActorOrganisation!, entry.CorrelationId, "actor", "reason", "channel" })
        {
            Assert.DoesNotContain(actorData, json, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Feed_FollowingNext_GivesEveryEntryOnce_InOrder_ThenAnEmptyPageThatStaysPut()
    {
        var expected = (await FeedEntriesInDatabaseAsync()).Select(e => e.Position).ToList();
        var client = Client("readonly");
        var seen = new List<long>();
        var next = "/api/v1/changes?limit=7";
        ApiChangePage page;
        do
        {
            page = await ReadAsync<ApiChangePage>(await client.GetAsync(next, Ct), HttpStatusCode.OK);
            Assert.True(page.Items.Count <= 7);
            seen.AddRange(page.Items.Select(i => i.Position));
            next = page.Next;
        }
        while (page.Items.Count > 0);

        Assert.Equal(expected, seen);
        Assert.Equal(expected[^1], page.LastPosition);
        Assert.Equal($"/api/v1/changes?after={expected[^1]}&limit=7", page.Next);
    }

    [Fact]
    public async Task Feed_DefaultsToAfter0AndALimitOf100()
    {
        var expected = await FeedEntriesInDatabaseAsync();

        var page = await ReadAsync<ApiChangePage>(await Client("readonly").GetAsync("/api/v1/changes", Ct), HttpStatusCode.OK);

        Assert.Equal(expected.Take(100).Select(e => e.Position), page.Items.Select(i => i.Position));
        Assert.Equal($"/api/v1/changes?after={expected[99].Position}&limit=100", page.Next);
    }

    [Fact]
    public async Task Feed_ShowsTheApiWritesOfAnAssignment_InTheOrderTheyHappened()
    {
        var ovo = await NewOrganisationAsync();
        var start = await ReadAsync<ApiChangePage>(await Client("readonly").GetAsync("/api/v1/changes?limit=1000", Ct), HttpStatusCode.OK);
        var hr = Client("aop-hr");

        var created = await ReadAsync<ApiAssignment>(
            await hr.PostAsync($"/api/v1/organisations/{ovo}/assignments", Json(new { domain = Bestuursdecreet, category = "iva-zonder-rp", validFrom = "2024-01-01" }), Ct),
            HttpStatusCode.Created);
        var uri = $"/api/v1/organisations/{ovo}/assignments/{created.Id}";
        using (var changed = await hr.SendAsync(Request(HttpMethod.Put, uri, new { category = "iva-met-rp", validFrom = "2024-01-01" }, ifMatch: "\"1\""), Ct))
        using (var ended = await hr.PostAsync(uri + "/end", Json(new { validTo = "2024-12-31" }), Ct))
        using (var corrected = await hr.DeleteAsync(uri + "?reason=fout", Ct))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.NoContent), (changed.StatusCode, ended.StatusCode, corrected.StatusCode));
        }

        var page = await ReadAsync<ApiChangePage>(await Client("kiosk").GetAsync(start.Next, Ct), HttpStatusCode.OK);

        Assert.Equal(
            [ApiChangeOperation.Created, ApiChangeOperation.Updated, ApiChangeOperation.Updated, ApiChangeOperation.Deleted],
            page.Items.Select(i => i.Operation));
        Assert.All(page.Items, i => Assert.Equal((ovo, ApiChangeResource.Assignment, created.Id.ToString(), (string?)Bestuursdecreet), (i.Organisation, i.Resource, i.Id, i.Domain)));
        Assert.Equal(page.Items.Select(i => i.Position).Order(), page.Items.Select(i => i.Position));
        Assert.All(page.Items, i => Assert.True(i.Position > start.LastPosition));
    }

    [Fact]
    public async Task Feed_AfterTheEnd_IsEmpty_AndKeepsThePosition()
    {
        var page = await ReadAsync<ApiChangePage>(await Client("readonly").GetAsync("/api/v1/changes?after=999999999&limit=5", Ct), HttpStatusCode.OK);

        Assert.Empty(page.Items);
        Assert.Equal(999999999, page.LastPosition);
        Assert.Equal("/api/v1/changes?after=999999999&limit=5", page.Next);
    }

    [Theory]
    [InlineData("after=-1", "after")]
    [InlineData("after=abc", "after")]
    [InlineData("after=1.5", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("limit=veel", "limit")]
    public async Task Feed_WithAnInvalidParameter_Is400_NamingIt(string query, string field)
    {
        using var response = await Client("readonly").GetAsync($"/api/v1/changes?{query}", Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([field], problem.GetProperty("errors").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Feed_IsReadAsARangeOfThePrimaryKey_OnALongTrail()
    {
        // 50,000 more entries (raw rows: only the plan matters here), and statistics, so the planner sees a real trail.
        var start = await LastAuditPositionAsync() + 1;
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        var sqlite = Database.Provider == DatabaseProvider.Sqlite;
        await db.Database.ExecuteSqlRawAsync(
            sqlite
                ? $"""
                   WITH RECURSIVE s(n) AS (SELECT {start} UNION ALL SELECT n + 1 FROM s WHERE n < {start + 49_999})
                   INSERT INTO "AuditEntries" ("Position", "OccurredAt", "ActorId", "ActorName", "ActorKind", "Channel", "Operation", "EntityType", "EntityKey", "OrganisationOvoCode", "CorrelationId", "Hash")
                   SELECT n, '2026-01-01 00:00:00', 'system', 'Systeem', 'System', 'System', 'Update', CASE WHEN n % 10 = 0 THEN 'ApplicationDomain' ELSE 'Organisation' END, n, CASE WHEN n % 10 = 0 THEN NULL ELSE 'OVO000001' END, 'plan', zeroblob(32) FROM s;
                   ANALYZE;
                   """
                : $"""
                   INSERT INTO "AuditEntries" ("Position", "OccurredAt", "ActorId", "ActorName", "ActorKind", "Channel", "Operation", "EntityType", "EntityKey", "OrganisationOvoCode", "CorrelationId", "Hash")
                   SELECT n, now(), 'system', 'Systeem', 'System', 'System', 'Update', CASE WHEN n % 10 = 0 THEN 'ApplicationDomain' ELSE 'Organisation' END, n::text, CASE WHEN n % 10 = 0 THEN NULL ELSE 'OVO000001' END, 'plan', decode(repeat('00', 32), 'hex')
                   FROM generate_series({start}::bigint, {start + 49_999}::bigint) AS n;
                   ANALYZE "AuditEntries";
                   """,
            Ct);

        var command = ChangeFeedQueries.Query(db, after: start + 25_000, limit: ChangeFeedQueries.DefaultLimit).CreateDbCommand();
        command.CommandText = (sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + command.CommandText;
        await db.Database.OpenConnectionAsync(Ct);
        var lines = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(Ct))
        {
            while (await reader.ReadAsync(Ct))
            {
                lines.Add(Convert.ToString(reader.GetValue(reader.FieldCount - 1), System.Globalization.CultureInfo.InvariantCulture)!);
            }
        }

        var plan = string.Join("\n", lines);
        if (sqlite)
        {
            Assert.True(plan.Contains("USING INTEGER PRIMARY KEY (rowid>?)", StringComparison.Ordinal) && !plan.Contains("TEMP B-TREE", StringComparison.Ordinal), plan);
        }
        else
        {
            Assert.True(plan.Contains("Index Scan using \"PK_AuditEntries\"", StringComparison.Ordinal) && !plan.Contains("Sort", StringComparison.Ordinal), plan);
        }
    }

    private async Task<List<AuditEntry>> FeedEntriesInDatabaseAsync()
    {
        await using var db = await Database.Contexts.CreateDbContextAsync(Ct);
        return await db.AuditEntries.AsNoTracking()
            .Where(e => e.OrganisationOvoCode != null && FeedTypes.Contains(e.EntityType))
            .OrderBy(e => e.Position)
            .ToListAsync(Ct);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ChangeFeedApiTestsOnSqlite(SqliteDatabaseFixture database) : ChangeFeedApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ChangeFeedApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ChangeFeedApiTests(database);
