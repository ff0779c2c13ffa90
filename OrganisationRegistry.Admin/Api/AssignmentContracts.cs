using OrganisationRegistry.Domain.ApplicationDomains;

namespace OrganisationRegistry.Admin.Api;

/// <summary>An assignment of an organisation to an application domain: in a category, for a period, optionally under a parent within the domain.</summary>
/// <param name="Id">The assignment's id; its address is <c>/api/v1/organisations/{ovo}/assignments/{id}</c>.</param>
/// <param name="Ovo">The OVO code of the assigned organisation (<c>OVO000123</c>).</param>
/// <param name="Domain">The code of the application domain (<c>bestuursdecreet</c>, <c>vco</c>).</param>
/// <param name="Category">The code of the category within the domain (<c>departement</c>, <c>dab</c>, ...).</param>
/// <param name="ValidFrom">First day (inclusive, <c>yyyy-MM-dd</c>); <c>null</c> = since always.</param>
/// <param name="ValidTo">Last day (inclusive, <c>yyyy-MM-dd</c>); <c>null</c> = open-ended.</param>
/// <param name="ParentOvo">The OVO code of the parent organisation within this domain, or <c>null</c>.</param>
/// <param name="Remark">A free remark, or <c>null</c>.</param>
/// <param name="Version">The version; also the <c>ETag</c> (<c>"3"</c>) to send in <c>If-Match</c> when changing it.</param>
public sealed record ApiAssignment(
    Guid Id,
    string Ovo,
    string Domain,
    string Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvo,
    string? Remark,
    long Version)
{
    internal static ApiAssignment From(EditableAssignment assignment) => new(
        assignment.Id,
        assignment.OvoCode.Value,
        assignment.DomainCode,
        assignment.CategoryCode,
        assignment.ValidFrom,
        assignment.ValidTo,
        assignment.ParentOvoCode?.Value,
        assignment.Remark,
        assignment.Version);
}

/// <summary>Assign the organisation of the address to an application domain.</summary>
/// <param name="Domain">Required: the code of the application domain (<c>bestuursdecreet</c>, <c>vco</c>).</param>
/// <param name="Category">Required: the code of an active category of that domain.</param>
/// <param name="ValidFrom">First day (inclusive); <c>null</c> or absent = since always.</param>
/// <param name="ValidTo">Last day (inclusive); <c>null</c> or absent = open-ended.</param>
/// <param name="ParentOvo">Optional: the OVO code of the parent organisation within this domain.</param>
/// <param name="Remark">Optional remark (at most 2,000 characters).</param>
public sealed record AssignmentCreateRequest(
    string? Domain,
    string? Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvo,
    string? Remark);

/// <summary>
/// The new state of an assignment (a PUT replaces it: an absent field is <c>null</c>, so an absent <c>remark</c>
/// removes the remark). The domain of an assignment never changes.
/// </summary>
/// <param name="Category">Required: the code of a category of the assignment's domain.</param>
/// <param name="ValidFrom">First day (inclusive); <c>null</c> = since always.</param>
/// <param name="ValidTo">Last day (inclusive); <c>null</c> = open-ended.</param>
/// <param name="ParentOvo">The OVO code of the parent organisation within the domain, or <c>null</c>.</param>
/// <param name="Remark">A remark, or <c>null</c>.</param>
public sealed record AssignmentChangeRequest(
    string? Category,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvo,
    string? Remark);

/// <summary>End an assignment: its last day becomes <paramref name="ValidTo"/>. Ending only shortens; lengthen with a PUT.</summary>
/// <param name="ValidTo">Required: the last day (inclusive, <c>yyyy-MM-dd</c>).</param>
public sealed record AssignmentEndRequest(DateOnly? ValidTo);
