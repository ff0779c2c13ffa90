using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// What the edit screens of organisations need beside <see cref="OrganisationQueries"/>: ids (the resources of the
/// rights), the versions that the write commands carry, and the reference data to choose from. Each call makes its
/// own short-lived context (Blazor circuits live long).
/// </summary>
public sealed class OrganisationEditQueries(IDbContextFactory<RegistryDbContext> contexts)
{
    /// <summary>The organisation's general data as it is now (its current version), or <c>null</c> when there is none.</summary>
    public async Task<EditableOrganisation?> GetAsync(OvoCode ovoCode, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Organisations.AsNoTracking()
            .Where(o => o.OvoCode == ovoCode)
            .Select(o => new EditableOrganisation(
                o.Id,
                o.Version,
                o.OvoCode,
                o.Name,
                o.ShortName,
                o.Article,
                o.Description,
                o.KboNumber,
                o.ValidFrom,
                o.ValidTo,
                o.PolicyDomain != null ? o.PolicyDomain.Code : null,
                o.LegalForm,
                o.RegisteredSeat,
                o.NameBeforeKbo,
                o.ShortNameBeforeKbo,
                o.KboStoppedOn))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The organisation's periods under a parent (only those valid on <paramref name="asOn"/> when given), in time order.</summary>
    public async Task<IReadOnlyList<EditableParentLink>> ParentLinksAsync(OvoCode ovoCode, DateOnly? asOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var links = await db.OrganisationParents.AsNoTracking()
            .Where(p => db.Organisations.Any(o => o.Id == p.OrganisationId && o.OvoCode == ovoCode))
            .ValidOn(asOn)
            .Select(ToParentLink)
            .ToListAsync(cancellationToken);
        return [.. links.OrderBy(p => p.ValidFrom ?? DateOnly.MinValue)];
    }

    /// <summary>One period under a parent as it is now, or <c>null</c> when it no longer exists.</summary>
    public async Task<EditableParentLink?> ParentLinkAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OrganisationParents.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(ToParentLink)
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>The organisation's keys (only those valid on <paramref name="asOn"/> when given), by type and start.</summary>
    public async Task<IReadOnlyList<EditableKey>> KeysAsync(OvoCode ovoCode, DateOnly? asOn, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var keys = await db.OrganisationKeys.AsNoTracking()
            .Where(k => db.Organisations.Any(o => o.Id == k.OrganisationId && o.OvoCode == ovoCode))
            .ValidOn(asOn)
            .Select(ToKey)
            .ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.KeyTypeName, StringComparer.Ordinal).ThenBy(k => k.ValidFrom ?? DateOnly.MinValue)];
    }

    /// <summary>One key as it is now, or <c>null</c> when it no longer exists.</summary>
    public async Task<EditableKey?> KeyAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OrganisationKeys.AsNoTracking()
            .Where(k => k.Id == id)
            .Select(ToKey)
            .SingleOrDefaultAsync(cancellationToken);
    }

    private static readonly Expression<Func<OrganisationParent, EditableParentLink>> ToParentLink = p => new EditableParentLink(
        p.Id, p.Version, p.ParentOrganisationId, p.ParentOrganisation!.OvoCode, p.ParentOrganisation.Name, p.ValidFrom, p.ValidTo);

    private static readonly Expression<Func<OrganisationKey, EditableKey>> ToKey = k => new EditableKey(
        k.Id, k.Version, k.KeyType!.Code, k.KeyType.Name, k.Value, k.ValidFrom, k.ValidTo);

    /// <summary>The key types by name, to choose from.</summary>
    public async Task<IReadOnlyList<ReferenceChoice>> KeyTypesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.KeyTypes.AsNoTracking().OrderBy(k => k.Name).Select(k => new ReferenceChoice(k.Code, k.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The policy domains by name, to choose from.</summary>
    public async Task<IReadOnlyList<ReferenceChoice>> PolicyDomainsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PolicyDomains.AsNoTracking().OrderBy(p => p.Name).Select(p => new ReferenceChoice(p.Code, p.Name)).ToListAsync(cancellationToken);
    }
}

/// <summary>An organisation's general data with its id and the version it is at, and its legal data from the KBO while coupled.</summary>
public sealed record EditableOrganisation(
    Guid Id,
    long Version,
    OvoCode OvoCode,
    string Name,
    string? ShortName,
    Article? Article,
    string? Description,
    KboNumber? KboNumber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? PolicyDomainCode,
    string? LegalForm = null,
    string? RegisteredSeat = null,
    string? NameBeforeKbo = null,
    string? ShortNameBeforeKbo = null,
    DateOnly? KboStoppedOn = null)
{
    /// <summary>Coupled to the KBO: the name and the short name come from the KBO and are not edited by hand.</summary>
    public bool IsCoupledToKbo => KboNumber is not null;
}

/// <summary>A period under a parent organisation, with the ids and the version its edit commands need.</summary>
public sealed record EditableParentLink(
    Guid Id,
    long Version,
    Guid ParentId,
    OvoCode ParentOvoCode,
    string ParentName,
    DateOnly? ValidFrom,
    DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>A key in another system, with the id and the version its edit commands need.</summary>
public sealed record EditableKey(Guid Id, long Version, string KeyTypeCode, string KeyTypeName, string Value, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>An item of reference data (a key type, a policy domain) to choose, by its code.</summary>
public sealed record ReferenceChoice(string Code, string Name);
