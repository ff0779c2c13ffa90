using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// The permanent identifier of an organisation: <c>OVO</c> and six digits (<c>OVO000001</c>). Issued by the register
/// in sequence (<see cref="OvoCodeIssuer"/>), never reused, never changed.
/// </summary>
public readonly record struct OvoCode
{
    public const int Length = 9;
    public const int MaxNumber = 999_999;
    private const string Prefix = "OVO";

    private OvoCode(int number) => Number = number;

    public int Number { get; }

    public string Value => Prefix + Number.ToString("D6", CultureInfo.InvariantCulture);

    public static OvoCode FromNumber(int number)
    {
        if (number is < 1 or > MaxNumber)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"Een OVO-code heeft een nummer van 1 tot {MaxNumber}, niet {number}.");
        }

        return new OvoCode(number);
    }

    /// <summary>Parses <c>OVO000123</c> (any case, surrounding spaces allowed).</summary>
    public static OvoCode Parse(string? text) =>
        TryParse(text, out var code)
            ? code
            : throw new DomainRuleException(RuleCodes.InvalidValue, $"'{text}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).");

    public static bool TryParse([NotNullWhen(true)] string? text, out OvoCode code)
    {
        code = default;
        var trimmed = text?.Trim();
        if (trimmed is null || trimmed.Length != Length || !trimmed.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var digits = trimmed.AsSpan(Prefix.Length);
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        var number = int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
        if (number < 1)
        {
            return false;
        }

        code = new OvoCode(number);
        return true;
    }

    public override string ToString() => Value;
}
