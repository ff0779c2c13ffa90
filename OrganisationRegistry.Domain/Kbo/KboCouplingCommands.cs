using FluentValidation;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Kbo;

/// <summary>Couple <paramref name="OvoCode"/>, as the user saw it at <paramref name="ExpectedVersion"/>, to the enterprise <paramref name="KboNumber"/> (any notation).</summary>
public sealed record CoupleOrganisationToKbo(string OvoCode, long ExpectedVersion, string KboNumber);

public sealed class CoupleOrganisationToKboValidator : AbstractValidator<CoupleOrganisationToKbo>
{
    public CoupleOrganisationToKboValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.KboNumber).Required("Het KBO-nummer").KboNumber();
    }
}

/// <summary>End the coupling of <paramref name="OvoCode"/> to the KBO; the names from before the coupling come back.</summary>
public sealed record UncoupleOrganisationFromKbo(string OvoCode, long ExpectedVersion);

public sealed class UncoupleOrganisationFromKboValidator : AbstractValidator<UncoupleOrganisationFromKbo>
{
    public UncoupleOrganisationFromKboValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
    }
}

/// <summary>
/// Create an organisation coupled to the enterprise <paramref name="KboNumber"/>: its name, short name, legal form and
/// registered seat come from the register's KBO copy; the rest is given here. The register issues its OVO code.
/// </summary>
public sealed record CreateOrganisationFromKbo(
    string KboNumber,
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomainCode = null,
    string? ParentOvoCode = null) : IHasPeriod;

public sealed class CreateOrganisationFromKboValidator : AbstractValidator<CreateOrganisationFromKbo>
{
    public CreateOrganisationFromKboValidator()
    {
        RuleFor(c => c.KboNumber).Required("Het KBO-nummer").KboNumber();
        RuleFor(c => c.Article).IsInEnum().WithMessage("Kies 'de' of 'het' als lidwoord.");
        RuleFor(c => c.Description).Text(Organisation.DescriptionMaxLength, "De beschrijving");
        RuleFor(c => c.PolicyDomainCode).Text(PolicyDomain.CodeMaxLength, "De code van het beleidsdomein");
        RuleFor(c => c.ParentOvoCode).OvoCode();
        Include(new PeriodValidator());
    }
}
