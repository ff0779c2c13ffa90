using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using static OrganisationRegistry.Tests.Domain.TestData.Dates;

namespace OrganisationRegistry.Tests.Integration.Rights;

/// <summary>
/// Every persona against every write action, for both horizontally managed domains and for organisations inside and
/// outside the org-manager's subtree, through the services (the same ones the pages and the API call). An allowed
/// write really changes the database; a denied one throws <see cref="ForbiddenException"/> and changes nothing.
/// </summary>
public abstract class AuthorizationMatrixTests(DatabaseFixture database)
{
    private const bool Y = true;
    private const bool N = false;

    private static readonly string[] PersonaColumns =
    [
        DevelopmentPersonas.CentralAdmin.Key,
        DevelopmentPersonas.AopExpert.Key,
        DevelopmentPersonas.DfbExpert.Key,
        DevelopmentPersonas.OrganisationManager.Key,
        DevelopmentPersonas.Reader.Key,
    ];

    /// <summary>
    /// The matrix. "eigen organisatie" is the org-manager's Departement Omgeving, "kleindochter" the Dienst Lucht below
    /// it, "organisatie buiten" De Vlaamse Waterweg (under another department).
    /// </summary>
    private static readonly (string Scenario, bool[] Allowed)[] Table =
    [
        //                                                                      central aop  dfb  manager reader
        ("Bestuursdecreet: organisatie toewijzen",                              [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: toewijzing wijzigen",                                [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: toewijzing beëindigen",                              [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: toewijzing corrigeren (verwijderen)",                [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: bulktoewijzing toepassen",                           [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: categorie toevoegen",                                [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: categorie wijzigen",                                 [Y,      Y,   N,   N,      N]),
        ("Bestuursdecreet: toepassingsgebied wijzigen",                         [Y,      N,   N,   N,      N]),
        ("Bestuursdecreet: beherende organisatie toevoegen",                    [Y,      N,   N,   N,      N]),
        ("Bestuursdecreet: beherende organisatie verwijderen",                  [Y,      N,   N,   N,      N]),
        ("VCO: organisatie toewijzen",                                          [Y,      N,   Y,   N,      N]),
        ("VCO: toewijzing wijzigen",                                            [Y,      N,   Y,   N,      N]),
        ("VCO: toewijzing beëindigen",                                          [Y,      N,   Y,   N,      N]),
        ("VCO: toewijzing corrigeren (verwijderen)",                            [Y,      N,   Y,   N,      N]),
        ("VCO: bulktoewijzing toepassen",                                       [Y,      N,   Y,   N,      N]),
        ("VCO: categorie toevoegen",                                            [Y,      N,   Y,   N,      N]),
        ("VCO: categorie wijzigen",                                             [Y,      N,   Y,   N,      N]),
        ("VCO: toepassingsgebied wijzigen",                                     [Y,      N,   N,   N,      N]),
        ("VCO: beherende organisatie toevoegen",                                [Y,      N,   N,   N,      N]),
        ("VCO: beherende organisatie verwijderen",                              [Y,      N,   N,   N,      N]),
        ("algemene gegevens wijzigen: eigen organisatie",                       [Y,      N,   N,   Y,      N]),
        ("algemene gegevens wijzigen: kleindochter",                            [Y,      N,   N,   Y,      N]),
        ("algemene gegevens wijzigen: organisatie buiten",                      [Y,      N,   N,   N,      N]),
        ("sleutel toevoegen: eigen organisatie",                                [Y,      N,   N,   Y,      N]),
        ("sleutel toevoegen: kleindochter",                                     [Y,      N,   N,   Y,      N]),
        ("sleutel toevoegen: organisatie buiten",                               [Y,      N,   N,   N,      N]),
        ("sleutel wijzigen: eigen organisatie",                                 [Y,      N,   N,   Y,      N]),
        ("sleutel wijzigen: kleindochter",                                      [Y,      N,   N,   Y,      N]),
        ("sleutel wijzigen: organisatie buiten",                                [Y,      N,   N,   N,      N]),
        ("sleutel verwijderen: eigen organisatie",                              [Y,      N,   N,   Y,      N]),
        ("sleutel verwijderen: kleindochter",                                   [Y,      N,   N,   Y,      N]),
        ("sleutel verwijderen: organisatie buiten",                             [Y,      N,   N,   N,      N]),
        ("structuur: kleindochter vóór 2010 onder de eigen organisatie",        [Y,      N,   N,   Y,      N]),
        ("structuur: periode van de kleindochter onder de dochter wijzigen",    [Y,      N,   N,   Y,      N]),
        ("structuur: kleindochter van de dochter losmaken",                     [Y,      N,   N,   Y,      N]),
        ("structuur: organisatie buiten onder de eigen organisatie brengen",    [Y,      N,   N,   N,      N]),
        ("structuur: eigen organisatie onder een organisatie buiten plaatsen",  [Y,      N,   N,   N,      N]),
        ("structuur: periode van de organisatie buiten wijzigen",               [Y,      N,   N,   N,      N]),
        ("structuur: organisatie buiten losmaken",                              [Y,      N,   N,   N,      N]),
        ("dochter oprichten onder de eigen organisatie",                        [Y,      N,   N,   Y,      N]),
        ("dochter oprichten onder de kleindochter",                             [Y,      N,   N,   Y,      N]),
        ("dochter oprichten onder een organisatie buiten",                      [Y,      N,   N,   N,      N]),
        ("organisatie zonder moederorganisatie oprichten",                      [Y,      N,   N,   N,      N]),
        ("toepassingsgebied aanmaken",                                          [Y,      N,   N,   N,      N]),
        ("rol toekennen aan een persoon",                                       [Y,      N,   N,   N,      N]),
        ("toegekende rol intrekken",                                            [Y,      N,   N,   N,      N]),
    ];

    private static readonly IReadOnlyDictionary<string, Func<RegistryWorld, RegistryUser, CancellationToken, Task>> Scenarios = BuildScenarios();

    public static TheoryData<string, string, bool> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, bool>();
            foreach (var (scenario, allowed) in Table)
            {
                for (var column = 0; column < PersonaColumns.Length; column++)
                {
                    data.Add(PersonaColumns[column], scenario, allowed[column]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Persona_Action_IsAllowedAndWritten_OrForbiddenAndNothingChanges(string persona, string scenario, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await RegistryWorld.CreateAsync(database, ct);
        var user = world.Personas[persona];
        var before = await DatabaseSnapshot.TakeAsync(database, ct);

        var act = () => Scenarios[scenario](world, user, ct);

        if (allowed)
        {
            await act();
            Assert.NotEqual(before, await DatabaseSnapshot.TakeAsync(database, ct));
        }
        else
        {
            var forbidden = await Assert.ThrowsAsync<ForbiddenException>(act);
            Assert.StartsWith(forbidden.Message.StartsWith("Alleen", StringComparison.Ordinal) ? "Alleen een centrale beheerder mag " : "U mag ", forbidden.Message);
            Assert.Equal(before, await DatabaseSnapshot.TakeAsync(database, ct));
        }
    }

    [Fact]
    public void Matrix_CoversEveryScenario_AndEveryPersona()
    {
        Assert.Equal(Scenarios.Keys.Order(), Table.Select(row => row.Scenario).Order());
        Assert.All(Table, row => Assert.Equal(PersonaColumns.Length, row.Allowed.Length));
        Assert.Equal(DevelopmentPersonas.All.Select(p => p.Key), PersonaColumns);
    }

    [Fact]
    public async Task Forbidden_NamesTheMissingRight_InDutch_WithAStableCode()
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await RegistryWorld.CreateAsync(database, ct);

        var forbidden = await Assert.ThrowsAsync<ForbiddenException>(() => Scenarios["VCO: organisatie toewijzen"](world, world.AopExpert, ct));

        Assert.Equal("U mag de toewijzingen van de Vlaamse Codex Overheidsfinanciën niet beheren.", forbidden.Message);
        Assert.Equal(RegistryPolicies.ManageAssignments, forbidden.Code);
        Assert.Equal(RegistryRight.ManageAssignments, forbidden.Right);
    }

    private static Dictionary<string, Func<RegistryWorld, RegistryUser, CancellationToken, Task>> BuildScenarios()
    {
        var scenarios = new Dictionary<string, Func<RegistryWorld, RegistryUser, CancellationToken, Task>>();
        foreach (var (label, code) in new[] { ("Bestuursdecreet", RegistryWorld.BestuursdecreetCode), ("VCO", RegistryWorld.VcoCode) })
        {
            var (existing, fresh) = RegistryWorld.Categories(code);
            scenarios[$"{label}: organisatie toewijzen"] = (w, u, ct) =>
                w.Assignments.AssignAsync(u, new AssignToDomain(w.Granddaughter.OvoCode.Value, code, fresh, Day("01/01/2020"), null), ct);
            scenarios[$"{label}: toewijzing wijzigen"] = (w, u, ct) =>
                w.Assignments.ChangeAsync(u, new ChangeAssignment(w.DepartmentAssignment(code).Id, 1, existing, Day("01/01/2019"), null, Remark: "gewijzigd"), ct);
            scenarios[$"{label}: toewijzing beëindigen"] = (w, u, ct) =>
                w.Assignments.EndAsync(u, new EndAssignment(w.DepartmentAssignment(code).Id, 1, Day("31/12/2030")), ct);
            scenarios[$"{label}: toewijzing corrigeren (verwijderen)"] = (w, u, ct) =>
                w.Assignments.CorrectAsync(u, new CorrectAssignment(w.DepartmentAssignment(code).Id, 1, "Foutief toegewezen"), ct);
            scenarios[$"{label}: bulktoewijzing toepassen"] = async (w, u, ct) =>
            {
                var report = await w.Assignments.ApplyBulkAsync(
                    u, new BulkAssignToDomain([w.Granddaughter.OvoCode.Value, w.OutsideDaughter.OvoCode.Value], code, fresh, Day("01/01/2020"), null), ct);
                Assert.True(report.Applied);
            };
            scenarios[$"{label}: categorie toevoegen"] = (w, u, ct) =>
                w.Domains.AddCategoryAsync(u, new AddDomainCategory(code, "nieuwe-categorie", "Nieuwe categorie", 99), ct);
            scenarios[$"{label}: categorie wijzigen"] = (w, u, ct) =>
                w.Domains.UpdateCategoryAsync(u, new UpdateDomainCategory(code, existing, 1, "Hernoemde categorie", 5, IsActive: true), ct);
            scenarios[$"{label}: toepassingsgebied wijzigen"] = (w, u, ct) =>
                w.Domains.UpdateAsync(u, new UpdateApplicationDomain(code, 1, w.Domain(code).Name, w.Domain(code).Article, "Nieuwe beschrijving"), ct);
            scenarios[$"{label}: beherende organisatie toevoegen"] = (w, u, ct) =>
                w.Domains.AddStewardAsync(u, new ChangeDomainSteward(code, w.DigitaalVlaanderen.OvoCode.Value), ct);
            scenarios[$"{label}: beherende organisatie verwijderen"] = (w, u, ct) =>
                w.Domains.RemoveStewardAsync(u, new ChangeDomainSteward(code, (code == RegistryWorld.VcoCode ? w.Dfb : w.Aop).OvoCode.Value), ct);
        }

        foreach (var (label, target) in new (string, Func<RegistryWorld, Organisation>)[]
                 {
                     ("eigen organisatie", w => w.Department),
                     ("kleindochter", w => w.Granddaughter),
                     ("organisatie buiten", w => w.OutsideDaughter),
                 })
        {
            scenarios[$"algemene gegevens wijzigen: {label}"] = (w, u, ct) =>
                w.Organisations.UpdateAsync(u, new UpdateOrganisation(target(w).OvoCode.Value, 1, target(w).Name + " (nieuwe naam)", target(w).ShortName), ct);
            scenarios[$"sleutel toevoegen: {label}"] = (w, u, ct) =>
                w.Organisations.AddKeyAsync(u, new AddOrganisationKey(target(w).OvoCode.Value, "orafin", "ORA-NIEUW", Day("01/01/2030"), null), ct);
            scenarios[$"sleutel wijzigen: {label}"] = (w, u, ct) =>
                w.Organisations.ChangeKeyAsync(u, new ChangeOrganisationKey(target(w).Keys.Single().Id, 1, "ORA-GEWIJZIGD", null, null), ct);
            scenarios[$"sleutel verwijderen: {label}"] = (w, u, ct) =>
                w.Organisations.RemoveKeyAsync(u, new RemoveOrganisationKey(target(w).Keys.Single().Id, 1), ct);
        }

        // Coupling to the KBO (couple, uncouple, create from the KBO, synchronise) has its own matrix: KboCouplingRightsTests.

        scenarios["structuur: kleindochter vóór 2010 onder de eigen organisatie"] = (w, u, ct) =>
            w.Organisations.AddParentAsync(u, new AddOrganisationParent(w.Granddaughter.OvoCode.Value, w.Department.OvoCode.Value, Day("01/01/2000"), Day("31/12/2009")), ct);
        scenarios["structuur: periode van de kleindochter onder de dochter wijzigen"] = (w, u, ct) =>
            w.Organisations.ChangeParentAsync(u, new ChangeOrganisationParent(w.Granddaughter.Parents.Single().Id, 1, w.Daughter.OvoCode.Value, Day("01/01/2011"), null), ct);
        scenarios["structuur: kleindochter van de dochter losmaken"] = (w, u, ct) =>
            w.Organisations.RemoveParentAsync(u, new RemoveOrganisationParent(w.Granddaughter.Parents.Single().Id, 1), ct);
        scenarios["structuur: organisatie buiten onder de eigen organisatie brengen"] = (w, u, ct) =>
            w.Organisations.AddParentAsync(u, new AddOrganisationParent(w.OutsideDaughter.OvoCode.Value, w.Department.OvoCode.Value, Day("01/01/2000"), Day("31/12/2009")), ct);
        scenarios["structuur: eigen organisatie onder een organisatie buiten plaatsen"] = (w, u, ct) =>
            w.Organisations.AddParentAsync(u, new AddOrganisationParent(w.Department.OvoCode.Value, w.Outside.OvoCode.Value, Day("01/01/2000"), null), ct);
        scenarios["structuur: periode van de organisatie buiten wijzigen"] = (w, u, ct) =>
            w.Organisations.ChangeParentAsync(u, new ChangeOrganisationParent(w.OutsideDaughter.Parents.Single().Id, 1, w.Outside.OvoCode.Value, Day("01/01/2011"), null), ct);
        scenarios["structuur: organisatie buiten losmaken"] = (w, u, ct) =>
            w.Organisations.RemoveParentAsync(u, new RemoveOrganisationParent(w.OutsideDaughter.Parents.Single().Id, 1), ct);

        scenarios["dochter oprichten onder de eigen organisatie"] = (w, u, ct) =>
            w.Organisations.CreateAsync(u, new CreateOrganisation("Afdeling Gebiedsontwikkeling", ParentOvoCode: w.Department.OvoCode.Value), ct);
        scenarios["dochter oprichten onder de kleindochter"] = (w, u, ct) =>
            w.Organisations.CreateAsync(u, new CreateOrganisation("Team Luchtkwaliteit", ParentOvoCode: w.Granddaughter.OvoCode.Value), ct);
        scenarios["dochter oprichten onder een organisatie buiten"] = (w, u, ct) =>
            w.Organisations.CreateAsync(u, new CreateOrganisation("Team Scheepvaart", ParentOvoCode: w.OutsideDaughter.OvoCode.Value), ct);
        scenarios["organisatie zonder moederorganisatie oprichten"] = (w, u, ct) =>
            w.Organisations.CreateAsync(u, new CreateOrganisation("Nieuw Agentschap"), ct);
        scenarios["toepassingsgebied aanmaken"] = (w, u, ct) =>
            w.Domains.CreateAsync(u, new CreateApplicationDomain("deugdelijk-bestuur", "Deugdelijk bestuur", Article.Het), ct);
        scenarios["rol toekennen aan een persoon"] = (w, u, ct) =>
            w.Grants.GrantAsync(u, new GrantRole("jan.peeters@vlaanderen.be", RegistryRoles.Reader), ct);
        scenarios["toegekende rol intrekken"] = (w, u, ct) =>
            w.Grants.RevokeAsync(u, new RevokeRole(w.Grant.Id, 1), ct);
        return scenarios;
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuthorizationMatrixTestsOnSqlite(SqliteDatabaseFixture database) : AuthorizationMatrixTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuthorizationMatrixTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuthorizationMatrixTests(database);
