using System.Diagnostics;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// What a write is: who does it, why (a correction's mandatory reason) and which request or batch it belongs to.
/// The write services put it on <see cref="Persistence.RegistryDbContext.Audit"/> before saving, so the audit trail
/// (<see cref="AuditInterceptor"/>) records it in the same transaction as the change.
/// </summary>
public sealed record AuditContext(string ActorId, string ActorName, RegistryUserKind ActorKind, string CorrelationId, string? Reason = null)
{
    /// <summary>The id a write gets in the trail when it carried no <see cref="AuditContext"/> at all.</summary>
    public const string UnknownActorId = "unknown";

    /// <summary>The OVO code of the organisation the actor works for, when known.</summary>
    public string? ActorOrganisation { get; init; }

    /// <summary>Through which door the write came: by default persons use the UI, machine clients the API, the system itself the system.</summary>
    public AuditChannel Channel { get; init; } = DefaultChannel(ActorKind);

    /// <summary>
    /// For a write by <paramref name="user"/>. The channel is <paramref name="channel"/>, else the one of the current
    /// <see cref="AuditScope"/>, else the user's default. The correlation id is the current scope's (an import, a batch),
    /// else the current trace (an API request, a page's circuit activity), else a new id: one service call, one
    /// correlation id (a bulk assignment is one call).
    /// </summary>
    public static AuditContext For(RegistryUser user, string? reason = null, AuditChannel? channel = null) => new(
        user.SubjectId,
        user.DisplayName,
        user.Kind,
        AuditScope.Current?.CorrelationId ?? CurrentCorrelationId(),
        string.IsNullOrWhiteSpace(reason) ? null : reason.Trim())
    {
        ActorOrganisation = user.OrganisationOvoCode?.Value,
        Channel = channel ?? AuditScope.Current?.Channel ?? DefaultChannel(user.Kind),
    };

    /// <summary>For what the register does by itself (seeding, start-up, command-line maintenance).</summary>
    public static AuditContext ForSystem(AuditChannel channel = AuditChannel.System, string? reason = null) =>
        For(RegistryUser.System, reason, channel);

    /// <summary>
    /// For a save that carried no context (a code path that forgot to say who writes): still audited, as an unknown
    /// actor of the system, so that no change escapes the trail.
    /// </summary>
    public static AuditContext Unknown() => new(
        UnknownActorId,
        "Onbekend (schrijven zonder auditcontext)",
        RegistryUserKind.System,
        AuditScope.Current?.CorrelationId ?? CurrentCorrelationId())
    {
        Channel = AuditScope.Current?.Channel ?? AuditChannel.System,
    };

    public static AuditChannel DefaultChannel(RegistryUserKind kind) => kind switch
    {
        RegistryUserKind.Person => AuditChannel.Ui,
        RegistryUserKind.MachineClient => AuditChannel.Api,
        RegistryUserKind.System => AuditChannel.System,
        _ => AuditChannel.System,
    };

    private static string CurrentCorrelationId() =>
        Activity.Current is { } activity ? activity.TraceId.ToHexString() : Guid.CreateVersion7().ToString("N");
}
