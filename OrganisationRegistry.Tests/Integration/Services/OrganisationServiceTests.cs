using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>Creating and editing organisations through <see cref="OrganisationService"/>, on a real database.</summary>
public abstract class OrganisationServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    // The KBO number's rules (one current organisation per number, coupling only by a central administrator) are in
    // Integration/Kbo/KboCouplingServiceTests.

    private OrganisationService Organisations => World.Organisations;

    [Fact]
    public async Task Create_IssuesTheNextOvoCodes_InSequence()
    {
        // The world holds OVO000001 to OVO000008.
        var first = await Organisations.CreateAsync(World.CentralAdmin, new CreateOrganisation("Agentschap Innoveren en Ondernemen", "VLAIO", Article.Het), Ct);
        var second = await Organisations.CreateAsync(World.OrgManager, new CreateOrganisation("Afdeling Gebiedsontwikkeling", ParentOvoCode: World.Department.OvoCode.Value), Ct);

        Assert.Equal(("OVO000009", "OVO000010"), (first.OvoCode, second.OvoCode));
        Assert.Equal(1, first.Version);
        var stored = await ReadAsync(db => db.Organisations.Include(o => o.Parents).SingleAsync(o => o.Id == second.Id, Ct));
        Assert.Equal(World.Department.Id, Assert.Single(stored.Parents).ParentOrganisationId);
    }

    [Fact]
    public async Task Create_UnderAParent_LinksItForTheOrganisationsOwnPeriod()
    {
        var created = await Organisations.CreateAsync(
            World.OrgManager, new CreateOrganisation("Team Luchtkwaliteit", ValidFrom: Day("01/03/2026"), ParentOvoCode: World.Granddaughter.OvoCode.Value), Ct);

        var link = await ReadAsync(db => db.OrganisationParents.SingleAsync(p => p.OrganisationId == created.Id, Ct));
        Assert.Equal((World.Granddaughter.Id, Since("01/03/2026")), (link.ParentOrganisationId, link.Validity));
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflict_CarryingTheCurrentName()
    {
        var department = World.Department.OvoCode.Value;
        await Organisations.UpdateAsync(World.OrgManager, new UpdateOrganisation(department, 1, "Departement Omgeving en Ruimte", "OMG"), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Organisations.UpdateAsync(World.CentralAdmin, new UpdateOrganisation(department, 1, "Departement Leefomgeving", "OMG"), Ct));

        Assert.StartsWith("Deze organisatie werd intussen door iemand anders gewijzigd (u bewerkte versie 1, nu is het versie 2).", conflict.Message);
        Assert.Equal("Departement Omgeving en Ruimte", conflict.CurrentValues["Name"]);
        Assert.Equal(department, conflict.CurrentValues["OvoCode"]);
        Assert.Equal("Departement Omgeving en Ruimte", (await ReadAsync(db => db.Organisations.SingleAsync(o => o.Id == World.Department.Id, Ct))).Name);
    }

    [Fact]
    public async Task AddKey_WithAValueAnotherOrganisationHasAtTheSameTime_IsRefused_NamingIt()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Organisations.AddKeyAsync(
            World.CentralAdmin, new AddOrganisationKey(World.Department.OvoCode.Value, "orafin", " ORA-DVW ", Day("01/01/2030"), null), Ct));

        Assert.Equal(RuleCodes.Duplicate, refused.Code);
        Assert.Equal($"De sleutel Orafin 'ORA-DVW' is al in gebruik bij {World.OutsideDaughter.OvoCode} (De Vlaamse Waterweg) zonder begin- of einddatum.", refused.Message);
    }

    [Fact]
    public async Task AddKey_SameValue_IsAccepted_OnceTheOtherOrganisationNoLongerHasIt()
    {
        var key = World.OutsideDaughter.Keys.Single();
        await Organisations.ChangeKeyAsync(World.CentralAdmin, new ChangeOrganisationKey(key.Id, 1, "ORA-DVW", null, Day("31/12/2024")), Ct);

        var saved = await Organisations.AddKeyAsync(World.OrgManager, new AddOrganisationKey(World.Department.OvoCode.Value, "orafin", "ORA-DVW", Day("01/01/2025"), null), Ct);

        Assert.Equal(1, saved.Version);
        Assert.Equal(2, await ReadAsync(db => db.OrganisationKeys.CountAsync(k => k.Value == "ORA-DVW", Ct)));
    }

    [Fact]
    public async Task ChangeKey_ToAValueInUseElsewhere_IsRefused_AndTheKeyStays()
    {
        var key = World.Department.Keys.Single();

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Organisations.ChangeKeyAsync(World.OrgManager, new ChangeOrganisationKey(key.Id, 1, "ORA-LUCHT", null, null), Ct));

        Assert.Equal($"De sleutel Orafin 'ORA-LUCHT' is al in gebruik bij {World.Granddaughter.OvoCode} (Dienst Lucht) zonder begin- of einddatum.", refused.Message);
        Assert.Equal("ORA-OMG", (await ReadAsync(db => db.OrganisationKeys.SingleAsync(k => k.Id == key.Id, Ct))).Value);
    }

    [Fact]
    public async Task AddParent_ThatWouldCloseACycle_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => Organisations.AddParentAsync(
            World.CentralAdmin, new AddOrganisationParent(World.Department.OvoCode.Value, World.Granddaughter.OvoCode.Value, null, null), Ct));

        Assert.Equal(RuleCodes.Cycle, refused.Code);
        Assert.Equal($"{World.Granddaughter.OvoCode} valt vanaf 01/01/2010 zelf onder {World.Department.OvoCode}: dat zou een kring in de structuur maken.", refused.Message);
    }

    [Fact]
    public async Task ChangeParent_MovesTheOrganisation_AndRemoveWithAStaleVersionIsAConflict()
    {
        var link = World.Granddaughter.Parents.Single();
        var saved = await Organisations.ChangeParentAsync(
            World.OrgManager, new ChangeOrganisationParent(link.Id, 1, World.Department.OvoCode.Value, Day("01/01/2015"), null), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Organisations.RemoveParentAsync(World.OrgManager, new RemoveOrganisationParent(link.Id, 1), Ct));

        var stored = await ReadAsync(db => db.OrganisationParents.SingleAsync(p => p.Id == link.Id, Ct));
        Assert.Equal((World.Department.Id, Since("01/01/2015"), 2L), (stored.ParentOrganisationId, stored.Validity, saved.Version));
        Assert.Equal(World.Department.Id.ToString(), conflict.CurrentValues["ParentOrganisationId"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class OrganisationServiceTestsOnSqlite(SqliteDatabaseFixture database) : OrganisationServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class OrganisationServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : OrganisationServiceTests(database);
