namespace OrganisationRegistry.Admin.Api;

/// <summary>An application domain: a regulation that says which organisations it covers, in which category.</summary>
/// <param name="Code">The domain's code (<c>bestuursdecreet</c>, <c>vco</c>), used in assignments and addresses.</param>
/// <param name="Name">The domain's name.</param>
/// <param name="Description">What the domain covers, or <c>null</c>.</param>
/// <param name="LegalReference">The legal source (<c>Decreet van 7 december 2018</c>), or <c>null</c>.</param>
/// <param name="Categories">The domain's categories in their order, inactive ones included.</param>
/// <param name="Stewards">The organisations that manage the domain's assignments.</param>
public sealed record ApiApplicationDomain(
    string Code,
    string Name,
    string? Description,
    string? LegalReference,
    IReadOnlyList<ApiDomainCategory> Categories,
    IReadOnlyList<ApiDomainSteward> Stewards);

/// <summary>A category of an application domain.</summary>
/// <param name="Code">The category's code within its domain.</param>
/// <param name="Name">The category's name.</param>
/// <param name="Active">Whether new assignments may use it; inactive categories stay on existing assignments.</param>
public sealed record ApiDomainCategory(string Code, string Name, bool Active);

/// <summary>An organisation that stewards an application domain (its domain experts manage the assignments).</summary>
/// <param name="Ovo">The steward's OVO code.</param>
/// <param name="Name">The steward's name.</param>
public sealed record ApiDomainSteward(string Ovo, string Name);

/// <summary>An organisation assigned to an application domain on the date asked for.</summary>
/// <param name="AssignmentId">The id of the assignment (address: <c>/api/v1/organisations/{ovo}/assignments/{assignmentId}</c>).</param>
/// <param name="Ovo">The organisation's OVO code.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Category">The code of the assignment's category.</param>
/// <param name="ValidFrom">The assignment's first day, or <c>null</c> (since always).</param>
/// <param name="ValidTo">The assignment's last day, or <c>null</c> (open-ended).</param>
/// <param name="ParentOvo">The OVO code of the parent within the domain, or <c>null</c>.</param>
public sealed record ApiDomainMember(
    Guid? AssignmentId,
    string Ovo,
    string Name,
    string Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvo);
