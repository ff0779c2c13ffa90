using FluentValidation;

namespace OrganisationRegistry.Domain.Common;

/// <summary>A command with a period (inclusive, both ends optional).</summary>
public interface IHasPeriod
{
    DateOnly? ValidFrom { get; }

    DateOnly? ValidTo { get; }
}

/// <summary>The end of a period lies on or after its start (the same message as <see cref="Validity"/>).</summary>
public sealed class PeriodValidator : AbstractValidator<IHasPeriod>
{
    public PeriodValidator() =>
        RuleFor(c => c.ValidTo)
            .Must((command, to) => command.ValidFrom is null || to is null || command.ValidFrom <= to)
            .WithMessage(c => $"De einddatum ({Validity.Format(c.ValidTo!.Value)}) ligt voor de begindatum ({Validity.Format(c.ValidFrom!.Value)}).");
}

/// <summary>The register's validation rules with their Dutch messages, for the validators beside the commands.</summary>
public static class ValidationRules
{
    public static IRuleBuilderOptions<T, string?> Required<T>(this IRuleBuilder<T, string?> rule, string what) =>
        rule.NotEmpty().WithMessage($"{what} is verplicht.");

    /// <summary>
    /// Free text (a name, a remark, a reason, ...) of at most <paramref name="maximum"/> characters, and only characters a
    /// person can type: no control characters but tab and line breaks, no broken (lone surrogate) characters.
    /// PostgreSQL refuses U+0000 outright, and the others would be stored as garbage.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Text<T>(this IRuleBuilder<T, string?> rule, int maximum, string what) =>
        rule.MaximumLength(maximum).WithMessage($"{what} mag hoogstens {maximum} tekens lang zijn.")
            .Must(IsCleanText).WithMessage($"{what} bevat ongeldige tekens (stuurcodes of onvolledige tekens).");

    /// <summary>Whether <paramref name="text"/> holds only characters a person can type (see <see cref="Text{T}"/>); <c>null</c> passes.</summary>
    public static bool IsCleanText(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\r' or '\n')))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Blank passes (combine with <see cref="Required{T}"/> when the code is mandatory).</summary>
    public static IRuleBuilderOptions<T, string?> OvoCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || Organisations.OvoCode.TryParse(text, out _))
            .WithMessage((_, text) => $"'{text}' is geen geldige OVO-code (verwacht: OVO gevolgd door 6 cijfers, bv. OVO000123).");

    /// <summary>A parent organisation is another organisation than the child.</summary>
    public static IRuleBuilderOptions<T, string?> NotSameOrganisationAs<T>(this IRuleBuilderOptions<T, string?> rule, Func<T, string?> child) =>
        rule.Must((command, parent) =>
                !Organisations.OvoCode.TryParse(parent, out var parentCode)
                || !Organisations.OvoCode.TryParse(child(command), out var childCode)
                || parentCode != childCode)
            .WithMessage("Een organisatie kan niet haar eigen moederorganisatie zijn.");

    /// <summary>Empty passes; otherwise the KBO number's own message (format or check digits).</summary>
    public static IRuleBuilderOptions<T, string?> KboNumber<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || Organisations.KboNumber.TryParse(text, out _))
            .WithMessage((_, text) => Organisations.KboNumber.TryParse(text, out var _, out var error) ? string.Empty : error);

    /// <summary>A stable code: lower-case letters and digits, words joined by hyphens.</summary>
    public static IRuleBuilderOptions<T, string?> Code<T>(this IRuleBuilder<T, string?> rule, int maximum, string what) =>
        rule.Required(what)
            .Text(maximum, what)
            .Matches("^[a-z0-9]+(-[a-z0-9]+)*$")
            .WithMessage($"{what} bestaat uit kleine letters, cijfers en koppeltekens (bv. vlaamse-administratie).");

    public static IRuleBuilderOptions<T, Guid> Id<T>(this IRuleBuilder<T, Guid> rule, string what) =>
        rule.NotEmpty().WithMessage($"Kies {what}.");

    public static IRuleBuilderOptions<T, long> ExpectedVersion<T>(this IRuleBuilder<T, long> rule) =>
        rule.GreaterThan(0).WithMessage("De versie van de gegevens die u bewerkte ontbreekt; herlaad ze en probeer opnieuw.");
}
