using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Tests.Infrastructure;

/// <summary>
/// Builds register data for tests through the domain model, so that the model's rules hold for it as for real data.
/// Every call is its own unit of work (a short-lived context, as the app uses them) and returns detached entities:
/// use them for their <c>Id</c> and <c>OvoCode</c>, or pass them back to the next call.
/// </summary>
/// <remarks>
/// A link that a behaviour method adds to a loaded aggregate is added to the context explicitly: its Guid key is set
/// by the model and the key is configured as generated on add, so change detection alone would take it for an
/// existing row and UPDATE it.
/// </remarks>
public sealed class TestData(IDbContextFactory<RegistryDbContext> contexts)
{
    public TestData(DatabaseFixture database)
        : this(database.Contexts)
    {
    }

    /// <summary>Shorthand for a period in tests: <c>Period("2020-01-01", "2021-12-31")</c>; <c>null</c> is open.</summary>
    public static Validity Period(string? from, string? to = null) =>
        new(from is null ? null : DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture),
            to is null ? null : DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture));

    public async Task<Organisation> OrganisationAsync(
        string name,
        string? shortName = null,
        string? kboNumber = null,
        Validity validity = default,
        CancellationToken cancellationToken = default) =>
        (await OrganisationsAsync(
            [new OrganisationDetails(name, shortName, KboNumber: kboNumber is null ? null : KboNumber.Parse(kboNumber), Validity: validity)],
            cancellationToken))[0];

    /// <summary>Creates organisations with OVO codes issued in sequence, in one transaction.</summary>
    public async Task<IReadOnlyList<Organisation>> OrganisationsAsync(IReadOnlyList<OrganisationDetails> details, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var codes = await OvoCodeIssuer.ReserveAsync(db, details.Count, cancellationToken);
        var organisations = details.Select((d, i) => Organisation.Create(codes[i], d)).ToList();
        db.Organisations.AddRange(organisations);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return organisations;
    }

    /// <summary>Creates a domain with categories (in the order given) and, optionally, steward organisations.</summary>
    public async Task<ApplicationDomain> DomainAsync(
        string code,
        string name,
        IReadOnlyList<(string Code, string Name)> categories,
        IReadOnlyList<Organisation>? stewards = null,
        Article? article = null,
        string? legalReference = null,
        CancellationToken cancellationToken = default)
    {
        var domain = new ApplicationDomain(code, name, article, description: null, legalReference);
        for (var i = 0; i < categories.Count; i++)
        {
            domain.AddCategory(categories[i].Code, categories[i].Name, sortOrder: i + 1);
        }

        foreach (var steward in stewards ?? [])
        {
            domain.AddSteward(steward.Id);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ApplicationDomains.Add(domain);
        await db.SaveChangesAsync(cancellationToken);
        return domain;
    }

    public async Task<KeyType> KeyTypeAsync(string code, string name, CancellationToken cancellationToken = default)
    {
        var keyType = new KeyType(code, name);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.KeyTypes.Add(keyType);
        await db.SaveChangesAsync(cancellationToken);
        return keyType;
    }

    public async Task KeyAsync(Organisation organisation, KeyType keyType, string value, Validity validity = default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Organisations.Include(o => o.Keys).SingleAsync(o => o.Id == organisation.Id, cancellationToken);
        db.OrganisationKeys.Add(stored.AddKey(keyType, value, validity));
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Places <paramref name="child"/> under <paramref name="parent"/> for <paramref name="validity"/>.</summary>
    public async Task ParentAsync(Organisation child, Organisation parent, Validity validity = default, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var storedChild = await db.Organisations.Include(o => o.Parents).SingleAsync(o => o.Id == child.Id, cancellationToken);
        var storedParent = await db.Organisations.SingleAsync(o => o.Id == parent.Id, cancellationToken);
        var link = storedChild.AddParent(storedParent, validity, id =>
            [.. db.OrganisationParents.AsNoTracking().Where(p => p.OrganisationId == id).AsEnumerable().Select(p => p.ToLink())]);
        db.OrganisationParents.Add(link);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Assigns <paramref name="organisation"/> to <paramref name="domain"/> in the category with <paramref name="categoryCode"/>.</summary>
    public async Task AssignAsync(
        Organisation organisation,
        ApplicationDomain domain,
        string categoryCode,
        Validity validity = default,
        Organisation? parent = null,
        string? remark = null,
        CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var stored = await db.Organisations.Include(o => o.Assignments).SingleAsync(o => o.Id == organisation.Id, cancellationToken);
        var storedDomain = await db.ApplicationDomains.Include(d => d.Categories).SingleAsync(d => d.Id == domain.Id, cancellationToken);
        var category = storedDomain.Categories.Single(c => c.Code == categoryCode);
        var storedParent = parent is null ? null : await db.Organisations.SingleAsync(o => o.Id == parent.Id, cancellationToken);
        var assignment = stored.Assign(storedDomain, category, validity, storedParent, remark, id =>
            [.. db.DomainAssignments.AsNoTracking()
                .Where(a => a.OrganisationId == id && a.ApplicationDomainId == domain.Id && a.ParentOrganisationId != null)
                .AsEnumerable()
                .Select(a => new DatedLink(id, a.ParentOrganisationId!.Value, a.Validity))]);
        db.DomainAssignments.Add(assignment);
        await db.SaveChangesAsync(cancellationToken);
    }
}
