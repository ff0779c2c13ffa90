using System.Globalization;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>Dates as the register's people see them: "today" in Belgium, shown <c>dd/MM/yyyy</c>, <c>yyyy-MM-dd</c> in links.</summary>
public static class RegistryDates
{
    public const string QueryFormat = "yyyy-MM-dd";

    private static readonly TimeZoneInfo Belgium =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/Brussels", out var zone) ? zone : TimeZoneInfo.Local;

    /// <summary>Today's date in Belgium, whatever time zone the server runs in.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Belgium).DateTime);
    }

    public static string Display(DateOnly date) => Validity.Format(date);

    public static string ToQuery(DateOnly date) => date.ToString(QueryFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a <c>yyyy-MM-dd</c> date from a link; anything else counts as no date.</summary>
    public static DateOnly? FromQuery(string? text) =>
        DateOnly.TryParseExact(text, QueryFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } value ? DateOnly.FromDateTime(value) : null;
}
