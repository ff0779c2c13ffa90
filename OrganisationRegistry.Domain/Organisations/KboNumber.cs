using System.Diagnostics.CodeAnalysis;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// A Belgian enterprise number (KBO/BCE): ten digits whose last two are 97 - (first eight mod 97).
/// Accepted on input as <c>0123.456.789</c>, <c>0123456789</c>, <c>BE0123456789</c>, <c>BE 0123.456.789</c> and the old
/// nine-digit form (a leading 0 is added). Stored as ten digits, shown as <c>0123.456.789</c>.
/// </summary>
public readonly record struct KboNumber
{
    public const int Length = 10;

    private KboNumber(string digits) => Digits = digits;

    /// <summary>The ten digits, as stored.</summary>
    public string Digits { get; }

    /// <summary>The usual notation, <c>0123.456.789</c>.</summary>
    public string Formatted => $"{Digits[..4]}.{Digits[4..7]}.{Digits[7..]}";

    public static KboNumber Parse(string? text) =>
        TryParse(text, out var number, out var error)
            ? number
            : throw new DomainRuleException(RuleCodes.InvalidValue, error);

    public static bool TryParse([NotNullWhen(true)] string? text, out KboNumber number) => TryParse(text, out number, out _);

    public static bool TryParse([NotNullWhen(true)] string? text, out KboNumber number, out string error)
    {
        number = default;
        error = $"'{text}' is geen geldig KBO-nummer (verwacht: 10 cijfers, bv. 0123.456.749).";
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "Het KBO-nummer is leeg.";
            return false;
        }

        var span = text.AsSpan().Trim();
        if (span.StartsWith("BE", StringComparison.OrdinalIgnoreCase))
        {
            span = span[2..];
        }

        Span<char> digits = stackalloc char[Length];
        var count = 0;
        foreach (var c in span)
        {
            if (c is '.' or ' ')
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || count == Length)
            {
                return false;
            }

            digits[count++] = c;
        }

        if (count == Length - 1)
        {
            digits[..count].CopyTo(digits[1..]);
            digits[0] = '0';
            count = Length;
        }

        if (count != Length)
        {
            return false;
        }

        var candidate = new string(digits);
        if (!HasValidCheckDigits(candidate))
        {
            error = $"'{text}' is geen geldig KBO-nummer: het controlegetal klopt niet.";
            return false;
        }

        number = new KboNumber(candidate);
        return true;
    }

    /// <summary>Builds a valid number from its first eight digits (used to generate test data).</summary>
    public static KboNumber FromBase(int firstEightDigits)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firstEightDigits);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(firstEightDigits, 99_999_999);
        var check = 97 - (firstEightDigits % 97);
        return new KboNumber($"{firstEightDigits:D8}{check:D2}");
    }

    /// <summary>Restores a stored value; the database only holds numbers that were parsed before.</summary>
    internal static KboNumber FromStored(string digits) => new(digits);

    private static bool HasValidCheckDigits(string digits)
    {
        var body = int.Parse(digits.AsSpan(0, 8), System.Globalization.CultureInfo.InvariantCulture);
        var check = int.Parse(digits.AsSpan(8, 2), System.Globalization.CultureInfo.InvariantCulture);
        return check == 97 - (body % 97);
    }

    public override string ToString() => Formatted;
}
