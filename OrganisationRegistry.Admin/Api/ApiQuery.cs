using System.Globalization;

namespace OrganisationRegistry.Admin.Api;

/// <summary>
/// Reads the optional query values of every resource (<c>page</c>, <c>pageSize</c>, <c>validOn</c>, <c>after</c>,
/// ...) and the API's one date format, <c>yyyy-MM-dd</c>: a wrong value is a 400 problem naming the parameter.
/// </summary>
internal static class ApiQuery
{
    /// <summary>A date of the API (<c>yyyy-MM-dd</c>, nothing else), in the query and in bodies alike.</summary>
    public static bool TryParseDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The message for a <paramref name="text"/> that is not a date, or <c>null</c> (absent is fine).</summary>
    public static string? DateError(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (TryParseDate(text, out var value))
        {
            date = value;
            return null;
        }

        return $"'{text}' is geen geldige datum (verwacht: jjjj-mm-dd, bv. 2025-01-31).";
    }

    /// <summary>The message for a <paramref name="text"/> that is not a whole number in range, or <c>null</c> (absent: <paramref name="fallback"/>).</summary>
    public static string? NumberError(string? text, string field, long minimum, long maximum, long fallback, out long number)
    {
        number = fallback;
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number) && number >= minimum && number <= maximum)
        {
            return null;
        }

        number = fallback;
        return $"{field} moet een geheel getal van {minimum.ToString(CultureInfo.InvariantCulture)} tot {maximum.ToString("N0", CultureInfo.GetCultureInfo("nl-BE"))} zijn, niet '{text}'.";
    }

    public static bool TryDate(string? text, string field, out DateOnly? date, out ProblemResult? problem) =>
        Check(DateError(text, out date), field, out problem);

    public static bool TryNumber(string? text, string field, long minimum, long maximum, long fallback, out long number, out ProblemResult? problem) =>
        Check(NumberError(text, field, minimum, maximum, fallback, out number), field, out problem);

    private static bool Check(string? error, string field, out ProblemResult? problem)
    {
        problem = error is null ? null : new ProblemResult(ApiProblems.Validation(field, error));
        return problem is null;
    }
}
