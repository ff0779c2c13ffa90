using FluentValidation;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;
using OrganisationRegistry.Tests.Integration.Rights;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// Completeness: after a random sequence of operations through the real services (and some that fail on a rule, a
/// right, a stale version or the database), replaying the trail alone gives exactly what every audited table holds.
/// </summary>
public abstract class AuditReplayTests(DatabaseFixture database) : AuditTests(database)
{
    [Theory]
    [InlineData(20181207)]
    [InlineData(42)]
    public async Task ReplayingTheTrail_AfterRandomOperations_GivesExactlyTheCurrentDatabase(int seed)
    {
        var operations = new RandomOperations(World, Database, new Random(seed), Ct);

        for (var i = 0; i < 300; i++)
        {
            await operations.NextAsync();
        }

        var never = Enum.GetValues<Operation>().Except(operations.Succeeded.Keys).ToList();
        Assert.True(never.Count == 0, $"Seed {seed}: these operations never succeeded, so the replay did not cover them: {string.Join(", ", never)}.");
        Assert.True(operations.Failed > 0, "Some operations should have failed (and written nothing).");

        var trail = await TrailAsync();
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"Seed {seed}: {operations.Succeeded.Values.Sum()} operations succeeded, {operations.Failed} failed; {trail.Count} entries " +
            $"({trail.Count(e => e.Operation == AuditOperation.Insert)} inserts, {trail.Count(e => e.Operation == AuditOperation.Update)} updates, {trail.Count(e => e.Operation == AuditOperation.Delete)} deletes).");
        var fromDatabase = await ReadAsync(db => AuditReplay.FromDatabaseAsync(db, Ct));
        var fromTrail = await ReadAsync(db => Task.FromResult(AuditReplay.FromTrail(db.Model, trail)));
        Assert.Equal(fromDatabase, fromTrail);
        Assert.Contains(trail, e => e.Operation == AuditOperation.Update);
        Assert.Contains(trail, e => e.Operation == AuditOperation.Delete);
        Assert.True((await VerifyAsync()).IsIntact);
    }

    internal enum Operation
    {
        CreateOrganisation,
        UpdateOrganisation,
        AddParent,
        ChangeParent,
        RemoveParent,
        AddKey,
        ChangeKey,
        RemoveKey,
        Assign,
        ChangeAssignment,
        EndAssignment,
        CorrectAssignment,
        ApplyBulk,
        CreateDomain,
        UpdateDomain,
        AddCategory,
        UpdateCategory,
        AddSteward,
        RemoveSteward,
        Grant,
        Revoke,
        DeleteOrganisation,
    }

    /// <summary>
    /// Picks an operation and its targets at random from what the database holds (in a stable order, so a seed
    /// gives the same run), runs it through the service as a random persona, and counts what succeeded and failed.
    /// </summary>
    internal sealed class RandomOperations(RegistryWorld world, DatabaseFixture database, Random random, CancellationToken ct)
    {
        private static readonly DateOnly Start = new(2000, 1, 1);
        private int _counter;

        public Dictionary<Operation, int> Succeeded { get; } = [];

        public int Failed { get; private set; }

        public async Task NextAsync()
        {
            var operation = Pick(Enum.GetValues<Operation>());
            try
            {
                if (await RunAsync(operation))
                {
                    Succeeded[operation] = Succeeded.GetValueOrDefault(operation) + 1;
                }
            }
            catch (Exception exception) when (exception is DomainRuleException or ForbiddenException or ConcurrencyConflictException or ValidationException or DbUpdateException)
            {
                Failed++;
            }
        }

        private async Task<bool> RunAsync(Operation operation)
        {
            var n = ++_counter;
            var organisations = await ReadAsync(db => db.Organisations.AsNoTracking().OrderBy(o => o.OvoCode).ToListAsync(ct));
            var organisation = Pick(organisations);
            var other = Pick(organisations);
            var user = Pick([world.CentralAdmin, world.CentralAdmin, world.CentralAdmin, world.CentralAdmin, world.AopExpert, world.DfbExpert, world.OrgManager]);
            var (from, to) = Period();
            switch (operation)
            {
                case Operation.CreateOrganisation:
                    await world.Organisations.CreateAsync(user, new CreateOrganisation(
                        $"Organisatie {n}", Maybe($"ORG{n}"), Maybe(Article.De), Maybe("Beschrijving"),
                        from, to, ParentOvoCode: Maybe(organisation.OvoCode.Value)), ct);
                    return true;
                case Operation.UpdateOrganisation:
                    await world.Organisations.UpdateAsync(user, new UpdateOrganisation(
                        organisation.OvoCode.Value, organisation.Version, $"{organisation.Name} *", Maybe($"K{n}"), Maybe(Article.Het), Maybe($"Gewijzigd {n}"),
                        from, to), ct);
                    return true;
                case Operation.AddParent:
                    await world.Organisations.AddParentAsync(user, new AddOrganisationParent(organisation.OvoCode.Value, other.OvoCode.Value, from, to), ct);
                    return true;
                case Operation.ChangeParent when await PickAsync(db => db.OrganisationParents.OrderBy(p => p.ValidFrom).ThenBy(p => p.Version)) is { } link:
                    await world.Organisations.ChangeParentAsync(user, new ChangeOrganisationParent(link.Id, link.Version, other.OvoCode.Value, from, to), ct);
                    return true;
                case Operation.RemoveParent when await PickAsync(db => db.OrganisationParents.OrderBy(p => p.ValidFrom).ThenBy(p => p.Version)) is { } link:
                    await world.Organisations.RemoveParentAsync(user, new RemoveOrganisationParent(link.Id, link.Version), ct);
                    return true;
                case Operation.AddKey:
                    await world.Organisations.AddKeyAsync(user, new AddOrganisationKey(organisation.OvoCode.Value, "orafin", $"ORA-{random.Next(1000)}", from, to), ct);
                    return true;
                case Operation.ChangeKey when await PickAsync(db => db.OrganisationKeys.OrderBy(k => k.Value).ThenBy(k => k.ValidFrom)) is { } key:
                    await world.Organisations.ChangeKeyAsync(user, new ChangeOrganisationKey(key.Id, key.Version, $"ORA-{random.Next(1000)}", from, to), ct);
                    return true;
                case Operation.RemoveKey when await PickAsync(db => db.OrganisationKeys.OrderBy(k => k.Value).ThenBy(k => k.ValidFrom)) is { } key:
                    await world.Organisations.RemoveKeyAsync(user, new RemoveOrganisationKey(key.Id, key.Version), ct);
                    return true;
                case Operation.Assign:
                    var (domain, category) = await DomainAndCategoryAsync();
                    await world.Assignments.AssignAsync(user, new AssignToDomain(organisation.OvoCode.Value, domain, category, from, to, Maybe(other.OvoCode.Value), Maybe($"opmerking {n}")), ct);
                    return true;
                case Operation.ChangeAssignment when await AssignmentAsync() is { } assignment:
                    await world.Assignments.ChangeAsync(user, new ChangeAssignment(
                        assignment.Id, assignment.Version, Pick(assignment.Categories), from, to, Maybe(other.OvoCode.Value), Maybe($"gewijzigd {n}")), ct);
                    return true;
                case Operation.EndAssignment when await AssignmentAsync() is { } assignment:
                    await world.Assignments.EndAsync(user, new EndAssignment(assignment.Id, assignment.Version, (assignment.ValidFrom ?? Start).AddDays(random.Next(1, 3000))), ct);
                    return true;
                case Operation.CorrectAssignment when await AssignmentAsync() is { } assignment:
                    await world.Assignments.CorrectAsync(user, new CorrectAssignment(assignment.Id, assignment.Version, $"Correctie {n}: nooit van toepassing."), ct);
                    return true;
                case Operation.ApplyBulk:
                    var (bulkDomain, bulkCategory) = await DomainAndCategoryAsync();
                    var report = await world.Assignments.ApplyBulkAsync(
                        user, new BulkAssignToDomain([.. Enumerable.Range(0, 3).Select(_ => Pick(organisations).OvoCode.Value).Distinct()], bulkDomain, bulkCategory, from, to), ct);
                    return report.Applied;
                case Operation.CreateDomain:
                    await world.Domains.CreateAsync(user, new CreateApplicationDomain($"domein-{n}", $"Toepassingsgebied {n}", Maybe(Article.Het), Maybe("Omschrijving"), Maybe("Decreet")), ct);
                    return true;
                case Operation.UpdateDomain when await PickAsync(db => db.ApplicationDomains.OrderBy(d => d.Code)) is { } applicationDomain:
                    await world.Domains.UpdateAsync(user, new UpdateApplicationDomain(applicationDomain.Code, applicationDomain.Version, $"{applicationDomain.Name} *", Maybe(Article.De), Maybe($"Omschrijving {n}")), ct);
                    return true;
                case Operation.AddCategory:
                    var (categoryDomain, _) = await DomainAndCategoryAsync();
                    await world.Domains.AddCategoryAsync(user, new AddDomainCategory(categoryDomain, $"categorie-{n}", $"Categorie {n}", n), ct);
                    return true;
                case Operation.UpdateCategory when await PickAsync(db => db.DomainCategories.OrderBy(c => c.Code)) is { } domainCategory:
                    var code = await ReadAsync(db => db.ApplicationDomains.Where(d => d.Id == domainCategory.ApplicationDomainId).Select(d => d.Code).SingleAsync(ct));
                    await world.Domains.UpdateCategoryAsync(user, new UpdateDomainCategory(code, domainCategory.Code, domainCategory.Version, $"{domainCategory.Name} *", random.Next(100), random.Next(4) > 0), ct);
                    return true;
                case Operation.AddSteward:
                    await world.Domains.AddStewardAsync(user, new ChangeDomainSteward((await DomainAndCategoryAsync()).Domain, organisation.OvoCode.Value), ct);
                    return true;
                case Operation.RemoveSteward when await PickAsync(db => db.DomainStewards.OrderBy(s => s.OrganisationId)) is { } steward:
                    var stewardDomain = await ReadAsync(db => db.ApplicationDomains.Where(d => d.Id == steward.ApplicationDomainId).Select(d => d.Code).SingleAsync(ct));
                    var stewardOvo = await ReadAsync(db => db.Organisations.Where(o => o.Id == steward.OrganisationId).Select(o => o.OvoCode).SingleAsync(ct));
                    await world.Domains.RemoveStewardAsync(user, new ChangeDomainSteward(stewardDomain, stewardOvo.Value), ct);
                    return true;
                case Operation.Grant:
                    await world.Grants.GrantAsync(user, new GrantRole($"persoon{random.Next(8)}@vlaanderen.be", Pick(RegistryRoles.All), organisation.OvoCode.Value), ct);
                    return true;
                case Operation.Revoke when await PickAsync(db => db.UserGrants.OrderBy(g => g.Subject).ThenBy(g => g.Role)) is { } grant:
                    await world.Grants.RevokeAsync(user, new RevokeRole(grant.Id, grant.Version), ct);
                    return true;
                case Operation.DeleteOrganisation:
                    // No service deletes organisations yet; a direct delete, with the rows the database would cascade.
                    await using (var db = await database.Contexts.CreateDbContextAsync(ct))
                    {
                        db.Organisations.Remove(await db.Organisations.SingleAsync(o => o.Id == organisation.Id, ct));
                        await db.SaveChangesAsync(ct);
                    }

                    return true;
                default:
                    return false; // nothing to work on
            }
        }

        private async Task<(string Domain, string Category)> DomainAndCategoryAsync()
        {
            var categories = await ReadAsync(db => db.DomainCategories.AsNoTracking().Where(c => c.IsActive)
                .Join(db.ApplicationDomains, c => c.ApplicationDomainId, d => d.Id, (c, d) => new { Domain = d.Code, Category = c.Code })
                .OrderBy(c => c.Domain).ThenBy(c => c.Category).ToListAsync(ct));
            var pick = Pick(categories);
            return (pick.Domain, pick.Category);
        }

        private async Task<(Guid Id, long Version, DateOnly? ValidFrom, IReadOnlyList<string> Categories)?> AssignmentAsync()
        {
            var assignment = await PickAsync(db => db.DomainAssignments.OrderBy(a => a.ValidFrom).ThenBy(a => a.Remark).ThenBy(a => a.Version));
            if (assignment is null)
            {
                return null;
            }

            var categories = await ReadAsync(db => db.DomainCategories.Where(c => c.ApplicationDomainId == assignment.ApplicationDomainId).OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct));
            return (assignment.Id, assignment.Version, assignment.ValidFrom, categories);
        }

        private async Task<T?> PickAsync<T>(Func<RegistryDbContext, IQueryable<T>> query)
            where T : class
        {
            var items = await ReadAsync(db => query(db).AsNoTracking().ToListAsync(ct));
            return items.Count == 0 ? null : Pick(items);
        }

        private (DateOnly? From, DateOnly? To) Period()
        {
            DateOnly? from = random.Next(3) == 0 ? null : Start.AddDays(random.Next(0, 9000));
            DateOnly? to = random.Next(2) == 0 ? null : (from ?? Start).AddDays(random.Next(0, 4000));
            return (from, to);
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private T? Maybe<T>(T value) => random.Next(2) == 0 ? default : value;

        private async Task<T> ReadAsync<T>(Func<RegistryDbContext, Task<T>> query)
        {
            await using var db = await database.Contexts.CreateDbContextAsync(ct);
            return await query(db);
        }
    }
}

[Collection(SqliteCollection.Name)]
public sealed class AuditReplayTestsOnSqlite(SqliteDatabaseFixture database) : AuditReplayTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class AuditReplayTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : AuditReplayTests(database);
