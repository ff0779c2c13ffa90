using System.Diagnostics;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// What a write is: who does it, why (a correction's mandatory reason) and which request or batch it belongs to.
/// The write services put it on <see cref="Persistence.RegistryDbContext.Audit"/> before saving, so an interceptor
/// (the audit trail) can record it in the same transaction as the change.
/// </summary>
public sealed record AuditContext(string ActorId, string ActorName, RegistryUserKind ActorKind, string CorrelationId, string? Reason = null)
{
    /// <summary>
    /// For a write by <paramref name="user"/>; the correlation id is the current trace (an API request, a page's
    /// circuit activity) when there is one, otherwise a new id. One service call, one correlation id (a bulk
    /// assignment is one call).
    /// </summary>
    public static AuditContext For(RegistryUser user, string? reason = null) => new(
        user.SubjectId,
        user.DisplayName,
        user.Kind,
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : Guid.CreateVersion7().ToString("N"),
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim());
}
