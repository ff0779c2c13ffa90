namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// Someone else changed or removed what the user edited since the user read it; nothing was written (never a silent
/// overwrite). <see cref="Exception.Message"/> is Dutch; <see cref="CurrentValues"/> holds the row as it is now (property
/// name to display text, dates as dd/MM/yyyy), empty when it was removed, so the UI can show them and offer a reload.
/// The API maps it to 409 (412 with If-Match).
/// </summary>
public sealed class ConcurrencyConflictException(
    string message,
    long? expectedVersion,
    long? currentVersion,
    IReadOnlyDictionary<string, string?> currentValues) : Exception(message)
{
    public const string Code = "concurrency-conflict";

    /// <summary>The version the user edited, when the command carried one.</summary>
    public long? ExpectedVersion { get; } = expectedVersion;

    /// <summary>The version stored now; <c>null</c> when the row no longer exists (or is not known).</summary>
    public long? CurrentVersion { get; } = currentVersion;

    public IReadOnlyDictionary<string, string?> CurrentValues { get; } = currentValues;

    public bool WasRemoved => CurrentVersion is null && CurrentValues.Count == 0 && ExpectedVersion is not null;
}
