using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>
/// Every persona against comparing and applying a list, for both horizontally managed domains: a domain's steward and
/// central staff may; nobody else, not even the other domain's steward. A denied call throws
/// <see cref="ForbiddenException"/> and leaves the database as it was; an allowed apply writes.
/// </summary>
public abstract class ReconciliationRightsMatrixTests(DatabaseFixture database)
{
    private const bool Y = true;
    private const bool N = false;

    /// <summary>The columns of <see cref="Table"/>: the personas in their own order (central, aop, dfb, manager, reader).</summary>
    private static readonly string[] PersonaColumns = [.. DevelopmentPersonas.All.Select(p => p.Key)];

    private static readonly (string Domain, string Action, bool[] Allowed)[] Table =
    [
        //                                                     central aop  dfb  manager reader
        (RegistryWorld.BestuursdecreetCode, "vergelijken",     [Y,      Y,   N,   N,      N]),
        (RegistryWorld.BestuursdecreetCode, "toepassen",       [Y,      Y,   N,   N,      N]),
        (RegistryWorld.VcoCode,             "vergelijken",     [Y,      N,   Y,   N,      N]),
        (RegistryWorld.VcoCode,             "toepassen",       [Y,      N,   Y,   N,      N]),
    ];

    public static TheoryData<string, string, string, bool> Matrix
    {
        get
        {
            var data = new TheoryData<string, string, string, bool>();
            foreach (var (domain, action, allowed) in Table)
            {
                for (var column = 0; column < PersonaColumns.Length; column++)
                {
                    data.Add(PersonaColumns[column], domain, action, allowed[column]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Persona_ComparesOrApplies_OnlyWhereItManagesTheDomain_AndADenialChangesNothing(string persona, string domain, string action, bool allowed)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await RegistryWorld.CreateAsync(database, ct);
        var user = world.Personas[persona];
        var service = database.Services.GetRequiredService<ReconciliationService>();
        var content = Encoding.UTF8.GetBytes($"OVO-code;Categoriecode\n{world.Department.OvoCode};{RegistryWorld.Categories(domain).Existing}\n{world.Granddaughter.OvoCode};{RegistryWorld.Categories(domain).New}\n");
        var before = await DatabaseSnapshot.TakeAsync(database, ct);

        Func<Task> act = action == "vergelijken"
            ? async () =>
            {
                var report = await service.CompareAsync(user, new CompareMemberList(domain, new DateOnly(2025, 6, 1), "lijst.csv", content), ct);
                Assert.Equal(world.Granddaughter.OvoCode.Value, Assert.Single(report.Differences).OvoCode);
            }
            : async () =>
            {
                var key = new DifferenceKey(DifferenceKind.MissingInRegister, world.Granddaughter.OvoCode.Value);
                var result = await service.ApplyAsync(user, new ApplyMemberList(domain, new DateOnly(2025, 6, 1), "lijst.csv", content, [key]), ct);
                Assert.True(result.Applied);
            };

        if (allowed)
        {
            await act();
            var after = await DatabaseSnapshot.TakeAsync(database, ct);
            if (action == "vergelijken")
            {
                Assert.Equal(before, after);
            }
            else
            {
                Assert.NotEqual(before, after);
            }
        }
        else
        {
            var forbidden = await Assert.ThrowsAsync<ForbiddenException>(act);
            Assert.Equal($"U mag de toewijzingen van {world.Domain(domain).NameInSentence} niet beheren.", forbidden.Message);
            Assert.Equal(before, await DatabaseSnapshot.TakeAsync(database, ct));
        }
    }

    [Fact]
    public void Matrix_CoversEveryPersona_BothDomains_AndBothActions()
    {
        Assert.Equal(
            [DevelopmentPersonas.CentralAdmin.Key, DevelopmentPersonas.AopExpert.Key, DevelopmentPersonas.DfbExpert.Key, DevelopmentPersonas.OrganisationManager.Key, DevelopmentPersonas.Reader.Key],
            PersonaColumns);
        Assert.Equal(4, Table.Select(row => (row.Domain, row.Action)).Distinct().Count());
        Assert.All(Table, row => Assert.Equal(PersonaColumns.Length, row.Allowed.Length));
    }
}

[Collection(SqliteCollection.Name)]
public sealed class ReconciliationRightsMatrixTestsOnSqlite(SqliteDatabaseFixture database) : ReconciliationRightsMatrixTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class ReconciliationRightsMatrixTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : ReconciliationRightsMatrixTests(database);
