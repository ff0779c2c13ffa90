using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>Application domains, their categories and stewards through <see cref="ApplicationDomainService"/>.</summary>
public abstract class ApplicationDomainServiceTests(DatabaseFixture database) : ServiceTests(database)
{
    private ApplicationDomainService Domains => World.Domains;

    [Fact]
    public async Task Create_WithACodeInUse_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Domains.CreateAsync(World.CentralAdmin, new CreateApplicationDomain("vco", "Nog een codex", Article.De), Ct));

        Assert.Equal((RuleCodes.Duplicate, "Er bestaat al een toepassingsgebied met code 'vco'."), (refused.Code, refused.Message));
    }

    [Fact]
    public async Task AddCategory_WithACodeTheDomainHas_IsRefused()
    {
        var refused = await Assert.ThrowsAsync<DomainRuleException>(() =>
            Domains.AddCategoryAsync(World.AopExpert, new AddDomainCategory(RegistryWorld.BestuursdecreetCode, "departement", "Nog een departement", 9), Ct));

        Assert.Equal("Het toepassingsgebied Bestuursdecreet heeft al een categorie met code 'departement'.", refused.Message);
    }

    [Fact]
    public async Task UpdateCategory_Deactivated_CanNoLongerBeChosen_ButExistingAssignmentsKeepIt()
    {
        var saved = await Domains.UpdateCategoryAsync(
            World.AopExpert, new UpdateDomainCategory(RegistryWorld.BestuursdecreetCode, "departement", 1, "Vlaamse administratie - departement", 1, IsActive: false), Ct);

        var refused = await Assert.ThrowsAsync<DomainRuleException>(() => World.Assignments.AssignAsync(
            World.AopExpert, new AssignToDomain(World.Outside.OvoCode.Value, RegistryWorld.BestuursdecreetCode, "departement", null, null), Ct));
        var existing = World.DepartmentAssignment(RegistryWorld.BestuursdecreetCode);
        await World.Assignments.ChangeAsync(World.AopExpert, new ChangeAssignment(existing.Id, 1, "departement", existing.ValidFrom, existing.ValidTo, Remark: "blijft"), Ct);

        Assert.Equal(2, saved.Version);
        Assert.Equal("De categorie 'Vlaamse administratie - departement' is niet meer actief en kan niet gekozen worden.", refused.Message);
    }

    [Fact]
    public async Task Stewardship_IsData_ANewStewardsExpertsManageTheDomainWithoutARelease()
    {
        var digitaalVlaanderenExpert = RegistryUser.Create("expert@dv", "Expert DV", [RegistryRoles.DomainExpert], World.DigitaalVlaanderen.OvoCode);
        Assert.False(await World.Authorization.MayManageAssignmentsAsync(digitaalVlaanderenExpert, World.Vco.Id, Ct));

        await Domains.AddStewardAsync(World.CentralAdmin, new ChangeDomainSteward(RegistryWorld.VcoCode, World.DigitaalVlaanderen.OvoCode.Value), Ct);
        await Domains.RemoveStewardAsync(World.CentralAdmin, new ChangeDomainSteward(RegistryWorld.VcoCode, World.Dfb.OvoCode.Value), Ct);

        Assert.True(await World.Authorization.MayManageAssignmentsAsync(digitaalVlaanderenExpert, World.Vco.Id, Ct));
        Assert.False(await World.Authorization.MayManageAssignmentsAsync(World.DfbExpert, World.Vco.Id, Ct));
        var saved = await World.Assignments.AssignAsync(
            digitaalVlaanderenExpert, new AssignToDomain(World.Outside.OvoCode.Value, RegistryWorld.VcoCode, "dab", null, null), Ct);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_IsAConflict()
    {
        await Domains.UpdateAsync(World.CentralAdmin, new UpdateApplicationDomain(RegistryWorld.VcoCode, 1, "Vlaamse Codex Overheidsfinanciën", Article.De, "Eerste"), Ct);

        var conflict = await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Domains.UpdateAsync(World.CentralAdmin, new UpdateApplicationDomain(RegistryWorld.VcoCode, 1, "Vlaamse Codex Overheidsfinanciën", Article.De, "Tweede"), Ct));

        Assert.StartsWith("Dit toepassingsgebied werd intussen door iemand anders gewijzigd", conflict.Message);
        Assert.Equal("Eerste", conflict.CurrentValues["Description"]);
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ApplicationDomainServiceTestsOnSqlite(SqliteDatabaseFixture database) : ApplicationDomainServiceTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ApplicationDomainServiceTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ApplicationDomainServiceTests(database);
