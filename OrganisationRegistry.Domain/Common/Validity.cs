using System.Globalization;

namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// A period with inclusive, optional bounds: <c>null</c> means "since always" or "until further notice".
/// </summary>
public readonly record struct Validity
{
    public static readonly CultureInfo DutchBelgium = CultureInfo.GetCultureInfo("nl-BE");
    public const string DateFormat = "dd/MM/yyyy";

    public static readonly Validity Always = new(null, null);

    public Validity(DateOnly? from, DateOnly? to)
    {
        if (from is not null && to is not null && to < from)
        {
            throw new DomainRuleException(
                RuleCodes.InvalidPeriod,
                $"De einddatum ({Format(to.Value)}) ligt voor de begindatum ({Format(from.Value)}).");
        }

        From = from;
        To = to;
    }

    public DateOnly? From { get; }

    public DateOnly? To { get; }

    public bool Contains(DateOnly date) => (From is null || From <= date) && (To is null || date <= To);

    public bool Overlaps(Validity other) =>
        (From is null || other.To is null || From <= other.To) &&
        (other.From is null || To is null || other.From <= To);

    /// <summary>The common part of two periods, or <c>null</c> when they do not overlap.</summary>
    public Validity? Intersect(Validity other)
    {
        if (!Overlaps(other))
        {
            return null;
        }

        DateOnly? from = From is null ? other.From : other.From is null ? From : Max(From.Value, other.From.Value);
        DateOnly? to = To is null ? other.To : other.To is null ? To : Min(To.Value, other.To.Value);
        return new Validity(from, to);
    }

    public bool HasEndedBefore(DateOnly date) => To is not null && To < date;

    /// <summary>Dutch description as used in rule messages: "van 01/01/2020 tot 31/12/2024".</summary>
    public override string ToString() => (From, To) switch
    {
        (null, null) => "zonder begin- of einddatum",
        ({ } from, null) => $"vanaf {Format(from)}",
        (null, { } to) => $"tot {Format(to)}",
        ({ } from, { } to) => $"van {Format(from)} tot {Format(to)}",
    };

    public static string Format(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
