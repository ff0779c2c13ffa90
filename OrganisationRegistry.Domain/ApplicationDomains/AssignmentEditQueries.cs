using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// What the edit screens of assignments need beside the read lists: the ids and versions that the write commands
/// carry, and the categories to choose from. Each call makes its own short-lived context (Blazor circuits live long).
/// </summary>
public sealed class AssignmentEditQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>The assignment with <paramref name="id"/> as it is now (its current version), or <c>null</c> when it no longer exists.</summary>
    public async Task<EditableAssignment?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.DomainAssignments.AsNoTracking().Where(a => a.Id == id).Select(ToEditable).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The assignments of the organisation <paramref name="ovoCode"/> (only those valid on <paramref name="asOn"/> when given), by domain and start.</summary>
    public async Task<IReadOnlyList<EditableAssignment>> ForOrganisationAsync(OvoCode ovoCode, DateOnly? asOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var items = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.Organisation!.OvoCode == ovoCode)
            .ValidOn(asOn)
            .Select(ToEditable)
            .ToListAsync(cancellationToken);

        // Put in time order here: providers disagree on where NULL ("since always") sorts.
        return [.. items.OrderBy(a => a.DomainName, StringComparer.Ordinal).ThenBy(a => a.ValidFrom ?? DateOnly.MinValue)];
    }

    /// <summary>
    /// The ids of the assignments to domain <paramref name="domainCode"/> valid on <paramref name="validOn"/> of the
    /// organisations <paramref name="ovoCodes"/> (a page of the member list): on one date an organisation has at most
    /// one assignment to a domain, because its assignments to one domain never overlap.
    /// </summary>
    public async Task<IReadOnlyDictionary<OvoCode, Guid>> MemberAssignmentIdsAsync(
        string domainCode, IReadOnlyCollection<OvoCode> ovoCodes, DateOnly validOn, CancellationToken cancellationToken = default)
    {
        if (ovoCodes.Count == 0)
        {
            return new Dictionary<OvoCode, Guid>();
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var codes = ovoCodes.ToList();
        var rows = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.ApplicationDomain!.Code == domainCode && codes.Contains(a.Organisation!.OvoCode))
            .ValidOn(validOn)
            .Select(a => new { a.Organisation!.OvoCode, a.Id })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(r => r.OvoCode).ToDictionary(g => g.Key, g => g.First().Id);
    }

    /// <summary>The id of the domain with <paramref name="code"/> (the resource of the rights), or <c>null</c> when there is none.</summary>
    public async Task<Guid?> DomainIdAsync(string code, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ApplicationDomains.Where(d => d.Code == code).Select(d => (Guid?)d.Id).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Every domain with its id (the resource of the rights) and its categories in their order, inactive ones included.</summary>
    public async Task<IReadOnlyList<DomainWithCategories>> DomainsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var domains = await db.ApplicationDomains.AsNoTracking()
            .OrderBy(d => d.Name)
            .Select(d => new { d.Id, d.Code, d.Name })
            .ToListAsync(cancellationToken);
        var categories = (await db.DomainCategories.AsNoTracking()
                .OrderBy(c => c.SortOrder)
                .ThenBy(c => c.Name)
                .Select(c => new { c.ApplicationDomainId, Item = new CategoryChoice(c.Code, c.Name, c.IsActive) })
                .ToListAsync(cancellationToken))
            .ToLookup(c => c.ApplicationDomainId, c => c.Item);
        return [.. domains.Select(d => new DomainWithCategories(d.Id, d.Code, d.Name, [.. categories[d.Id]]))];
    }

    private static readonly Expression<Func<DomainAssignment, EditableAssignment>> ToEditable = a => new EditableAssignment(
        a.Id,
        a.Version,
        a.ApplicationDomainId,
        a.ApplicationDomain!.Code,
        a.ApplicationDomain.Name,
        a.Organisation!.OvoCode,
        a.Organisation.Name,
        a.Category!.Code,
        a.Category.Name,
        a.ValidFrom,
        a.ValidTo,
        a.ParentOrganisation != null ? (OvoCode?)a.ParentOrganisation.OvoCode : null,
        a.ParentOrganisation != null ? a.ParentOrganisation.Name : null,
        a.Remark);
}

/// <summary>An assignment with what its edit commands need: its id, the version it is at and its domain's id.</summary>
public sealed record EditableAssignment(
    Guid Id,
    long Version,
    Guid DomainId,
    string DomainCode,
    string DomainName,
    OvoCode OvoCode,
    string OrganisationName,
    string CategoryCode,
    string CategoryName,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    OvoCode? ParentOvoCode,
    string? ParentName,
    string? Remark)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>A domain with its id and its categories (in their order), for choosing a domain and a category.</summary>
public sealed record DomainWithCategories(Guid Id, string Code, string Name, IReadOnlyList<CategoryChoice> Categories);

/// <summary>A category to choose; inactive ones cannot be chosen for new assignments, but stay on existing ones.</summary>
public sealed record CategoryChoice(string Code, string Name, bool IsActive);
