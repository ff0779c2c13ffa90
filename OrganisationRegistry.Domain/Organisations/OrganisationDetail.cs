using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// An organisation with its structure, keys and application domain assignments. When <see cref="AsOn"/> is set, the
/// lists hold only what was valid on that date; otherwise they hold the whole history.
/// </summary>
public sealed record OrganisationDetail(
    OvoCode OvoCode,
    string Name,
    string? ShortName,
    Article? Article,
    string? Description,
    KboNumber? KboNumber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? PolicyDomainName,
    DateOnly? AsOn,
    IReadOnlyList<RelatedOrganisation> Parents,
    IReadOnlyList<RelatedOrganisation> Children,
    int ChildCount,
    IReadOnlyList<OrganisationKeyItem> Keys,
    IReadOnlyList<OrganisationAssignmentItem> Assignments,
    string? LegalForm = null,
    string? RegisteredSeat = null,
    DateOnly? KboStoppedOn = null)
{
    public Validity Validity => new(ValidFrom, ValidTo);

    /// <summary>Coupled to the KBO (it has a KBO number): legal name, short name, legal form and seat come from the KBO.</summary>
    public bool IsCoupledToKbo => KboNumber is not null;

    /// <summary>Whether <see cref="Children"/> was cut at <see cref="OrganisationQueries.ChildrenLimit"/>.</summary>
    public bool HasMoreChildren => ChildCount > Children.Count;
}

/// <summary>A parent or a child organisation in the structure, for a period.</summary>
public sealed record RelatedOrganisation(OvoCode OvoCode, string Name, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>An identifier of the organisation in another system, for a period.</summary>
public sealed record OrganisationKeyItem(string KeyTypeCode, string KeyTypeName, string Value, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>An assignment of the organisation to an application domain, for a period.</summary>
public sealed record OrganisationAssignmentItem(
    string DomainCode,
    string DomainName,
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
