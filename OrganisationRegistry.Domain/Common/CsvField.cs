namespace OrganisationRegistry.Domain.Common;

/// <summary>One field of the register's CSV exports (<c>;</c>-separated, as the registry's partners exchange lists).</summary>
public static class CsvField
{
    /// <summary>
    /// Quotes a field that holds the separator, a quote or a line break (RFC 4180), doubling its quotes. Text that a
    /// spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
    /// so that text typed by one person cannot execute on another person's machine (CSV injection).
    /// </summary>
    public static string Format(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(";\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
