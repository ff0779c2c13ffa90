using System.Net;
using System.Text.Json;
using OrganisationRegistry.Admin.Api;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Api;

/// <summary>
/// <c>POST /api/v1/application-domains/{code}/assignments/bulk</c> over real HTTP: all assignments written (200, a row
/// per organisation with its new assignment's id) or none (409 <c>bulk-conflict</c> with the rows), a dry run that
/// writes nothing, rights per client, validation per request field, idempotent retries, and every written assignment
/// audited as the client on the API channel, all under one correlation id.
/// </summary>
public abstract class BulkAssignmentApiTests(DatabaseFixture database) : AssignmentApiHost(database)
{
    private const string AopHr = "aop-hr";

    private static string BulkUri(string domain) => $"/api/v1/application-domains/{domain}/assignments/bulk";

    [Fact]
    public async Task Apply_Is200_WithARowPerOrganisation_EveryAssignmentWritten_AndAuditedAsTheClientUnderOneCorrelationId()
    {
        var ovos = await NewOrganisationsAsync(3);
        var before = await LastAuditPositionAsync();

        using var response = await Client(AopHr).PostAsync(
            BulkUri(Bestuursdecreet),
            Json(new { category = "iva-zonder-rp", validFrom = "2025-01-01", validTo = "2030-12-31", organisations = ovos, remark = "Via HR (bulk)" }),
            Ct);

        var report = await ReadAsync<ApiBulkAssignmentReport>(response, HttpStatusCode.OK);
        Assert.Equal(
            (Bestuursdecreet, "iva-zonder-rp", (DateOnly?)new DateOnly(2025, 1, 1), (DateOnly?)new DateOnly(2030, 12, 31), false, true, 3, 0),
            (report.Domain, report.Category, report.ValidFrom, report.ValidTo, report.DryRun, report.Applied, report.Total, report.Conflicts));
        Assert.Equal(ovos, report.Rows.Select(r => r.Ovo));
        Assert.All(report.Rows, r => Assert.True(r.Ok && r.Code is null && r.Message is null && r.AssignmentId is not null && r.Name is not null));

        foreach (var row in report.Rows)
        {
            using var read = await Client("readonly").GetAsync($"/api/v1/organisations/{row.Ovo}/assignments/{row.AssignmentId}", Ct);
            var assignment = await ReadAsync<ApiAssignment>(read, HttpStatusCode.OK);
            Assert.Equal(
                (Bestuursdecreet, "iva-zonder-rp", (DateOnly?)new DateOnly(2025, 1, 1), (DateOnly?)new DateOnly(2030, 12, 31), (string?)"Via HR (bulk)", 1L),
                (assignment.Domain, assignment.Category, assignment.ValidFrom, assignment.ValidTo, assignment.Remark, assignment.Version));
        }

        var entries = await AuditEntriesAfterAsync(before);
        Assert.Equal(
            report.Rows.Select(r => r.AssignmentId!.Value.ToString()).Order(StringComparer.Ordinal),
            entries.Select(e => e.EntityKey).Order(StringComparer.Ordinal));
        var clientOvo = await OvoOfClientAsync(AopHr);
        Assert.All(entries, e => Assert.Equal(
            (AuditOperation.Insert, nameof(DomainAssignment), (string?)Bestuursdecreet, AuditChannel.Api, AopHr, RegistryUserKind.MachineClient, (string?)clientOvo),
            (e.Operation, e.EntityType, e.DomainCode, e.Channel, e.ActorId, e.ActorKind, e.ActorOrganisation)));
        Assert.Single(entries.Select(e => e.CorrelationId).Distinct());
        Assert.Equal(ovos.Order(StringComparer.Ordinal), entries.Select(e => e.OrganisationOvoCode!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AnyConflict_Is409BulkConflict_WithTheRowsInOrder_AndWritesNothing()
    {
        var fresh = await NewOrganisationsAsync(2);
        var sport = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var snapshot = await SnapshotAsync();
        string[] organisations = [fresh[0], sport.Ovo, fresh[1], fresh[0], "OVO999999", "geen-ovo"];

        using var response = await Client(AopHr).PostAsync(
            BulkUri(Bestuursdecreet), Json(new { category = "iva-zonder-rp", validFrom = "2024-01-01", organisations }), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.Conflict, ApplicationDomainsApi.BulkConflictCode);
        Assert.Equal(4, problem.GetProperty("conflicts").GetInt32());
        Assert.StartsWith("Er werd niets opgeslagen: 4 van 6 organisaties", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var rows = problem.GetProperty("rows").Deserialize<List<ApiBulkAssignmentRow>>(ApiJson.Options)!;
        Assert.Equal(
            [
                (fresh[0], true, (string?)null),
                (sport.Ovo, false, RuleCodes.Overlap),
                (fresh[1], true, null),
                (fresh[0], false, RuleCodes.Duplicate),
                ("OVO999999", false, RuleCodes.NotFound),
                ("geen-ovo", false, RuleCodes.InvalidValue),
            ],
            rows.Select(r => (r.Ovo, r.Ok, r.Code)));
        Assert.All(rows, r => Assert.Null(r.AssignmentId));
        Assert.All(rows.Where(r => !r.Ok), r => Assert.False(string.IsNullOrWhiteSpace(r.Message)));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task DryRun_Is200_WithTheReport_ConflictsIncluded_AndWritesNothing()
    {
        var fresh = await NewOrganisationsAsync(2);
        var sport = await AssignmentOfAsync(SportVlaanderen, Vco);
        var snapshot = await SnapshotAsync();

        using var clean = await Client("orafin").PostAsync(
            BulkUri(Vco), Json(new { category = "dab", validFrom = "2024-01-01", organisations = fresh, dryRun = true }), Ct);
        using var conflicting = await Client("orafin").PostAsync(
            BulkUri(Vco), Json(new { category = "dab", validFrom = "2024-01-01", organisations = fresh.Append(sport.Ovo), dryRun = true }), Ct);

        var cleanReport = await ReadAsync<ApiBulkAssignmentReport>(clean, HttpStatusCode.OK);
        var conflictReport = await ReadAsync<ApiBulkAssignmentReport>(conflicting, HttpStatusCode.OK);
        Assert.Equal((true, false, 2, 0), (cleanReport.DryRun, cleanReport.Applied, cleanReport.Total, cleanReport.Conflicts));
        Assert.Equal((true, false, 3, 1), (conflictReport.DryRun, conflictReport.Applied, conflictReport.Total, conflictReport.Conflicts));
        Assert.Equal(RuleCodes.Overlap, conflictReport.Rows[2].Code);
        Assert.All(cleanReport.Rows.Concat(conflictReport.Rows), r => Assert.Null(r.AssignmentId));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    public static TheoryData<string, string> Clients() => new()
    {
        { "kiosk", Bestuursdecreet },
        { "kiosk", Vco },
        { "readonly", Vco },
        { "orafin", Bestuursdecreet },
        { "aop-hr", Vco },
        { "orafin", Vco },
        { "aop-hr", Bestuursdecreet },
    };

    [Theory]
    [MemberData(nameof(Clients))]
    public async Task OnlyTheDomainsSteward_MayAssignInBulk_OthersGet403_AndNothingIsWritten(string clientId, string domain)
    {
        var allowed = (clientId, domain) is ("orafin", Vco) or ("aop-hr", Bestuursdecreet);
        var ovos = await NewOrganisationsAsync(2);
        var snapshot = await SnapshotAsync();
        var before = await LastAuditPositionAsync();
        var body = new { category = domain == Vco ? "dab" : "iva-zonder-rp", validFrom = "2024-01-01", organisations = ovos };

        using var response = await Client(clientId).PostAsync(BulkUri(domain), Json(body), Ct);
        using var preview = await Client(clientId).PostAsync(BulkUri(domain), Json(new { body.category, body.validFrom, body.organisations, dryRun = true }), Ct);

        if (!allowed)
        {
            var problem = await AssertProblemAsync(response, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(RegistryPolicies.ManageAssignments, problem.GetProperty("right").GetString());
            await AssertProblemAsync(preview, HttpStatusCode.Forbidden, "forbidden");
            Assert.Equal(snapshot, await SnapshotAsync());
            return;
        }

        Assert.True((await ReadAsync<ApiBulkAssignmentReport>(response, HttpStatusCode.OK)).Applied);
        var entries = await AuditEntriesAfterAsync(before);
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal((AuditChannel.Api, clientId), (e.Channel, e.ActorId)));

        // The preview, after the apply, sees the overlaps it made.
        Assert.Equal(2, (await ReadAsync<ApiBulkAssignmentReport>(preview, HttpStatusCode.OK)).Conflicts);
    }

    [Fact]
    public async Task InvalidBody_Is400_WithErrorsNamedAsTheRequestNamesThem_AndWritesNothing()
    {
        var snapshot = await SnapshotAsync();
        var client = Client(AopHr);

        using var empty = await client.PostAsync(
            BulkUri(Bestuursdecreet), Json(new { validFrom = "2024-12-31", validTo = "2024-01-01", parentOvo = "OVO12", remark = new string('x', 2001) }), Ct);
        using var tooMany = await client.PostAsync(
            BulkUri(Bestuursdecreet),
            Json(new { category = "iva-zonder-rp", organisations = Enumerable.Range(1, BulkAssignToDomain.MaxOrganisations + 1).Select(i => $"OVO{i:D6}") }),
            Ct);

        var problem = await AssertProblemAsync(empty, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            ["category", "organisations", "parentOvo", "remark", "validTo"],
            problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var many = await AssertProblemAsync(tooMany, HttpStatusCode.BadRequest, "validation");
        Assert.Equal(
            [$"Kies hoogstens {BulkAssignToDomain.MaxOrganisations} organisaties tegelijk (nu {BulkAssignToDomain.MaxOrganisations + 1})."],
            many.GetProperty("errors").GetProperty("organisations").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Theory]
    [InlineData("onbekend", null, "category", "Het Bestuursdecreet heeft geen categorie 'onbekend'.")]
    [InlineData("iva-zonder-rp", "OVO999999", "parentOvo", "OVO999999 bestaat niet in het register.")]
    public async Task NamingSomethingThatDoesNotExist_Is400_OnThatField(string category, string? parentOvo, string field, string message)
    {
        var ovos = await NewOrganisationsAsync(1);
        var snapshot = await SnapshotAsync();

        using var response = await Client(AopHr).PostAsync(BulkUri(Bestuursdecreet), Json(new { category, parentOvo, organisations = ovos }), Ct);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest, "validation");
        Assert.Equal([message], problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(snapshot, await SnapshotAsync());
    }

    [Fact]
    public async Task UnknownDomain_Is404()
    {
        var ovos = await NewOrganisationsAsync(1);

        using var response = await Client(AopHr).PostAsync(BulkUri("onbekend"), Json(new { category = "dab", organisations = ovos }), Ct);

        await AssertProblemAsync(response, HttpStatusCode.NotFound, "not-found");
    }

    [Fact]
    public async Task RetriedWithTheSameIdempotencyKey_ReplaysTheReport_AndWritesOnce_AnotherBodyWithTheKeyIs422()
    {
        var ovos = await NewOrganisationsAsync(3);
        var client = Client(AopHr);
        var before = await LastAuditPositionAsync();
        var body = new { category = "iva-zonder-rp", validFrom = "2025-01-01", organisations = ovos };

        using var first = await client.SendAsync(Keyed(body, "bulk-retry-1"), Ct);
        using var second = await client.SendAsync(Keyed(body, "bulk-retry-1"), Ct);
        using var other = await client.SendAsync(Keyed(body with { category = "departement" }, "bulk-retry-1"), Ct);

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        Assert.False(first.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.Equal("true", Assert.Single(second.Headers.GetValues(Idempotency.ReplayedHeaderName)));
        Assert.Equal(await first.Content.ReadAsStringAsync(Ct), await second.Content.ReadAsStringAsync(Ct));
        await AssertProblemAsync(other, HttpStatusCode.UnprocessableEntity, "idempotency-key-reused");
        Assert.Equal(3, (await AuditEntriesAfterAsync(before)).Count);
    }

    [Fact]
    public async Task RefusedBatch_KeepsNothingForItsKey_SoTheCorrectedBatchWithTheSameKeyIsApplied()
    {
        var ovos = await NewOrganisationsAsync(2);
        var sport = await AssignmentOfAsync(SportVlaanderen, Bestuursdecreet);
        var client = Client(AopHr);

        using var refused = await client.SendAsync(Keyed(new { category = "iva-zonder-rp", organisations = ovos.Append(sport.Ovo) }, "bulk-fix"), Ct);
        using var corrected = await client.SendAsync(Keyed(new { category = "iva-zonder-rp", organisations = ovos }, "bulk-fix"), Ct);

        await AssertProblemAsync(refused, HttpStatusCode.Conflict, ApplicationDomainsApi.BulkConflictCode);
        Assert.False(corrected.Headers.Contains(Idempotency.ReplayedHeaderName));
        Assert.True((await ReadAsync<ApiBulkAssignmentReport>(corrected, HttpStatusCode.OK)).Applied);
    }

    private static HttpRequestMessage Keyed(object body, string key)
    {
        var request = Request(HttpMethod.Post, BulkUri(body.GetType().GetProperty("category")!.GetValue(body) is "dab" ? Vco : Bestuursdecreet), body);
        request.Headers.Add(Idempotency.HeaderName, key);
        return request;
    }

    private async Task<string[]> NewOrganisationsAsync(int count)
    {
        var created = await new TestData(Database).OrganisationsAsync(
            [.. Enumerable.Range(1, count).Select(i => new OrganisationRegistry.Domain.Organisations.OrganisationDetails($"Agentschap Bulk {i}"))], Ct);
        return [.. created.Select(o => o.OvoCode.Value)];
    }
}

[Collection(SqliteCollection.Name)]
public sealed class BulkAssignmentApiTestsOnSqlite(SqliteDatabaseFixture database) : BulkAssignmentApiTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class BulkAssignmentApiTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : BulkAssignmentApiTests(database);
