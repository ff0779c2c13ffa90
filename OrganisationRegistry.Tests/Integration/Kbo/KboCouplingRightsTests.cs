using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Kbo;

/// <summary>
/// Every persona against every KBO action, through the services the pages and the API call: only a central
/// administrator may; an allowed action writes, a denied one throws <see cref="ForbiddenException"/> and the database
/// stays exactly as it was (mirror tables included).
/// </summary>
public abstract class KboCouplingRightsTests(DatabaseFixture database)
{
    public enum KboAction
    {
        Couple,
        Uncouple,
        CreateFromKbo,
        ApplyOne,
        ApplyAll,
    }

    private static readonly string Free = KboNumber.FromBase(40_000_001).Digits;
    private static readonly string Coupled = KboNumber.FromBase(40_000_002).Digits;

    public static TheoryData<string, KboAction> Matrix()
    {
        var data = new TheoryData<string, KboAction>();
        foreach (var persona in DevelopmentPersonas.All)
        {
            foreach (var action in Enum.GetValues<KboAction>())
            {
                data.Add(persona.Key, action);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Persona_KboAction_OnlyTheCentralAdministratorMay_ADenialChangesNothing(string persona, KboAction action)
    {
        var ct = TestContext.Current.CancellationToken;
        var world = await RegistryWorld.CreateAsync(database, ct);
        var kbo = new KboTestData(database);
        await kbo.ImportAsync(cancellationToken: ct);
        await kbo.CodesAsync(ct);
        await kbo.EnterprisesAsync(new KboSeed(Free, "Vlaamse Milieumaatschappij"), new KboSeed(Coupled, "Aquafin"));
        var services = database.Services;
        var coupling = services.GetRequiredService<KboCouplingService>();
        var sync = services.GetRequiredService<KboSyncService>();
        var coupledOrganisation = await coupling.CreateFromKboAsync(world.CentralAdmin, new CreateOrganisationFromKbo(Coupled), ct);
        await kbo.ChangeAsync(async db => (await db.KboDenominations.SingleAsync(d => d.EntityNumber == Coupled, ct)).Value = "Aquafin NV", ct);
        var import = await kbo.ImportAsync(KboImport.Update, 124, finishedAt: new DateTimeOffset(2026, 11, 3, 6, 0, 0, TimeSpan.Zero), cancellationToken: ct);
        var user = world.Personas[persona];
        var before = await DatabaseSnapshot.TakeAsync(database, ct);

        Func<Task> act = action switch
        {
            KboAction.Couple => () => coupling.CoupleAsync(user, new CoupleOrganisationToKbo(world.Granddaughter.OvoCode.Value, 1, Free), ct),
            KboAction.Uncouple => () => coupling.UncoupleAsync(user, new UncoupleOrganisationFromKbo(coupledOrganisation.OvoCode, 1), ct),
            KboAction.CreateFromKbo => () => coupling.CreateFromKboAsync(user, new CreateOrganisationFromKbo(Free, ParentOvoCode: world.Department.OvoCode.Value), ct),
            KboAction.ApplyOne => () => sync.ApplyAsync(user, new ApplyKboSync(coupledOrganisation.OvoCode, 1, import.Id), ct),
            KboAction.ApplyAll => () => sync.ApplyAllAsync(user, new ApplyAllKboSync(import.Id), ct),
            _ => throw new ArgumentOutOfRangeException(nameof(action), action, null),
        };

        if (persona == DevelopmentPersonas.CentralAdmin.Key)
        {
            await act();
            Assert.NotEqual(before, await DatabaseSnapshot.TakeAsync(database, ct));
        }
        else
        {
            var forbidden = await Assert.ThrowsAsync<ForbiddenException>(act);
            Assert.Equal(RegistryRight.CoupleKbo, forbidden.Right);
            Assert.StartsWith("Alleen een centrale beheerder mag ", forbidden.Message, StringComparison.Ordinal);
            Assert.Equal(before, await DatabaseSnapshot.TakeAsync(database, ct));
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class KboCouplingRightsTestsOnSqlite(SqliteDatabaseFixture database) : KboCouplingRightsTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class KboCouplingRightsTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : KboCouplingRightsTests(database);
