using System.Globalization;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Tests.Domain.TestData;

/// <summary>
/// Dates and periods written the way the rule messages show them (<c>dd/MM/yyyy</c>), so a test reads like its
/// expected message. Use with <c>using static</c>.
/// </summary>
internal static class Dates
{
    public static DateOnly Day(string ddMMyyyy) =>
        DateOnly.ParseExact(ddMMyyyy, Validity.DateFormat, CultureInfo.InvariantCulture);

    public static Validity Period(string? from, string? to) =>
        new(from is null ? null : Day(from), to is null ? null : Day(to));

    public static Validity Since(string from) => Period(from, null);

    public static Validity Until(string to) => Period(null, to);
}
