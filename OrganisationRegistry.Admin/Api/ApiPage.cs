namespace OrganisationRegistry.Admin.Api;

/// <summary>One page of a list of the API (pages start at 1), with how many items match in all.</summary>
public sealed record ApiPage<T>(IReadOnlyList<T> Items, int Page, int PageSize, int TotalCount);
