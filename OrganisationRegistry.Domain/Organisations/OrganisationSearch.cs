using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>The columns an organisation list can be sorted on.</summary>
public enum OrganisationSort
{
    Name,
    ShortName,
    OvoCode,
    KboNumber,
    ValidFrom,
}

/// <summary>
/// A search over the register. <see cref="Query"/> is a name or short name (any case, with or without diacritics),
/// an OVO code or a KBO number in any accepted notation. <see cref="ValidOn"/> keeps the organisations valid on that
/// date and, together with <see cref="ApplicationDomainCode"/>, those assigned to the domain on that date.
/// <see cref="Page"/> starts at 1.
/// </summary>
public sealed record OrganisationSearch(
    string? Query = null,
    string? ApplicationDomainCode = null,
    DateOnly? ValidOn = null,
    OrganisationSort Sort = OrganisationSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = OrganisationSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>One row of an organisation list.</summary>
public sealed record OrganisationListItem(
    OvoCode OvoCode,
    string Name,
    string? ShortName,
    KboNumber? KboNumber,
    DateOnly? ValidFrom,
    DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>One page of a search, with the number of organisations that match in all.</summary>
public sealed record OrganisationSearchResult(IReadOnlyList<OrganisationListItem> Items, int TotalCount, int Page, int PageSize);
