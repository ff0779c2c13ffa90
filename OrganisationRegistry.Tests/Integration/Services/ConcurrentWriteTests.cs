using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Services;

/// <summary>
/// Writers at the same moment (writes run at READ COMMITTED with named locks, decision 0006): the rules that span rows
/// still hold, writers of different organisations do not fail each other, and the audit chain stays whole.
/// </summary>
public abstract class ConcurrentWriteTests(DatabaseFixture database) : ServiceTests(database)
{
    private const int Writers = 8;

    [Fact]
    public async Task OverlappingAssignmentsOfOneOrganisation_AtOnce_ExactlyOneIsStored()
    {
        var outcomes = await AllAtOnceAsync(_ => World.Assignments.AssignAsync(
            World.DfbExpert,
            new AssignToDomain(World.Outside.OvoCode.Value, RegistryWorld.VcoCode, "dab", new DateOnly(2030, 1, 1), null),
            Ct));

        Assert.Equal(1, outcomes.Count(o => o is null));
        Assert.All(outcomes.OfType<DomainRuleException>(), rule => Assert.Equal(RuleCodes.Overlap, rule.Code));
        Assert.Equal(Writers - 1, outcomes.OfType<DomainRuleException>().Count());
        Assert.Equal(1, await ReadAsync(db => db.DomainAssignments.CountAsync(a => a.OrganisationId == World.Outside.Id && a.ApplicationDomainId == World.Vco.Id, Ct)));
    }

    [Fact]
    public async Task AssignmentsOfDifferentOrganisations_AtOnce_AllSucceed_AndTheChainHolds()
    {
        var organisations = await new TestData(Database).OrganisationsAsync(
            [.. Enumerable.Range(0, Writers * 2).Select(i => new OrganisationDetails($"Gelijktijdig {i}"))], Ct);

        var outcomes = await Task.WhenAll(organisations.Select(o => Task.Run(() => Outcome(() => World.Assignments.AssignAsync(
            World.DfbExpert,
            new AssignToDomain(o.OvoCode.Value, RegistryWorld.VcoCode, "dab", new DateOnly(2030, 1, 1), null),
            Ct)), Ct)));

        Assert.All(outcomes, Assert.Null);
        var verification = await ReadAsync(db => AuditChainVerifier.VerifyAsync(db, cancellationToken: Ct));
        Assert.True(verification.IsIntact, verification.Break?.Problem);
    }

    [Fact]
    public async Task TwoOrganisationsPlacedUnderEachOther_AtOnce_NeverMakeACycle()
    {
        var (a, b) = (World.Aop, World.Dfb);

        var outcomes = await Task.WhenAll(
            Task.Run(() => Outcome(() => World.Organisations.AddParentAsync(World.CentralAdmin, new AddOrganisationParent(a.OvoCode.Value, b.OvoCode.Value, null, null), Ct)), Ct),
            Task.Run(() => Outcome(() => World.Organisations.AddParentAsync(World.CentralAdmin, new AddOrganisationParent(b.OvoCode.Value, a.OvoCode.Value, null, null), Ct)), Ct));

        Assert.Single(outcomes, o => o is null);
        Assert.Equal(RuleCodes.Cycle, Assert.IsType<DomainRuleException>(Assert.Single(outcomes, o => o is not null)).Code);
        Assert.Equal(1, await ReadAsync(db => db.OrganisationParents.CountAsync(p => (p.OrganisationId == a.Id && p.ParentOrganisationId == b.Id) || (p.OrganisationId == b.Id && p.ParentOrganisationId == a.Id), Ct)));
    }

    [Fact]
    public async Task OneKeyValueForSeveralOrganisations_AtOnce_GoesToExactlyOne()
    {
        var organisations = await new TestData(Database).OrganisationsAsync(
            [.. Enumerable.Range(0, Writers).Select(i => new OrganisationDetails($"Sleutelhouder {i}"))], Ct);

        var outcomes = await Task.WhenAll(organisations.Select(o => Task.Run(() => Outcome(() => World.Organisations.AddKeyAsync(
            World.CentralAdmin,
            new AddOrganisationKey(o.OvoCode.Value, World.Orafin.Code, "ORA-GELIJKTIJDIG", null, null),
            Ct)), Ct)));

        Assert.Single(outcomes, o => o is null);
        Assert.All(outcomes.OfType<DomainRuleException>(), rule => Assert.Equal(RuleCodes.Duplicate, rule.Code));
        Assert.Equal(1, await ReadAsync(db => db.OrganisationKeys.CountAsync(k => k.Value == "ORA-GELIJKTIJDIG", Ct)));
    }

    private async Task<Exception?[]> AllAtOnceAsync(Func<int, Task> write) =>
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(() => Outcome(() => write(i)), Ct)));

    private static async Task<Exception?> Outcome(Func<Task> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (Exception exception) when (exception is DomainRuleException or ConcurrencyConflictException)
        {
            return exception;
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class SqliteConcurrentWriteTests(SqliteDatabaseFixture database) : ConcurrentWriteTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlConcurrentWriteTests(PostgreSqlDatabaseFixture database) : ConcurrentWriteTests(database);
