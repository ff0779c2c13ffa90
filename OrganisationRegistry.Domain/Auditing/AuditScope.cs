namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// Tells every write inside it (on this async flow) through which channel it comes and which correlation id it shares,
/// without passing them through every service: an import that calls a service for each of its 300 rows is one
/// action in the trail, and an API endpoint can say <see cref="AuditChannel.Api"/> for a person using the API.
/// <code>
/// using (AuditScope.Begin(AuditChannel.Import))
/// {
///     foreach (var row in rows) await assignments.AssignAsync(user, row, ct);
/// }
/// </code>
/// A channel given to <see cref="Common.AuditContext.For"/> explicitly wins over the scope's.
/// </summary>
public sealed class AuditScope : IDisposable
{
    private static readonly AsyncLocal<AuditScope?> Ambient = new();

    private readonly AuditScope? _outer;
    private bool _disposed;

    private AuditScope(AuditChannel? channel, string correlationId, AuditScope? outer)
    {
        Channel = channel;
        CorrelationId = correlationId;
        _outer = outer;
    }

    /// <summary>The innermost scope of this async flow, if any.</summary>
    public static AuditScope? Current => Ambient.Value;

    public AuditChannel? Channel { get; }

    public string CorrelationId { get; }

    /// <summary>Starts a scope; without a correlation id it takes the outer scope's, or a new one.</summary>
    public static AuditScope Begin(AuditChannel? channel = null, string? correlationId = null)
    {
        var outer = Ambient.Value;
        var scope = new AuditScope(
            channel ?? outer?.Channel,
            string.IsNullOrWhiteSpace(correlationId) ? outer?.CorrelationId ?? Guid.CreateVersion7().ToString("N") : correlationId.Trim(),
            outer);
        Ambient.Value = scope;
        return scope;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (Ambient.Value == this)
        {
            Ambient.Value = _outer;
        }
    }
}
