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

/// <summary>Which organisations fall under an application domain on a date: how many per category and in all.</summary>
/// <param name="Domain">The domain's code.</param>
/// <param name="On">The date of the report (inclusive period ends: an assignment ending that day still counts).</param>
/// <param name="Total">The number of organisations in the domain on that date.</param>
/// <param name="Categories">Every active category (also with 0) and the inactive ones that still hold organisations, in the domain's order.</param>
public sealed record ApiDomainReport(string Domain, DateOnly On, int Total, IReadOnlyList<ApiDomainCategoryCount> Categories);

/// <summary>A category in a report, with its number of organisations on the report's date.</summary>
/// <param name="Code">The category's code (the members: <c>…/assignments?validOn={on}&amp;category={code}</c>).</param>
/// <param name="Name">The category's name.</param>
/// <param name="Active">Whether new assignments may use it.</param>
/// <param name="Count">The number of organisations in it on the date.</param>
public sealed record ApiDomainCategoryCount(string Code, string Name, bool Active, int Count);

/// <summary>What changed in an application domain between two dates, with one page of the changes by name.</summary>
/// <param name="Domain">The domain's code.</param>
/// <param name="From">The first date.</param>
/// <param name="To">The second date (on or after <paramref name="From"/>).</param>
/// <param name="Counts">How many organisations entered, left and moved (all kinds, whatever <c>kind</c> asks).</param>
/// <param name="Categories">Per category of the domain: entered into it, left from it, moved into it, moved out of it.</param>
/// <param name="Items">One page of the changes (of the kind asked for), by name.</param>
/// <param name="Page">The page (from 1).</param>
/// <param name="PageSize">The page size.</param>
/// <param name="TotalCount">The number of changes of the kind asked for.</param>
public sealed record ApiDomainChanges(
    string Domain,
    DateOnly From,
    DateOnly To,
    ApiDomainChangeCounts Counts,
    IReadOnlyList<ApiDomainCategoryChanges> Categories,
    IReadOnlyList<ApiDomainChange> Items,
    int Page,
    int PageSize,
    int TotalCount);

/// <summary>The number of changes per kind.</summary>
public sealed record ApiDomainChangeCounts(int Entered, int Left, int Moved, int Total);

/// <summary>The changes of one category between the two dates.</summary>
/// <param name="Code">The category's code.</param>
/// <param name="Name">The category's name.</param>
/// <param name="Active">Whether new assignments may use it.</param>
/// <param name="Entered">Organisations that entered the domain in this category.</param>
/// <param name="Left">Organisations that left the domain from this category.</param>
/// <param name="MovedIn">Organisations that moved into this category from another.</param>
/// <param name="MovedOut">Organisations that moved out of this category to another.</param>
public sealed record ApiDomainCategoryChanges(string Code, string Name, bool Active, int Entered, int Left, int MovedIn, int MovedOut);

/// <summary>An organisation whose place in the domain differs between the two dates.</summary>
/// <param name="Kind"><c>entered</c> (a member on <c>to</c>, not on <c>from</c>), <c>left</c> (the reverse) or <c>moved</c> (a member on both, in another category).</param>
/// <param name="Ovo">The organisation's OVO code.</param>
/// <param name="Name">The organisation's name.</param>
/// <param name="Before">Its assignment on <c>from</c>, or <c>null</c> (entered).</param>
/// <param name="After">Its assignment on <c>to</c>, or <c>null</c> (left).</param>
public sealed record ApiDomainChange(string Kind, string Ovo, string Name, ApiDomainChangeSide? Before, ApiDomainChangeSide? After);

/// <summary>An organisation's assignment on one of the two dates.</summary>
/// <param name="Category">The code of its category.</param>
/// <param name="ValidFrom">The assignment's first day, or <c>null</c>.</param>
/// <param name="ValidTo">The assignment's last day, or <c>null</c>.</param>
public sealed record ApiDomainChangeSide(string Category, DateOnly? ValidFrom, DateOnly? ValidTo);

/// <summary>
/// Assign many organisations at once to the domain of the address, all with the same category, period, parent and
/// remark: all or nothing. With <paramref name="DryRun"/> nothing is written and the answer says what would happen.
/// </summary>
/// <param name="Category">Required: the code of an active category of the domain.</param>
/// <param name="ValidFrom">First day (inclusive); <c>null</c> or absent = since always.</param>
/// <param name="ValidTo">Last day (inclusive); <c>null</c> or absent = open-ended.</param>
/// <param name="Organisations">Required: the OVO codes of the organisations, 1 to 1,000, each once.</param>
/// <param name="ParentOvo">Optional: the OVO code of the parent organisation within the domain, for all of them.</param>
/// <param name="Remark">Optional remark (at most 2,000 characters), for all of them.</param>
/// <param name="DryRun"><c>true</c>: only check, write nothing (the answer is the report, <c>applied: false</c>).</param>
public sealed record BulkAssignmentRequest(
    string? Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string?>? Organisations,
    string? ParentOvo,
    string? Remark,
    bool? DryRun);

/// <summary>What became, or would become, of each organisation of a bulk assignment.</summary>
/// <param name="Domain">The domain's code.</param>
/// <param name="Category">The category's code, as given.</param>
/// <param name="ValidFrom">The first day of the assignments, or <c>null</c>.</param>
/// <param name="ValidTo">The last day of the assignments, or <c>null</c>.</param>
/// <param name="DryRun">Whether this was only a check.</param>
/// <param name="Applied">Whether every assignment was written (never partly: <c>false</c> means none).</param>
/// <param name="Total">The number of organisations in the request.</param>
/// <param name="Conflicts">The number of organisations that cannot be assigned.</param>
/// <param name="Rows">One row per organisation, in the order of the request.</param>
public sealed record ApiBulkAssignmentReport(
    string Domain,
    string Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    bool DryRun,
    bool Applied,
    int Total,
    int Conflicts,
    IReadOnlyList<ApiBulkAssignmentRow> Rows);

/// <summary>One organisation of a bulk assignment.</summary>
/// <param name="Ovo">The OVO code as given (trimmed).</param>
/// <param name="Name">The organisation's name, when it exists.</param>
/// <param name="Ok">Whether it can be (or was) assigned.</param>
/// <param name="Code">When not: the rule's code (<c>overlap</c>, <c>cycle</c>, <c>duplicate</c>, <c>not-found</c>, <c>invalid-value</c>, ...).</param>
/// <param name="Message">When not: the Dutch reason, for people.</param>
/// <param name="AssignmentId">When applied: the new assignment's id (address: <c>/api/v1/organisations/{ovo}/assignments/{assignmentId}</c>).</param>
public sealed record ApiBulkAssignmentRow(string Ovo, string? Name, bool Ok, string? Code, string? Message, Guid? AssignmentId);
