using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Tests.Domain.Seeding;

/// <summary>The generator on reference data held in memory: determinism, structure and identifiers.</summary>
public sealed class OrganisationGeneratorTests
{
    private static readonly DateOnly AsOf = new(2026, 1, 1);

    [Fact]
    public void SameSeed_GivesTheSameOrganisations_AnotherSeedOthers()
    {
        var reference = InMemoryReference();
        var first = Describe(Generate(seed: 5, count: 2000, reference), reference);
        var again = Describe(Generate(seed: 5, count: 2000, reference), reference);
        var other = Describe(Generate(seed: 6, count: 2000, reference), reference);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Generate_MakesExactlyTheCount_EachWithTheNextCode()
    {
        var organisations = Generate(seed: 1, count: 1234);

        Assert.Equal(1234, organisations.Count);
        Assert.Equal(Enumerable.Range(1001, 1234), organisations.Select(o => o.OvoCode.Number));
    }

    [Fact]
    public void Parents_AreGeneratedEarlierOrReference_AndTreesStayWithinFiveLevels()
    {
        var reference = InMemoryReference();
        var organisations = Generate(seed: 3, count: 5000, reference);
        var position = organisations.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var referenceIds = reference.Organisations.Select(o => o.Id).ToHashSet();

        foreach (var organisation in organisations)
        {
            var parentIds = organisation.Parents.Select(p => p.ParentOrganisationId)
                .Concat(organisation.Assignments.Where(a => a.ParentOrganisationId is not null).Select(a => a.ParentOrganisationId!.Value));
            Assert.All(parentIds, id => Assert.True(referenceIds.Contains(id) || position[id] < position[organisation.Id]));
        }

        var parentOf = organisations.ToDictionary(o => o.Id, o => o.Parents.FirstOrDefault()?.ParentOrganisationId);
        int Depth(Guid id) => parentOf.TryGetValue(id, out var parent) && parent is { } p ? 1 + Depth(p) : 0;
        var depths = organisations.Select(o => Depth(o.Id)).ToList();
        Assert.Equal(OrganisationGenerator.MaxDepth, depths.Max());
    }

    [Fact]
    public void KboNumbersAndKeyValues_AreValid_AndAvoidThoseInUse()
    {
        var reference = InMemoryReference();
        var probe = Generate(seed: 9, count: 3000, reference);
        var takenKbo = probe.Where(o => o.KboNumber is not null).Take(50).Select(o => o.KboNumber!.Value.Digits).ToList();
        var takenKeys = probe.SelectMany(o => o.Keys).Take(50).ToList();
        var keyCodes = reference.KeyTypes.Values.ToDictionary(k => k.Id, k => k.Code);
        var usedKeys = takenKeys.GroupBy(k => keyCodes[k.KeyTypeId]).ToDictionary(g => g.Key, g => g.Select(k => k.Value));

        var organisations = new OrganisationGenerator(9, reference, AsOf, takenKbo, usedKeys)
            .Generate(3000, Codes(1001)).ToList();

        var kbo = organisations.Where(o => o.KboNumber is not null).Select(o => o.KboNumber!.Value.Digits).ToList();
        Assert.All(kbo, digits => Assert.True(KboNumber.TryParse(digits, out _)));
        Assert.Equal(kbo.Count, kbo.Distinct().Count());
        Assert.Empty(kbo.Intersect(takenKbo));
        var keys = organisations.SelectMany(o => o.Keys).Select(k => (k.KeyTypeId, k.Value)).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Empty(keys.Intersect(takenKeys.Select(k => (k.KeyTypeId, k.Value))));
    }

    [Fact]
    public void EndDates_LieBeforeTheDayOfTheData_AndChildrenLiveWithinTheirParentLinks()
    {
        var organisations = Generate(seed: 11, count: 4000);

        Assert.All(organisations.Where(o => o.ValidTo is not null), o => Assert.True(o.ValidTo < AsOf));
        foreach (var organisation in organisations.Where(o => o.Parents.Count > 0))
        {
            // The links together cover exactly the organisation's own life.
            var links = organisation.Parents.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue).ToList();
            Assert.Equal(organisation.ValidFrom, links[0].ValidFrom);
            Assert.Equal(organisation.ValidTo, links[^1].ValidTo);
            for (var i = 1; i < links.Count; i++)
            {
                Assert.Equal(links[i - 1].ValidTo!.Value.AddDays(1), links[i].ValidFrom);
            }
        }
    }

    [Fact]
    public void SeedRandom_RepeatsItsSequence_AndStaysInBounds()
    {
        var a = new SeedRandom(123);
        var b = new SeedRandom(123);
        var values = Enumerable.Range(0, 1000).Select(_ => a.Between(3, 7)).ToList();

        Assert.Equal(values, Enumerable.Range(0, 1000).Select(_ => b.Between(3, 7)));
        Assert.Equal([3, 4, 5, 6, 7], values.Distinct().Order());
        Assert.Equal(new DateOnly(2020, 1, 1), new SeedRandom(1).DateBetween(new DateOnly(2020, 1, 1), new DateOnly(2019, 1, 1)));
    }

    [Fact]
    public void DeleteOrder_PutsEveryTableBeforeTheTablesItPointsTo()
    {
        using var db = new SqliteRegistryDbContext(new DbContextOptionsBuilder<SqliteRegistryDbContext>().UseSqlite("Data Source=:memory:").Options);
        var order = DatabaseReset.InDeleteOrder(db.Model).ToList();

        Assert.Equal(db.Model.GetEntityTypes().Count(), order.Count);
        foreach (var foreignKey in db.Model.GetEntityTypes().SelectMany(e => e.GetForeignKeys()).Where(fk => fk.DeclaringEntityType != fk.PrincipalEntityType))
        {
            Assert.True(order.IndexOf(foreignKey.DeclaringEntityType) < order.IndexOf(foreignKey.PrincipalEntityType), $"{foreignKey.DeclaringEntityType.DisplayName()} must be emptied before {foreignKey.PrincipalEntityType.DisplayName()}.");
        }
    }

    private static List<Organisation> Generate(long seed, int count, ReferenceSet? reference = null) =>
        [.. new OrganisationGenerator(seed, reference ?? InMemoryReference(), AsOf, [], new Dictionary<string, IEnumerable<string>>())
            .Generate(count, Codes(1001))];

    private static Func<OvoCode> Codes(int first)
    {
        var next = first;
        return () => OvoCode.FromNumber(next++);
    }

    /// <summary>Name, KBO, validity and the position of each parent: everything but the random ids.</summary>
    private static List<string> Describe(List<Organisation> organisations, ReferenceSet reference)
    {
        var ovo = organisations.ToDictionary(o => o.Id, o => o.OvoCode.Value);
        var category = reference.Domains.Values.SelectMany(d => d.Categories).ToDictionary(c => c.Id, c => c.Code);
        return
        [
            .. organisations.Select(o => string.Join(
                " | ",
                o.OvoCode.Value,
                o.Name,
                o.KboNumber?.Digits,
                o.Validity,
                string.Join(", ", o.Parents.Select(p => $"{ovo.GetValueOrDefault(p.ParentOrganisationId, "reference")} {p.Validity}")),
                string.Join(", ", o.Keys.Select(k => k.Value)),
                string.Join(", ", o.Assignments.Select(a => $"{category[a.CategoryId]} {a.Validity} {(a.ParentOrganisationId is { } p ? ovo.GetValueOrDefault(p, "reference") : null)}")))),
        ];
    }

    /// <summary>The catalogue's reference data as new objects, the way the reference seeder creates it in an empty database.</summary>
    private static ReferenceSet InMemoryReference()
    {
        var domains = ReferenceCatalogue.ApplicationDomains.ToDictionary(s => s.Code, s =>
        {
            var domain = new ApplicationDomain(s.Code, s.Name, s.Article, s.Description, s.LegalReference);
            for (var i = 0; i < s.Categories.Count; i++)
            {
                domain.AddCategory(s.Categories[i].Code, s.Categories[i].Name, i);
            }

            return domain;
        });
        var policyDomains = ReferenceCatalogue.PolicyDomains.ToDictionary(p => p.Code, p => new PolicyDomain(p.Code, p.Name));
        var keyTypes = ReferenceCatalogue.KeyTypes.ToDictionary(k => k.Code, k => new KeyType(k.Code, k.Name));
        var organisations = ReferenceCatalogue.Organisations
            .Select((s, i) => Organisation.Create(
                OvoCode.FromNumber(i + 1),
                new OrganisationDetails(s.Name, s.ShortName, s.Article, null, null, new Validity(s.ValidFrom, s.ValidTo), policyDomains[s.PolicyDomainCode].Id)))
            .ToList();
        return new ReferenceSet(domains, policyDomains, keyTypes, organisations);
    }
}
