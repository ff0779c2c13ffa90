using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Admin.Api;

// The shapes of the organisation resources of the API. Dates are yyyy-MM-dd, null for an open end; an OVO code is
// OVO000123; a KBO number is its ten digits. The request records document the bodies (OpenAPI); the endpoints read
// the bodies field by field (OrganisationRequestBody) so that every mistake names its field.

/// <summary>An organisation in a list.</summary>
/// <param name="Ovo">The OVO code, the organisation's permanent identifier (<c>OVO000123</c>).</param>
/// <param name="Name">The official name.</param>
/// <param name="ShortName">The short name or abbreviation, if any.</param>
/// <param name="KboNumber">The enterprise number (ten digits), if coupled.</param>
/// <param name="ValidFrom">The first day the organisation exists; <c>null</c>: since always.</param>
/// <param name="ValidTo">The last day the organisation exists; <c>null</c>: until further notice.</param>
public sealed record OrganisationListItemResponse(string Ovo, string Name, string? ShortName, string? KboNumber, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    internal static OrganisationListItemResponse From(OrganisationListItem item) =>
        new(item.OvoCode.Value, item.Name, item.ShortName, item.KboNumber?.Digits, item.ValidFrom, item.ValidTo);
}

/// <summary>
/// An organisation: its general data (what <c>PATCH</c> changes, versioned by the <c>ETag</c>), its parents valid
/// today, its keys and a summary of its application domain assignments over time.
/// </summary>
/// <param name="Ovo">The OVO code (<c>OVO000123</c>).</param>
/// <param name="Name">The official name.</param>
/// <param name="ShortName">The short name or abbreviation.</param>
/// <param name="Article">The article used with the name: <c>de</c> or <c>het</c>.</param>
/// <param name="Description">A free description.</param>
/// <param name="KboNumber">The enterprise number (ten digits); an organisation with one is coupled to the KBO.</param>
/// <param name="CoupledToKbo">Whether the organisation is coupled to the KBO: then name, short name, legal form and registered seat come from the KBO.</param>
/// <param name="LegalForm">The legal form as the KBO describes it (Dutch), while coupled.</param>
/// <param name="RegisteredSeat">The registered seat as the KBO gives it, on one line, while coupled.</param>
/// <param name="KboStoppedOn">The day the KBO reported the enterprise as stopped, once the synchronisation applied it.</param>
/// <param name="ValidFrom">The first day the organisation exists; <c>null</c>: since always.</param>
/// <param name="ValidTo">The last day the organisation exists; <c>null</c>: until further notice.</param>
/// <param name="PolicyDomain">The code of the policy domain (beleidsdomein), e.g. <c>cjsm</c>.</param>
/// <param name="PolicyDomainName">The name of the policy domain.</param>
/// <param name="Version">The version of the general data, the same as the <c>ETag</c>.</param>
/// <param name="Parents">The parent organisations valid today (normally one).</param>
/// <param name="Keys">The organisation's keys in other systems, over time.</param>
/// <param name="Assignments">The organisation's assignments to application domains, over time.</param>
public sealed record OrganisationResponse(
    string Ovo,
    string Name,
    string? ShortName,
    Article? Article,
    string? Description,
    string? KboNumber,
    bool CoupledToKbo,
    string? LegalForm,
    string? RegisteredSeat,
    DateOnly? KboStoppedOn,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? PolicyDomain,
    string? PolicyDomainName,
    long Version,
    IReadOnlyList<OrganisationParentResponse> Parents,
    IReadOnlyList<OrganisationKeyResponse> Keys,
    IReadOnlyList<OrganisationAssignmentSummaryResponse> Assignments);

/// <summary>A parent organisation, for a period.</summary>
/// <param name="Ovo">The parent's OVO code.</param>
/// <param name="Name">The parent's name.</param>
/// <param name="ValidFrom">Start of the period under this parent; <c>null</c>: since always.</param>
/// <param name="ValidTo">End of the period under this parent; <c>null</c>: until further notice.</param>
public sealed record OrganisationParentResponse(string Ovo, string Name, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>A key of the organisation: its identifier in another system, for a period.</summary>
/// <param name="Id">The key's id (its address is <c>/api/v1/organisations/{ovo}/keys/{id}</c>).</param>
/// <param name="KeyType">The code of the key type, e.g. <c>kiosk</c> or <c>orafin</c>.</param>
/// <param name="KeyTypeName">The name of the key type.</param>
/// <param name="Value">The identifier in the other system.</param>
/// <param name="ValidFrom">Start of the period; <c>null</c>: since always.</param>
/// <param name="ValidTo">End of the period; <c>null</c>: until further notice.</param>
/// <param name="Version">The key's version, the same as its <c>ETag</c>.</param>
public sealed record OrganisationKeyResponse(Guid Id, string KeyType, string KeyTypeName, string Value, DateOnly? ValidFrom, DateOnly? ValidTo, long Version)
{
    internal static OrganisationKeyResponse From(EditableKey key) =>
        new(key.Id, key.KeyTypeCode, key.KeyTypeName, key.Value, key.ValidFrom, key.ValidTo, key.Version);
}

/// <summary>An assignment of the organisation to an application domain, for a period (a summary: see the assignments resource).</summary>
/// <param name="Domain">The code of the application domain, e.g. <c>bestuursdecreet</c>.</param>
/// <param name="Category">The code of the category within the domain.</param>
/// <param name="CategoryName">The name of the category.</param>
/// <param name="ValidFrom">Start of the assignment; <c>null</c>: since always.</param>
/// <param name="ValidTo">End of the assignment; <c>null</c>: until further notice.</param>
/// <param name="ParentOvo">The parent organisation within the domain, if any.</param>
public sealed record OrganisationAssignmentSummaryResponse(string Domain, string Category, string CategoryName, DateOnly? ValidFrom, DateOnly? ValidTo, string? ParentOvo);

/// <summary>
/// A new organisation (<c>POST /organisations</c>). The register issues its OVO code. An organisation with a KBO number
/// is created with <c>PUT /organisations/kbo/{kboNumber}</c> (a <c>kboNumber</c> here is refused).
/// </summary>
/// <param name="Name">The official name (required, at most 500 characters).</param>
/// <param name="ShortName">The short name or abbreviation.</param>
/// <param name="Article"><c>de</c> or <c>het</c>.</param>
/// <param name="Description">A free description.</param>
/// <param name="ValidFrom">The first day (yyyy-MM-dd); <c>null</c> or absent: since always.</param>
/// <param name="ValidTo">The last day (yyyy-MM-dd); <c>null</c> or absent: until further notice.</param>
/// <param name="PolicyDomain">The code of the policy domain, e.g. <c>cjsm</c>.</param>
/// <param name="ParentOvo">The parent organisation (for the organisation's whole period); absent for a top-level organisation (central rights only).</param>
public sealed record CreateOrganisationRequest(
    string Name,
    string? ShortName = null,
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomain = null,
    string? ParentOvo = null);

/// <summary>
/// The organisation to create when no current organisation has the KBO number of the address
/// (<c>PUT /organisations/kbo/{kboNumber}</c>); optional. Name and short name come from the KBO: <c>name</c> and
/// <c>shortName</c> are refused here.
/// </summary>
/// <param name="Article"><c>de</c> or <c>het</c>.</param>
/// <param name="Description">A free description.</param>
/// <param name="ValidFrom">The first day (yyyy-MM-dd).</param>
/// <param name="ValidTo">The last day (yyyy-MM-dd).</param>
/// <param name="PolicyDomain">The code of the policy domain.</param>
/// <param name="ParentOvo">The parent organisation; absent for a top-level organisation.</param>
public sealed record EnsureOrganisationByKboRequest(
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomain = null,
    string? ParentOvo = null);

/// <summary>
/// A JSON merge patch (RFC 7396) of an organisation's general data (<c>PATCH /organisations/{ovo}</c>): a field that is
/// present replaces the value, <c>null</c> clears it (not allowed for <c>name</c>), an absent field stays as it is.
/// Other fields (<c>ovo</c>, <c>version</c>, <c>parents</c>, <c>kboNumber</c>, ...) are refused: the KBO number changes
/// only through <c>POST</c> and <c>DELETE /organisations/{ovo}/kbo</c>.
/// </summary>
/// <param name="Name">The official name (cannot be cleared; while coupled to the KBO it must stay the KBO's).</param>
/// <param name="ShortName">The short name (while coupled to the KBO it must stay the KBO's).</param>
/// <param name="Article"><c>de</c> or <c>het</c>.</param>
/// <param name="Description">A free description.</param>
/// <param name="ValidFrom">The first day (yyyy-MM-dd).</param>
/// <param name="ValidTo">The last day (yyyy-MM-dd).</param>
/// <param name="PolicyDomain">The code of the policy domain.</param>
public sealed record OrganisationPatchRequest(
    string? Name = null,
    string? ShortName = null,
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomain = null);

/// <summary>Couple an organisation to the KBO (<c>POST /organisations/{ovo}/kbo</c>).</summary>
/// <param name="KboNumber">The enterprise number in any usual notation (<c>0123.456.749</c>, <c>BE0123456749</c>); it must be in the register's KBO copy.</param>
public sealed record CoupleToKboRequest(string KboNumber);

/// <summary>A new key of an organisation (<c>POST /organisations/{ovo}/keys</c>).</summary>
/// <param name="KeyType">The code of the key type, e.g. <c>kiosk</c> (required).</param>
/// <param name="Value">The identifier in the other system (required). A value of a key type belongs to one organisation at a time.</param>
/// <param name="ValidFrom">Start of the period (yyyy-MM-dd).</param>
/// <param name="ValidTo">End of the period (yyyy-MM-dd).</param>
public sealed record AddOrganisationKeyRequest(string KeyType, string Value, DateOnly? ValidFrom = null, DateOnly? ValidTo = null);

internal static class OrganisationResponses
{
    /// <summary>The resource of <paramref name="general"/>, with today's parents from <paramref name="detail"/>.</summary>
    public static OrganisationResponse From(EditableOrganisation general, OrganisationDetail detail, IReadOnlyList<EditableKey> keys, DateOnly today) => new(
        general.OvoCode.Value,
        general.Name,
        general.ShortName,
        general.Article,
        general.Description,
        general.KboNumber?.Digits,
        general.IsCoupledToKbo,
        general.LegalForm,
        general.RegisteredSeat,
        general.KboStoppedOn,
        general.ValidFrom,
        general.ValidTo,
        general.PolicyDomainCode,
        general.PolicyDomainCode is null ? null : detail.PolicyDomainName,
        general.Version,
        [.. detail.Parents.Where(p => p.Validity.Contains(today)).Select(p => new OrganisationParentResponse(p.OvoCode.Value, p.Name, p.ValidFrom, p.ValidTo))],
        [.. keys.Select(OrganisationKeyResponse.From)],
        [.. detail.Assignments.Select(a => new OrganisationAssignmentSummaryResponse(a.DomainCode, a.CategoryCode, a.CategoryName, a.ValidFrom, a.ValidTo, a.ParentOvoCode?.Value))]);

    public static string Location(OvoCode ovo) => $"{ApiEndpoints.Prefix}/organisations/{ovo.Value}";

    public static string KeyLocation(OvoCode ovo, Guid keyId) => $"{Location(ovo)}/keys/{keyId}";

    /// <summary>Today as the services see it (their KBO and validity rules use the local date).</summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetLocalNow().DateTime);

    public static bool IsCurrentOrFuture(OrganisationListItem item, DateOnly today) => !new Validity(item.ValidFrom, item.ValidTo).HasEndedBefore(today);
}
