using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>The columns a domain's member list can be sorted on.</summary>
public enum DomainMemberSort
{
    Name,
    OvoCode,
    Category,
    ValidFrom,
}

/// <summary>Which of a domain's assignments: those valid on <see cref="ValidOn"/>, optionally in one category (by code).</summary>
public sealed record DomainMemberFilter(DateOnly ValidOn, string? CategoryCode = null);

/// <summary>A page of a domain's members. <see cref="Page"/> starts at 1.</summary>
public sealed record DomainMemberSearch(
    DomainMemberFilter Filter,
    DomainMemberSort Sort = DomainMemberSort.Name,
    bool Descending = false,
    int Page = 1,
    int PageSize = DomainMemberSearch.DefaultPageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;
}

/// <summary>An organisation assigned to a domain: the assignment's category, period, parent within the domain and remark.</summary>
public sealed record DomainMember(
    OvoCode OvoCode,
    string Name,
    string? ShortName,
    KboNumber? KboNumber,
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

/// <summary>One page of a domain's members, with the number that match in all.</summary>
public sealed record DomainMemberPage(IReadOnlyList<DomainMember> Items, int TotalCount, int Page, int PageSize);
