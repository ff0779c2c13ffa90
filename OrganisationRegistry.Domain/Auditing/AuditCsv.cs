using OrganisationRegistry.Domain.Common;
using System.Text;

namespace OrganisationRegistry.Domain.Auditing;

/// <summary>
/// The CSV form of the review, like the register's other lists: <c>;</c>-separated, UTF-8 with a byte order mark,
/// Dutch headers, CRLF line ends. One row per entry with its fields as readable text (<c>Naam: oud → nieuw</c>).
/// </summary>
public static class AuditCsv
{
    public const char Separator = ';';
    public const string NewLine = "\r\n";

    public static readonly Encoding Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);

    public static readonly IReadOnlyList<string> Columns =
    [
        "Positie", "Tijdstip", "Actor", "Actor-id", "Soort actor", "Organisatie van de actor", "Kanaal", "Handeling", "Gegeven",
        "Sleutel", "Organisatie (OVO-code)", "Toepassingsgebied", "Wijzigingen", "Correlatie-id", "Reden",
    ];

    public static string Header { get; } = string.Join(Separator, Columns);

    public static string Line(AuditListItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return string.Join(
            Separator,
            item.Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            item.LocalTime,
            CsvField.Format(item.Actor),
            CsvField.Format(item.ActorId),
            AuditLabels.ActorKind(item.ActorKind),
            item.ActorOrganisation ?? string.Empty,
            AuditLabels.Channel(item.Channel),
            AuditLabels.Operation(item.Operation),
            CsvField.Format(AuditLabels.EntityType(item.EntityType)),
            CsvField.Format(item.EntityKey),
            item.OrganisationOvoCode ?? string.Empty,
            CsvField.Format(item.DomainCode),
            CsvField.Format(string.Join(" | ", item.Changes.Select(c => Describe(item.Operation, c)))),
            CsvField.Format(item.CorrelationId),
            CsvField.Format(item.Reason));
    }

    private static string Describe(AuditOperation operation, AuditFieldChange change) => operation switch
    {
        AuditOperation.Insert => $"{change.Label}: {change.New ?? "(leeg)"}",
        AuditOperation.Delete => $"{change.Label}: {change.Old ?? "(leeg)"}",
        _ => $"{change.Label}: {change.Old ?? "(leeg)"} → {change.New ?? "(leeg)"}",
    };

}
