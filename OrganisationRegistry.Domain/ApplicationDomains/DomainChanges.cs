using System.Text;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>How an organisation's place in a domain differs between two dates.</summary>
public enum DomainChangeKind
{
    /// <summary>A member on the second date, not on the first.</summary>
    Entered,

    /// <summary>A member on the first date, not on the second.</summary>
    Left,

    /// <summary>A member on both dates, in another category on the second.</summary>
    Moved,
}

/// <summary>
/// The changes in a domain between <see cref="From"/> and <see cref="To"/> (both inclusive dates, <c>From ≤ To</c>),
/// optionally of one <see cref="Kind"/>. Only the state on the two dates counts: an assignment that began after
/// <see cref="From"/> and ended before <see cref="To"/> is no change between them.
/// </summary>
public sealed record DomainChangesFilter(DateOnly From, DateOnly To, DomainChangeKind? Kind = null)
{
    /// <summary>The Dutch message when the dates are the wrong way round, else <c>null</c>.</summary>
    public static string? PeriodError(DateOnly from, DateOnly to) => to < from
        ? $"De einddatum ({Validity.Format(to)}) ligt voor de begindatum ({Validity.Format(from)}); kies een einddatum op of na de begindatum."
        : null;
}

/// <summary>A page of a domain's changes, by name. <see cref="Page"/> starts at 1.</summary>
public sealed record DomainChangesSearch(DomainChangesFilter Filter, int Page = 1, int PageSize = DomainMemberSearch.DefaultPageSize);

/// <summary>
/// An organisation whose place in the domain differs between the two dates: its category and assignment period on
/// the first date (none when it <see cref="DomainChangeKind.Entered"/>) and on the second (none when it
/// <see cref="DomainChangeKind.Left"/>).
/// </summary>
public sealed record DomainChange(
    DomainChangeKind Kind,
    OvoCode OvoCode,
    string Name,
    string? ShortName,
    KboNumber? KboNumber,
    DomainChangeSide? Before,
    DomainChangeSide? After);

/// <summary>An organisation's assignment on one of the two dates: its category and period.</summary>
public sealed record DomainChangeSide(string CategoryCode, string CategoryName, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    public Validity Validity => new(ValidFrom, ValidTo);
}

/// <summary>One page of a domain's changes, with the number that match in all.</summary>
public sealed record DomainChangesPage(IReadOnlyList<DomainChange> Items, int TotalCount, int Page, int PageSize);

/// <summary>
/// How many organisations entered, left and moved between the two dates (whatever the kind filter), and per category:
/// how many entered it or left it, and how many moved into or out of it.
/// </summary>
public sealed record DomainChangesSummary(
    string DomainCode,
    string DomainName,
    DateOnly From,
    DateOnly To,
    int Entered,
    int Left,
    int Moved,
    IReadOnlyList<DomainCategoryChanges> Categories)
{
    public int Total => Entered + Left + Moved;

    public int Count(DomainChangeKind kind) => kind switch
    {
        DomainChangeKind.Entered => Entered,
        DomainChangeKind.Left => Left,
        DomainChangeKind.Moved => Moved,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}

/// <summary>The changes of one category: entered into it, left from it, moved into it from another, moved out of it to another.</summary>
public sealed record DomainCategoryChanges(string Code, string Name, bool IsActive, int Entered, int Left, int MovedIn, int MovedOut);

/// <summary>The Dutch words for the kinds of change, in the pages and the CSV.</summary>
public static class DomainChangeKinds
{
    public static string Dutch(DomainChangeKind kind) => kind switch
    {
        DomainChangeKind.Entered => "Toegetreden",
        DomainChangeKind.Left => "Uitgetreden",
        DomainChangeKind.Moved => "Andere categorie",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind's name in links and the API (<c>entered</c>, <c>left</c>, <c>moved</c>).</summary>
    public static string Code(DomainChangeKind kind) => kind switch
    {
        DomainChangeKind.Entered => "entered",
        DomainChangeKind.Left => "left",
        DomainChangeKind.Moved => "moved",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The kind with <paramref name="code"/> (see <see cref="Code"/>, case-insensitive), or <c>null</c>.</summary>
    public static DomainChangeKind? FromCode(string? code) =>
        Enum.GetValues<DomainChangeKind>().Select(k => (DomainChangeKind?)k)
            .FirstOrDefault(k => string.Equals(Code(k!.Value), code?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// The CSV form of a domain's changes between two dates, in the shape of <see cref="DomainMemberCsv"/> (<c>;</c>, UTF-8
/// with BOM, Dutch headers, dates <c>dd/MM/yyyy</c>, text defused against CSV injection).
/// </summary>
public static class DomainChangesCsv
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "Wijziging", "OVO-code", "Naam", "Korte naam", "KBO-nummer",
        "Categorie op begindatum", "Geldig vanaf (begindatum)", "Geldig tot (begindatum)",
        "Categorie op einddatum", "Geldig vanaf (einddatum)", "Geldig tot (einddatum)",
    ];

    public static Encoding Encoding => DomainMemberCsv.Encoding;

    public static string NewLine => DomainMemberCsv.NewLine;

    public static string Header { get; } = string.Join(DomainMemberCsv.Separator, Columns);

    public static string Line(DomainChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return string.Join(
            DomainMemberCsv.Separator,
            DomainChangeKinds.Dutch(change.Kind),
            change.OvoCode.Value,
            CsvField.Format(change.Name),
            CsvField.Format(change.ShortName),
            change.KboNumber?.Formatted ?? string.Empty,
            Side(change.Before),
            Side(change.After));
    }

    private static string Side(DomainChangeSide? side) => side is null
        ? string.Join(DomainMemberCsv.Separator, string.Empty, string.Empty, string.Empty)
        : string.Join(DomainMemberCsv.Separator, CsvField.Format(side.CategoryName), DomainMemberCsv.Date(side.ValidFrom), DomainMemberCsv.Date(side.ValidTo));
}
