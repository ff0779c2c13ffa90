using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>What the trail records of each kind of write: who, through which channel, what, about which organisation and domain, from what to what.</summary>
public abstract class AuditCaptureTests(DatabaseFixture database) : AuditTests(database)
{
    private const string Bestuursdecreet = RegistryWorld.BestuursdecreetCode;

    [Fact]
    public async Task Update_RecordsTheActor_TheChannel_AndOnlyTheChangedValues_BeforeAndAfter()
    {
        var before = await LastPositionAsync();

        await World.Organisations.UpdateAsync(World.OrgManager, new UpdateOrganisation(World.Daughter.OvoCode.Value, 1, "Vlaamse Milieumaatschappij", "VMM-nieuw"), Ct);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal(
            (AuditOperation.Update, "Organisation", World.Daughter.Id.ToString("D"), World.Daughter.OvoCode.Value, (string?)null),
            (entry.Operation, entry.EntityType, entry.EntityKey, entry.OrganisationOvoCode, entry.DomainCode));
        Assert.Equal(
            ("dev:org-manager", "Beheerder Departement Omgeving", RegistryUserKind.Person, World.Department.OvoCode.Value, AuditChannel.Ui),
            (entry.ActorId, entry.ActorName, entry.ActorKind, entry.ActorOrganisation, entry.Channel));
        Assert.Equal(Values(("ShortName", "VMM"), ("SearchText", "vlaamse milieumaatschappij | vmm"), ("Version", 1L)), Parse(entry.OldValues));
        Assert.Equal(Values(("ShortName", "VMM-nieuw"), ("SearchText", "vlaamse milieumaatschappij | vmm-nieuw"), ("Version", 2L)), Parse(entry.NewValues));
        Assert.Null(entry.Reason);
        Assert.Equal(DateTimeKind.Utc, DateTime.SpecifyKind(entry.OccurredAt, DateTimeKind.Utc).Kind);
        Assert.InRange(entry.OccurredAt, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task Assign_IsAnInsert_WithTheWholeRow_ConcerningTheOrganisationAndTheDomain()
    {
        var before = await LastPositionAsync();

        var saved = await World.Assignments.AssignAsync(
            World.AopExpert, new AssignToDomain(World.Granddaughter.OvoCode.Value, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2020"), null, World.Department.OvoCode.Value, "art. I.3"), Ct);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal(
            (AuditOperation.Insert, "DomainAssignment", saved.Id.ToString("D"), World.Granddaughter.OvoCode.Value, Bestuursdecreet),
            (entry.Operation, entry.EntityType, entry.EntityKey, entry.OrganisationOvoCode, entry.DomainCode));
        Assert.Equal(("dev:aop-expert", World.Aop.OvoCode.Value), (entry.ActorId, entry.ActorOrganisation));
        Assert.Null(entry.OldValues);
        var values = Parse(entry.NewValues);
        Assert.Equal(saved.Id.ToString("D"), values["Id"]);
        Assert.Equal("2020-01-01", values["ValidFrom"]);
        Assert.Null(values["ValidTo"]);
        Assert.Equal(World.Department.Id.ToString("D"), values["ParentOrganisationId"]);
        Assert.Equal("art. I.3", values["Remark"]);
        Assert.Equal(1L, values["Version"]);
    }

    [Fact]
    public async Task Correct_IsADelete_WithTheWholeRowBefore_AndTheReason()
    {
        var assignment = World.DepartmentAssignment(Bestuursdecreet);
        var before = await LastPositionAsync();

        await World.Assignments.CorrectAsync(World.AopExpert, new CorrectAssignment(assignment.Id, 1, "  Verkeerde organisatie gekozen.  "), Ct);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal((AuditOperation.Delete, "DomainAssignment", assignment.Id.ToString("D")), (entry.Operation, entry.EntityType, entry.EntityKey));
        Assert.Equal("Verkeerde organisatie gekozen.", entry.Reason);
        Assert.Null(entry.NewValues);
        Assert.Equal(World.Department.Id.ToString("D"), Parse(entry.OldValues)["OrganisationId"]);
        Assert.Equal((World.Department.OvoCode.Value, Bestuursdecreet), (entry.OrganisationOvoCode, entry.DomainCode));
    }

    [Fact]
    public async Task ApplyBulk_WritesOneEntryPerAssignment_AllWithOneCorrelationId_OtherThanTheNextAction()
    {
        var before = await LastPositionAsync();
        string[] list = [World.OutsideDaughter.OvoCode.Value, World.Granddaughter.OvoCode.Value, World.Daughter.OvoCode.Value];

        await World.Assignments.ApplyBulkAsync(World.AopExpert, new BulkAssignToDomain(list, Bestuursdecreet, "iva-zonder-rp", Day("01/01/2024"), null), Ct);
        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 1, "Departement Mobiliteit en Openbare Werken", "DMOW"), Ct);

        var entries = await TrailAfterAsync(before);
        Assert.Equal(4, entries.Count);
        var bulk = entries.Take(3).ToList();
        Assert.All(bulk, e => Assert.Equal((AuditOperation.Insert, "DomainAssignment"), (e.Operation, e.EntityType)));
        Assert.Equal(list.Order(), bulk.Select(e => e.OrganisationOvoCode!).Order());
        Assert.Single(bulk.Select(e => e.CorrelationId).Distinct());
        Assert.NotEqual(bulk[0].CorrelationId, entries[3].CorrelationId);
        Assert.Equal(Enumerable.Range((int)before + 1, 4).Select(p => (long)p), entries.Select(e => e.Position));
    }

    [Fact]
    public async Task Create_UnderAParent_RecordsTheOrganisationBeforeItsParentLink()
    {
        var before = await LastPositionAsync();

        var created = await World.Organisations.CreateAsync(World.OrgManager, new CreateOrganisation("Team Luchtkwaliteit", ParentOvoCode: World.Granddaughter.OvoCode.Value), Ct);

        var entries = await TrailAfterAsync(before);
        Assert.Equal(["Organisation", "OrganisationParent"], entries.Select(e => e.EntityType));
        Assert.All(entries, e => Assert.Equal((AuditOperation.Insert, created.OvoCode), (e.Operation, e.OrganisationOvoCode)));
        Assert.Equal(created.OvoCode, Parse(entries[0].NewValues)["OvoCode"]);
    }

    [Fact]
    public async Task Stewards_AreRecordedWithTheirCompositeKey_TheirOrganisation_AndTheirDomain()
    {
        var before = await LastPositionAsync();

        await World.Domains.AddStewardAsync(World.CentralAdmin, new ChangeDomainSteward(Bestuursdecreet, World.DigitaalVlaanderen.OvoCode.Value), Ct);
        await World.Domains.RemoveStewardAsync(World.CentralAdmin, new ChangeDomainSteward(Bestuursdecreet, World.DigitaalVlaanderen.OvoCode.Value), Ct);

        var entries = await TrailAfterAsync(before);
        Assert.Equal([AuditOperation.Insert, AuditOperation.Delete], entries.Select(e => e.Operation));
        Assert.All(entries, e => Assert.Equal(
            ("DomainSteward", $"{World.Bestuursdecreet.Id:D}|{World.DigitaalVlaanderen.Id:D}", World.DigitaalVlaanderen.OvoCode.Value, Bestuursdecreet),
            (e.EntityType, e.EntityKey, e.OrganisationOvoCode, e.DomainCode)));
    }

    [Fact]
    public async Task AGrant_ConcernsTheOrganisationItIsFor()
    {
        var before = await LastPositionAsync();

        await World.Grants.GrantAsync(World.CentralAdmin, new GrantRole("Jan.Peeters@vlaanderen.be", RegistryRoles.OrganisationManager, World.Outside.OvoCode.Value), Ct);

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal(("UserGrant", World.Outside.OvoCode.Value), (entry.EntityType, entry.OrganisationOvoCode));
        Assert.Equal("jan.peeters@vlaanderen.be", Parse(entry.NewValues)["Subject"]);
    }

    [Fact]
    public async Task ASaveWithoutAuditContext_IsStillAudited_AsAnUnknownActorOfTheSystem()
    {
        var before = await LastPositionAsync();

        await StoreOrganisationAsync(123, "Agentschap Innoveren en Ondernemen");

        var entry = Assert.Single(await TrailAfterAsync(before));
        Assert.Equal(
            (AuditContext.UnknownActorId, RegistryUserKind.System, AuditChannel.System, "OVO000123"),
            (entry.ActorId, entry.ActorKind, entry.Channel, entry.OrganisationOvoCode));
        Assert.False(string.IsNullOrEmpty(entry.CorrelationId));
    }

    [Fact]
    public async Task AnAuditScope_GivesEveryWriteInItsChannel_AndOneCorrelationId()
    {
        var before = await LastPositionAsync();
        using (AuditScope.Begin(AuditChannel.Import, "kbo-import-2026-11-24"))
        {
            await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 1, "Departement MOW"), Ct);
            await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.OutsideDaughter.OvoCode.Value, 1, "Vlaamse Waterweg"), Ct);
        }

        await World.Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(World.Outside.OvoCode.Value, 2, "Departement Mobiliteit"), Ct);

        var entries = await TrailAfterAsync(before);
        Assert.Equal(
            [(AuditChannel.Import, "kbo-import-2026-11-24"), (AuditChannel.Import, "kbo-import-2026-11-24")],
            entries.Take(2).Select(e => (e.Channel, e.CorrelationId)));
        Assert.Equal(AuditChannel.Ui, entries[2].Channel);
        Assert.NotEqual("kbo-import-2026-11-24", entries[2].CorrelationId);
    }

    [Fact]
    public async Task AMachineClient_WritesThroughTheApi_AndTheSystemThroughTheChannelItNames()
    {
        var client = RegistryUser.Create("client:orafin", "Orafin (DFB)", [RegistryRoles.CentralAdministrator], World.Dfb.OvoCode, World.Dfb.Id, RegistryUserKind.MachineClient);

        Assert.Equal(AuditChannel.Api, AuditContext.For(client).Channel);
        Assert.Equal(World.Dfb.OvoCode.Value, AuditContext.For(client).ActorOrganisation);
        Assert.Equal(AuditChannel.Ui, AuditContext.For(World.CentralAdmin).Channel);
        Assert.Equal(AuditChannel.Cli, AuditContext.For(client, channel: AuditChannel.Cli).Channel);
        Assert.Equal((AuditChannel.Cli, "system", RegistryUserKind.System), (AuditContext.ForSystem(AuditChannel.Cli).Channel, AuditContext.ForSystem(AuditChannel.Cli).ActorId, AuditContext.ForSystem().ActorKind));
    }

    [Fact]
    public async Task DeletingAnOrganisation_AlsoRecordsTheRowsTheDatabaseWouldDeleteWithIt()
    {
        var before = await LastPositionAsync();

        await using (var db = await Database.Contexts.CreateDbContextAsync(Ct))
        {
            // Loaded without its key and parent link: the database would delete them by cascade, unseen.
            var granddaughter = await db.Organisations.SingleAsync(o => o.Id == World.Granddaughter.Id, Ct);
            db.Organisations.Remove(granddaughter);
            await db.SaveChangesAsync(Ct);
        }

        var entries = await TrailAfterAsync(before);
        Assert.Equal(
            [("OrganisationKey", AuditOperation.Delete), ("OrganisationParent", AuditOperation.Delete), ("Organisation", AuditOperation.Delete)],
            entries.Select(e => (e.EntityType, e.Operation)).OrderBy(e => e.EntityType == "Organisation").ThenBy(e => e.EntityType));
        Assert.Equal("Organisation", entries[^1].EntityType);
        Assert.All(entries, e => Assert.Equal(World.Granddaughter.OvoCode.Value, e.OrganisationOvoCode));
        Assert.Equal(0, await ReadAsync(db => db.OrganisationKeys.CountAsync(k => k.OrganisationId == World.Granddaughter.Id, Ct)));
    }

    [Fact]
    public async Task EveryWriteOfTheWorld_IsInTheTrail_AndTheChainIsIntact()
    {
        // The world itself was stored straight through EF Core, without an audit context.
        var trail = await TrailAsync();
        var rows = await ReadAsync(async db =>
            await db.Organisations.CountAsync(Ct) + await db.OrganisationParents.CountAsync(Ct) + await db.OrganisationKeys.CountAsync(Ct)
            + await db.KeyTypes.CountAsync(Ct) + await db.ApplicationDomains.CountAsync(Ct) + await db.DomainCategories.CountAsync(Ct)
            + await db.DomainStewards.CountAsync(Ct) + await db.DomainAssignments.CountAsync(Ct) + await db.UserGrants.CountAsync(Ct));

        Assert.Equal(rows, trail.Count);
        Assert.All(trail, e => Assert.Equal(AuditOperation.Insert, e.Operation));
        Assert.Equal(Enumerable.Range(1, rows).Select(p => (long)p), trail.Select(e => e.Position));
        Assert.True((await VerifyAsync()).IsIntact);
        Assert.Equal(rows + 1, await AuditCounterAsync());
    }

    private static Dictionary<string, object?> Values(params (string Name, object? Value)[] values) => values.ToDictionary(v => v.Name, v => v.Value);

    /// <summary>A JSON object of the trail as names and plain values (strings, longs, booleans, null).</summary>
    private static Dictionary<string, object?> Parse(string? json)
    {
        Assert.NotNull(json);
        using var document = JsonDocument.Parse(json);
        return document.RootElement.EnumerateObject().ToDictionary(
            p => p.Name,
            p => p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetInt64(),
                JsonValueKind.True or JsonValueKind.False => p.Value.GetBoolean(),
                JsonValueKind.Null => (object?)null,
                _ => p.Value.GetRawText(),
            });
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditCaptureTestsOnSqlite(SqliteDatabaseFixture database) : AuditCaptureTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditCaptureTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditCaptureTests(database);
