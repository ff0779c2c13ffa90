using OrganisationRegistry.Domain.Auditing;

namespace OrganisationRegistry.Admin.Api;

/// <summary>What kind of register data changed.</summary>
public enum ApiChangeResource
{
    /// <summary>The organisation's own data (name, KBO number, validity, ...).</summary>
    Organisation,

    /// <summary>One of its keys (Orafin, Vlimpers, ...).</summary>
    Key,

    /// <summary>A period under a parent organisation (the structure).</summary>
    Parent,

    /// <summary>An assignment to an application domain.</summary>
    Assignment,

    /// <summary>Its stewardship of an application domain.</summary>
    Steward,
}

/// <summary>What happened to it.</summary>
public enum ApiChangeOperation
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change of the register, as the change feed gives it: where in the feed, when, which organisation and which
/// of its data. Nothing about who made it: read the current state through the API.
/// </summary>
/// <param name="Position">The change's position in the feed: increasing, never reused.</param>
/// <param name="OccurredAt">When the change was saved (UTC).</param>
/// <param name="Organisation">The OVO code of the organisation concerned.</param>
/// <param name="Resource">What kind of data changed.</param>
/// <param name="Id">The key of what changed: the id of the key, parent period, assignment (see its address), or of the organisation.</param>
/// <param name="Operation">Created, updated or deleted.</param>
/// <param name="Domain">The code of the application domain concerned (assignments, stewardships), else <c>null</c>.</param>
public sealed record ApiChange(
    long Position,
    DateTime OccurredAt,
    string Organisation,
    ApiChangeResource Resource,
    string Id,
    ApiChangeOperation Operation,
    string? Domain)
{
    // CS8509 (an error here) still demands every named value; only undefined casts of the enums are left out.
#pragma warning disable CS8524
    internal static ApiChange From(ChangeFeedEntry entry) => new(
        entry.Position,
        entry.OccurredAt,
        entry.OrganisationOvoCode,
        entry.Resource switch
        {
            ChangeFeedResource.Organisation => ApiChangeResource.Organisation,
            ChangeFeedResource.Key => ApiChangeResource.Key,
            ChangeFeedResource.Parent => ApiChangeResource.Parent,
            ChangeFeedResource.Assignment => ApiChangeResource.Assignment,
            ChangeFeedResource.Steward => ApiChangeResource.Steward,
        },
        entry.EntityKey,
        entry.Operation switch
        {
            AuditOperation.Insert => ApiChangeOperation.Created,
            AuditOperation.Update => ApiChangeOperation.Updated,
            AuditOperation.Delete => ApiChangeOperation.Deleted,
        },
        entry.DomainCode);
#pragma warning restore CS8524
}

/// <summary>A batch of the change feed.</summary>
/// <param name="Items">The changes after the position asked for, oldest first (at most <c>limit</c>).</param>
/// <param name="LastPosition">The position of the last item, or the <c>after</c> asked for when there is none: ask next with <c>after=lastPosition</c>.</param>
/// <param name="Next">The address of the next call (<c>/api/v1/changes?after={lastPosition}&amp;limit={limit}</c>).</param>
public sealed record ApiChangePage(IReadOnlyList<ApiChange> Items, long LastPosition, string Next);
