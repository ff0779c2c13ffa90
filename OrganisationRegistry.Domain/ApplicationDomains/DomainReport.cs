namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// "Which organisations fall under this domain on <see cref="On"/>": how many per category and in all. Every active
/// category is listed (with 0 when empty), an inactive one only when it still holds organisations on the date; in the
/// domain's category order. The organisations themselves are <see cref="ApplicationDomainQueries.SearchMembersAsync"/>
/// with the same date (sorted on <see cref="DomainMemberSort.Category"/>: category, then name).
/// </summary>
public sealed record DomainReport(string DomainCode, string DomainName, DateOnly On, IReadOnlyList<DomainCategoryCount> Categories)
{
    public int Total => Categories.Sum(c => c.Count);
}

/// <summary>A category of a domain and the number of organisations in it on the report's date.</summary>
public sealed record DomainCategoryCount(string Code, string Name, bool IsActive, int Count);
