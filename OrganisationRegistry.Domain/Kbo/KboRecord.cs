using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>
/// An enterprise's legal data as the register's KBO copy gives it, resolved once (<see cref="KboQueries.LegalData"/>):
/// the name and abbreviation in the register's language order (NL, FR, DE, EN, unknown), the Dutch description of the
/// legal form (else French) and the registered seat on one line.
/// </summary>
public sealed record KboRecord(
    KboNumber Number,
    string Status,
    string? Name,
    string? ShortName,
    string? LegalForm,
    string? RegisteredSeat)
{
    /// <summary>The status of an active enterprise (<c>enterprise.csv</c>).</summary>
    public const string ActiveStatus = "AC";

    public bool IsActive => Status == ActiveStatus;
}

/// <summary>One KBO extract read into the register, as the coupling and the synchronisation name it.</summary>
public sealed record KboSnapshot(Guid ImportId, string ExtractType, int? ExtractNumber, DateOnly? SnapshotDate, DateTimeOffset FinishedAt)
{
    /// <summary>The day the extract describes: its snapshot date, else the day it was read.</summary>
    public DateOnly Date => SnapshotDate ?? DateOnly.FromDateTime(FinishedAt.UtcDateTime);

    /// <summary>"extract 123 van 01/11/2026", for messages and audit reasons.</summary>
    public string Description =>
        $"{(ExtractNumber is { } number ? $"extract {number}" : "extract")} van {Common.Validity.Format(Date)}";
}

/// <summary>What the register's KBO copy says about a number typed by a person: the data, or why there is none.</summary>
/// <param name="Text">As typed.</param>
/// <param name="Record">The enterprise's data, when the number is valid and in the KBO copy.</param>
/// <param name="Problem">The Dutch reason when there is no data (invalid number, not in the copy, no name).</param>
/// <param name="CoupledTo">Organisations not ended today that already carry this number.</param>
public sealed record KboLookup(string Text, KboRecord? Record, string? Problem, IReadOnlyList<KboHolder> CoupledTo)
{
    public bool CanCouple => Record is not null && Problem is null && CoupledTo.Count == 0;
}

/// <summary>An organisation that carries a KBO number.</summary>
public sealed record KboHolder(OvoCode OvoCode, string Name);
