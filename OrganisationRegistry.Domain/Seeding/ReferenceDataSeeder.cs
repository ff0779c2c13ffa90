using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Seeding;

/// <summary>The reference data as stored, for generating organisations around it.</summary>
public sealed class ReferenceSet(
    IReadOnlyDictionary<string, ApplicationDomain> domains,
    IReadOnlyDictionary<string, PolicyDomain> policyDomains,
    IReadOnlyDictionary<string, KeyType> keyTypes,
    IReadOnlyList<Organisation> organisations)
{
    public IReadOnlyDictionary<string, ApplicationDomain> Domains { get; } = domains;

    public IReadOnlyDictionary<string, PolicyDomain> PolicyDomains { get; } = policyDomains;

    public IReadOnlyDictionary<string, KeyType> KeyTypes { get; } = keyTypes;

    /// <summary>The reference organisations in catalogue order.</summary>
    public IReadOnlyList<Organisation> Organisations { get; } = organisations;

    public Organisation Organisation(string name) => Organisations.First(o => o.Name == name);

    /// <summary>The category with <paramref name="code"/> in domain <paramref name="domainCode"/>, when it exists and is active.</summary>
    public DomainCategory? ActiveCategory(string domainCode, string code) =>
        Domains[domainCode].Categories.FirstOrDefault(c => c.Code == code && c.IsActive);
}

/// <summary>How much reference data a run added or changed.</summary>
public sealed record ReferenceDataChanges(int Added, int Updated);

/// <summary>
/// Adds the <see cref="ReferenceCatalogue"/> to the database, or brings it up to date: everything is found again by its
/// stable code (organisations by name), so running it twice never duplicates anything. New reference organisations get
/// OVO codes from the counter like every organisation. Works through EF Core and the domain's own rules.
/// </summary>
public static class ReferenceDataSeeder
{
    public static async Task<(ReferenceSet Set, ReferenceDataChanges Changes)> SeedAsync(RegistryDbContext db, CancellationToken cancellationToken = default)
    {
        var added = new List<object>();
        var updated = 0;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var keyTypes = await db.KeyTypes.ToDictionaryAsync(k => k.Code, cancellationToken);
        foreach (var spec in ReferenceCatalogue.KeyTypes)
        {
            if (!keyTypes.TryGetValue(spec.Code, out var keyType))
            {
                keyTypes[spec.Code] = keyType = new KeyType(spec.Code, spec.Name);
                added.Add(keyType);
            }
            else if (keyType.Name != spec.Name)
            {
                keyType.Rename(spec.Name);
                updated++;
            }
        }

        // A policy domain has no behaviour to rename it: an existing one is kept as it is.
        var policyDomains = await db.PolicyDomains.ToDictionaryAsync(p => p.Code, cancellationToken);
        foreach (var spec in ReferenceCatalogue.PolicyDomains.Where(s => !policyDomains.ContainsKey(s.Code)))
        {
            var policyDomain = new PolicyDomain(spec.Code, spec.Name);
            policyDomains[spec.Code] = policyDomain;
            added.Add(policyDomain);
        }

        var domains = await db.ApplicationDomains
            .Include(d => d.Categories)
            .Include(d => d.Stewards)
            .AsSplitQuery()
            .ToDictionaryAsync(d => d.Code, cancellationToken);
        foreach (var spec in ReferenceCatalogue.ApplicationDomains)
        {
            updated += UpsertDomain(spec, domains, added);
        }

        var organisations = await UpsertOrganisationsAsync(db, policyDomains, added, cancellationToken);
        updated += organisations.Updated;
        var byName = organisations.ByName;

        foreach (var spec in ReferenceCatalogue.ApplicationDomains)
        {
            var domain = domains[spec.Code];
            var steward = byName[spec.StewardName];
            if (domain.Stewards.All(s => s.OrganisationId != steward.Id))
            {
                domain.AddSteward(steward.Id);
                added.Add(domain.Stewards.Single(s => s.OrganisationId == steward.Id));
            }
        }

        var clients = await db.ApiClients.Select(c => c.ClientId).ToListAsync(cancellationToken);
        foreach (var spec in ReferenceCatalogue.ApiClients.Where(s => !clients.Contains(s.ClientId)))
        {
            // A client is registered once; what central staff change later (scopes, organisation) stays so.
            added.Add(new ApiClient(spec.ClientId, spec.Name, byName[spec.OrganisationName].Id, spec.Scopes));
        }

        var links = new LinkSource(db, byName.Values);
        foreach (var spec in ReferenceCatalogue.Organisations)
        {
            PlaceInStructure(spec, byName, links, added);
            foreach (var domainSpec in ReferenceCatalogue.ApplicationDomains)
            {
                AssignToDomain(spec, domainSpec, domains[domainSpec.Code], byName, links, added);
            }
        }

        foreach (var entity in added)
        {
            if (db.Entry(entity).State == EntityState.Detached)
            {
                db.Add(entity);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        var set = new ReferenceSet(
            domains,
            policyDomains,
            keyTypes,
            [.. ReferenceCatalogue.Organisations.Select(s => byName[s.Name])]);
        return (set, new ReferenceDataChanges(added.Count, updated));
    }

    private static int UpsertDomain(ApplicationDomainSpec spec, Dictionary<string, ApplicationDomain> domains, List<object> added)
    {
        var updated = 0;
        if (!domains.TryGetValue(spec.Code, out var domain))
        {
            domains[spec.Code] = domain = new ApplicationDomain(spec.Code, spec.Name, spec.Article, spec.Description, spec.LegalReference);
            added.Add(domain);
        }
        else if (domain.Name != spec.Name || domain.Article != spec.Article || domain.Description != spec.Description || domain.LegalReference != spec.LegalReference)
        {
            domain.Update(spec.Name, spec.Article, spec.Description, spec.LegalReference);
            updated++;
        }

        for (var i = 0; i < spec.Categories.Count; i++)
        {
            var categorySpec = spec.Categories[i];
            var sortOrder = (i + 1) * 10;
            var category = domain.Categories.FirstOrDefault(c => c.Code == categorySpec.Code);
            if (category is null)
            {
                added.Add(domain.AddCategory(categorySpec.Code, categorySpec.Name, sortOrder));
            }
            else if (category.Name != categorySpec.Name || category.SortOrder != sortOrder)
            {
                // A steward may have switched a category off: that stays so.
                category.Update(categorySpec.Name, sortOrder, category.IsActive);
                updated++;
            }
        }

        return updated;
    }

    private static async Task<(Dictionary<string, Organisation> ByName, int Updated)> UpsertOrganisationsAsync(
        RegistryDbContext db,
        Dictionary<string, PolicyDomain> policyDomains,
        List<object> added,
        CancellationToken cancellationToken)
    {
        var names = ReferenceCatalogue.Organisations.Select(s => s.Name).ToList();
        var existing = await db.Organisations
            .Include(o => o.Parents)
            .Include(o => o.Assignments)
            .AsSplitQuery()
            .Where(o => names.Contains(o.Name))
            .ToListAsync(cancellationToken);

        // Should a name occur more than once, the oldest organisation (lowest OVO code) is the reference one.
        var byName = existing
            .GroupBy(o => o.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.MinBy(o => o.OvoCode.Number)!, StringComparer.Ordinal);

        var missing = ReferenceCatalogue.Organisations.Where(s => !byName.ContainsKey(s.Name)).ToList();
        IReadOnlyList<OvoCode> codes = missing.Count == 0 ? [] : await OvoCodeIssuer.ReserveAsync(db, missing.Count, cancellationToken);
        for (var i = 0; i < missing.Count; i++)
        {
            var spec = missing[i];
            var organisation = Organisation.Create(codes[i], Details(spec, policyDomains, kbo: null));
            byName[spec.Name] = organisation;
            added.Add(organisation);
        }

        var updated = 0;
        foreach (var spec in ReferenceCatalogue.Organisations.Except(missing))
        {
            var organisation = byName[spec.Name];
            var details = Details(spec, policyDomains, organisation.KboNumber) with
            {
                Description = organisation.Description,
                Validity = organisation.Validity == Validity.Always ? new Validity(spec.ValidFrom, spec.ValidTo) : organisation.Validity,
            };
            if (details != organisation.CurrentDetails())
            {
                organisation.Update(details);
                updated++;
            }
        }

        return (byName, updated);
    }

    private static OrganisationDetails Details(ReferenceOrganisationSpec spec, Dictionary<string, PolicyDomain> policyDomains, KboNumber? kbo) =>
        new(spec.Name, spec.ShortName, spec.Article, null, kbo, new Validity(spec.ValidFrom, spec.ValidTo), policyDomains[spec.PolicyDomainCode].Id);

    private static void PlaceInStructure(ReferenceOrganisationSpec spec, Dictionary<string, Organisation> byName, LinkSource links, List<object> added)
    {
        if (spec.ParentName is null)
        {
            return;
        }

        var organisation = byName[spec.Name];
        if (organisation.Parents.Count > 0)
        {
            return; // placed before (and perhaps moved since by a person): leave it
        }

        var parent = byName[spec.ParentName];
        var validity = new Validity(Later(organisation.ValidFrom, parent.ValidFrom), organisation.ValidTo);
        added.Add(organisation.AddParent(parent, validity, links.StructureParentsOf));
    }

    private static void AssignToDomain(
        ReferenceOrganisationSpec spec,
        ApplicationDomainSpec domainSpec,
        ApplicationDomain domain,
        Dictionary<string, Organisation> byName,
        LinkSource links,
        List<object> added)
    {
        var categoryCode = domainSpec.Code == ReferenceCatalogue.Bestuursdecreet ? spec.BestuursdecreetCategory : spec.VcoCategory;
        var category = categoryCode is null ? null : domain.Categories.FirstOrDefault(c => c.Code == categoryCode && c.IsActive);
        var organisation = byName[spec.Name];
        if (category is null || organisation.Assignments.Any(a => a.ApplicationDomainId == domain.Id))
        {
            return;
        }

        var from = Later(domainSpec.InForceFrom, organisation.ValidFrom);
        if (organisation.ValidTo is { } to && to < from)
        {
            return;
        }

        // Within the domain, an agency sits below its department when the department falls under it too.
        var parent = spec.ParentName is null ? null : byName[spec.ParentName];
        if (parent is not null && !parent.Assignments.Any(a => a.ApplicationDomainId == domain.Id))
        {
            parent = null;
        }

        var validity = new Validity(from, organisation.ValidTo);
        added.Add(organisation.Assign(domain, category, validity, parent, remark: null, id => links.DomainParentsOf(domain.Id, id)));
    }

    private static DateOnly? Later(DateOnly? a, DateOnly? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static DateOnly Later(DateOnly a, DateOnly? b) => b is { } date && date > a ? date : a;

    /// <summary>The details an organisation has now, to change some of them with <c>with</c>.</summary>
    internal static OrganisationDetails CurrentDetails(this Organisation o) =>
        new(o.Name, o.ShortName, o.Article, o.Description, o.KboNumber, o.Validity, o.PolicyDomainId);

    /// <summary>Parent links for the cycle checks: from the loaded reference organisations, else from the database.</summary>
    private sealed class LinkSource(RegistryDbContext db, IEnumerable<Organisation> loaded)
    {
        private readonly Dictionary<Guid, Organisation> _loaded = loaded.ToDictionary(o => o.Id);

        public IEnumerable<DatedLink> StructureParentsOf(Guid id) =>
            _loaded.TryGetValue(id, out var organisation)
                ? organisation.Parents.Select(p => p.ToLink())
                : db.OrganisationParents.AsNoTracking().Where(p => p.OrganisationId == id).AsEnumerable().Select(p => p.ToLink()).ToList();

        public IEnumerable<DatedLink> DomainParentsOf(Guid domainId, Guid id)
        {
            var assignments = _loaded.TryGetValue(id, out var organisation)
                ? organisation.Assignments
                : db.DomainAssignments.AsNoTracking().Where(a => a.OrganisationId == id).ToList();
            return assignments
                .Where(a => a.ApplicationDomainId == domainId && a.ParentOrganisationId is not null)
                .Select(a => new DatedLink(id, a.ParentOrganisationId!.Value, a.Validity))
                .ToList();
        }
    }
}
