using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Seeding;

/// <summary>The seed on a real database of every provider: reference data, determinism and the model's rules.</summary>
public abstract class SeedingTests(DatabaseFixture database) : IAsyncLifetime
{
    public async ValueTask InitializeAsync() => await database.ResetAsync();

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private RegistrySeeder Seeder => database.Services.GetRequiredService<RegistrySeeder>();

    [Fact]
    public async Task ReferenceData_SeededTwice_IsAddedOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var first = await Seeder.SeedAsync(new SeedOptions(Organisations: 0), cancellationToken: ct);
        var afterFirst = await ReferenceCountsAsync(ct);
        var second = await Seeder.SeedAsync(new SeedOptions(Organisations: 0), cancellationToken: ct);
        var afterSecond = await ReferenceCountsAsync(ct);

        Assert.True(first.ReferenceData.Added > 0);
        Assert.Equal(new ReferenceDataChanges(0, 0), second.ReferenceData);
        Assert.Equal(afterFirst, afterSecond);
        Assert.Equal(
            new ReferenceCounts(
                Domains: 2,
                Categories: ReferenceCatalogue.ApplicationDomains.Sum(d => d.Categories.Count),
                Stewards: 2,
                PolicyDomains: ReferenceCatalogue.PolicyDomains.Count,
                KeyTypes: ReferenceCatalogue.KeyTypes.Count,
                Organisations: ReferenceCatalogue.Organisations.Count,
                Parents: ReferenceCatalogue.Organisations.Count(o => o.ParentName is not null),
                Assignments: afterFirst.Assignments),
            afterFirst);
        Assert.True(afterFirst.Assignments >= 40, $"Only {afterFirst.Assignments} reference assignments.");
    }

    [Fact]
    public async Task ReferenceData_NamesTheStewardsOfBothDomains()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seeder.SeedAsync(new SeedOptions(Organisations: 0), cancellationToken: ct);

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var stewards = await db.DomainStewards
            .Join(db.ApplicationDomains, s => s.ApplicationDomainId, d => d.Id, (s, d) => new { d.Code, s.OrganisationId })
            .Join(db.Organisations, s => s.OrganisationId, o => o.Id, (s, o) => new { s.Code, o.ShortName })
            .ToListAsync(ct);
        Assert.Equal([("bestuursdecreet", "AOP"), ("vco", "DFB")], stewards.Select(s => (s.Code, s.ShortName)).Order());
        Assert.Equal(Article.Het, (await db.ApplicationDomains.SingleAsync(d => d.Code == "bestuursdecreet", ct)).Article);
    }

    [Fact]
    public async Task SameRandomSeed_OnAResetDatabase_GivesTheSameData_AndAnotherSeedDoesNot()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seeder.SeedAsync(new SeedOptions(800, RandomSeed: 7, Reset: true), cancellationToken: ct);
        var first = await SnapshotAsync(ct);
        await Seeder.SeedAsync(new SeedOptions(800, RandomSeed: 7, Reset: true), cancellationToken: ct);
        var again = await SnapshotAsync(ct);
        await Seeder.SeedAsync(new SeedOptions(800, RandomSeed: 8, Reset: true), cancellationToken: ct);
        var other = await SnapshotAsync(ct);

        Assert.Equal(800 + ReferenceCatalogue.Organisations.Count, first.Count);
        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task GeneratedOrganisations_KeepEveryRuleOfTheModel()
    {
        var ct = TestContext.Current.CancellationToken;
        const int generated = 3000;
        var result = await Seeder.SeedAsync(new SeedOptions(generated, RandomSeed: 42), cancellationToken: ct);
        Assert.Equal(generated, result.Organisations);

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var parents = await db.OrganisationParents.AsNoTracking().ToListAsync(ct);
        var keys = await db.OrganisationKeys.AsNoTracking().ToListAsync(ct);
        var assignments = await db.DomainAssignments.AsNoTracking().ToListAsync(ct);
        var total = generated + ReferenceCatalogue.Organisations.Count;

        // OVO codes 1..N without gaps, and the counter goes on after them.
        Assert.Equal(Enumerable.Range(1, total), organisations.Select(o => o.OvoCode.Number).Order());
        Assert.Equal(total + 1, (await db.Sequences.SingleAsync(s => s.Name == RegistrySequence.OvoCode, ct)).NextValue);
        Assert.All(organisations, o => Assert.Equal(1, o.Version));

        // KBO numbers: valid check digits, and no two organisations share one.
        var kboNumbers = organisations.Where(o => o.KboNumber is not null).Select(o => o.KboNumber!.Value.Digits).ToList();
        Assert.True(kboNumbers.Count > generated / 20, $"Only {kboNumbers.Count} KBO numbers.");
        Assert.All(kboNumbers, digits => Assert.True(KboNumber.TryParse(digits, out _), $"{digits} is not a valid KBO number."));
        Assert.Equal(kboNumbers.Count, kboNumbers.Distinct().Count());

        // Periods of one kind never overlap.
        AssertNoOverlap(parents.GroupBy(p => p.OrganisationId), p => p.Validity, "parents");
        AssertNoOverlap(assignments.GroupBy(a => (a.OrganisationId, a.ApplicationDomainId)), a => a.Validity, "assignments to a domain");
        AssertNoOverlap(keys.GroupBy(k => (k.KeyTypeId, k.Value)), k => k.Validity, "organisations with one key value");

        // No cycles, in the structure nor within a domain.
        AssertNoCycles(parents.Select(p => p.ToLink()).ToList(), "structure");
        foreach (var domain in assignments.GroupBy(a => a.ApplicationDomainId))
        {
            AssertNoCycles(
                [.. domain.Where(a => a.ParentOrganisationId is not null).Select(a => new DatedLink(a.OrganisationId, a.ParentOrganisationId!.Value, a.Validity))],
                "domain hierarchy");
        }

        // Realistic: trees of some depth, ended organisations, ended assignments and parents within a domain.
        Assert.InRange(MaxDepth(parents), 4, OrganisationGenerator.MaxDepth + 1);
        Assert.Contains(organisations, o => o.ValidTo < new DateOnly(2026, 1, 1));
        Assert.Contains(parents, p => p.ValidTo is not null && parents.Any(q => q.OrganisationId == p.OrganisationId && q.ValidFrom == p.ValidTo.Value.AddDays(1)));
        Assert.Equal(2, assignments.Select(a => a.ApplicationDomainId).Distinct().Count());
        Assert.Contains(assignments, a => a.ValidTo is not null);
        Assert.Contains(assignments, a => a.ParentOrganisationId is not null && organisations.Single(o => o.Id == a.OrganisationId).OvoCode.Number > ReferenceCatalogue.Organisations.Count);
        Assert.Equal(4, keys.Select(k => k.KeyTypeId).Distinct().Count());
    }

    [Fact]
    public async Task SeedingAgain_WithoutReset_AddsOrganisationsAfterTheFirst_AndKeepsKboAndKeysUnique()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seeder.SeedAsync(new SeedOptions(500, RandomSeed: 1), cancellationToken: ct);
        await Seeder.SeedAsync(new SeedOptions(500, RandomSeed: 1), cancellationToken: ct);

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        Assert.Equal(1000 + ReferenceCatalogue.Organisations.Count, organisations.Count);
        var kboNumbers = organisations.Where(o => o.KboNumber is not null).Select(o => o.KboNumber!.Value).ToList();
        Assert.Equal(kboNumbers.Count, kboNumbers.Distinct().Count());
        var keys = await db.OrganisationKeys.AsNoTracking().ToListAsync(ct);
        AssertNoOverlap(keys.GroupBy(k => (k.KeyTypeId, k.Value)), k => k.Validity, "organisations with one key value");
    }

    [Fact]
    public async Task AfterASeed_TheAppIssuesTheNextOvoCode()
    {
        var ct = TestContext.Current.CancellationToken;
        await Seeder.SeedAsync(new SeedOptions(120), cancellationToken: ct);

        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var next = await OvoCodeIssuer.NextAsync(db, ct);
        Assert.Equal(120 + ReferenceCatalogue.Organisations.Count + 1, next.Number);
    }

    [Fact]
    public async Task BulkInserter_StoresValuesAsEfCoreDoes()
    {
        var ct = TestContext.Current.CancellationToken;
        var details = new OrganisationDetails(
            "Stad Gent",
            ShortName: "Gent",
            Article: Article.De,
            KboNumber: KboNumber.Parse("0207.451.227"),
            Validity: new Validity(new DateOnly(1977, 1, 1), new DateOnly(2030, 12, 31)));
        await using (var db = await database.Contexts.CreateDbContextAsync(ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            db.Organisations.Add(Organisation.Create(OvoCode.FromNumber(1), details));
            await db.SaveChangesAsync(ct);
            await using (var inserter = BulkInserter.Begin(db))
            {
                await inserter.InsertAsync([Organisation.Create(OvoCode.FromNumber(2), details)], ct);
            }

            await transaction.CommitAsync(ct);
        }

        await using var check = await database.Contexts.CreateDbContextAsync(ct);
        var raw = await RawRowsAsync(check, "Organisations", ct);
        Assert.Equal(2, raw.Count);
        foreach (var column in raw[0].Keys.Where(c => c is not "Id" and not "OvoCode"))
        {
            Assert.Equal(raw[0][column], raw[1][column]);
        }

        Assert.Equal(raw[0]["Id"]!.GetType(), raw[1]["Id"]!.GetType());
        var bulk = await check.Organisations.SingleAsync(o => o.OvoCode == OvoCode.FromNumber(2), ct);
        Assert.Equal(details.KboNumber, bulk.KboNumber);
        Assert.Equal(details.Validity, bulk.Validity);
        Assert.Equal(1, bulk.Version);
        Assert.Equal(1, await check.Organisations.CountAsync(o => o.ValidFrom == new DateOnly(1977, 1, 1) && o.OvoCode == OvoCode.FromNumber(2), ct));
    }

    private static void AssertNoOverlap<TKey, T>(IEnumerable<IGrouping<TKey, T>> groups, Func<T, Validity> validity, string what)
    {
        foreach (var group in groups)
        {
            var items = group.ToList();
            for (var i = 0; i < items.Count; i++)
            {
                for (var j = i + 1; j < items.Count; j++)
                {
                    Assert.False(validity(items[i]).Overlaps(validity(items[j])), $"Overlapping {what} for {group.Key}: {validity(items[i])} and {validity(items[j])}.");
                }
            }
        }
    }

    /// <summary>A link closes a cycle when, on some date, following the parents from its parent leads back to its child.</summary>
    private static void AssertNoCycles(IReadOnlyList<DatedLink> links, string what)
    {
        var byChild = links.ToLookup(l => l.Child);
        foreach (var link in links)
        {
            var cycle = TemporalHierarchy.FindCycle(link.Child, link.Parent, link.Validity, id => byChild[id].Where(l => l != link));
            Assert.True(cycle is null, $"Cycle in the {what} through {link.Child} {cycle}.");
        }
    }

    private static int MaxDepth(IReadOnlyList<OrganisationParent> parents)
    {
        var parentsOf = parents.ToLookup(p => p.OrganisationId, p => p.ParentOrganisationId);
        var depths = new Dictionary<Guid, int>();
        int Depth(Guid id) =>
            depths.TryGetValue(id, out var known) ? known : depths[id] = parentsOf[id].Select(p => Depth(p) + 1).DefaultIfEmpty(0).Max();
        return parents.Select(p => Depth(p.OrganisationId)).Max();
    }

    private async Task<ReferenceCounts> ReferenceCountsAsync(CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        return new ReferenceCounts(
            await db.ApplicationDomains.CountAsync(ct),
            await db.DomainCategories.CountAsync(ct),
            await db.DomainStewards.CountAsync(ct),
            await db.PolicyDomains.CountAsync(ct),
            await db.KeyTypes.CountAsync(ct),
            await db.Organisations.CountAsync(ct),
            await db.OrganisationParents.CountAsync(ct),
            await db.DomainAssignments.CountAsync(ct));
    }

    /// <summary>Per organisation in OVO order: name, KBO number, parents (OVO and period), keys and assignments.</summary>
    private async Task<List<string>> SnapshotAsync(CancellationToken ct)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(ct);
        var organisations = await db.Organisations.AsNoTracking()
            .Include(o => o.Parents).Include(o => o.Keys).Include(o => o.Assignments).ThenInclude(a => a.Category)
            .AsSplitQuery()
            .ToListAsync(ct);
        var ovo = organisations.ToDictionary(o => o.Id, o => o.OvoCode.Value);
        return
        [
            .. organisations.OrderBy(o => o.OvoCode.Number).Select(o => string.Join(
                " | ",
                o.OvoCode.Value,
                o.Name,
                o.KboNumber?.Digits,
                o.Validity,
                string.Join(", ", o.Parents.OrderBy(p => p.ValidFrom).Select(p => $"{ovo[p.ParentOrganisationId]} {p.Validity}")),
                string.Join(", ", o.Keys.OrderBy(k => k.Value).Select(k => $"{k.Value} {k.Validity}")),
                string.Join(", ", o.Assignments.OrderBy(a => a.ValidFrom).Select(a => $"{a.Category!.Code} {a.Validity} {(a.ParentOrganisationId is { } p ? ovo[p] : null)}")))),
        ];
    }

    private static async Task<List<Dictionary<string, object?>>> RawRowsAsync(RegistryDbContext db, string table, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" ORDER BY \"OvoCode\"";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync(ct))
        {
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        }

        return rows;
    }

    private sealed record ReferenceCounts(int Domains, int Categories, int Stewards, int PolicyDomains, int KeyTypes, int Organisations, int Parents, int Assignments);
}

[Collection(SqliteCollection.Name)]
public sealed class SeedingTestsOnSqlite(SqliteDatabaseFixture database) : SeedingTests(database);

[Collection(PostgreSqlCollection.Name)]
public sealed class SeedingTestsOnPostgreSql(PostgreSqlDatabaseFixture database) : SeedingTests(database);
