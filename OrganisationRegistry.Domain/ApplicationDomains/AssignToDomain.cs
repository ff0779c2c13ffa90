using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>Assign the organisation <paramref name="OvoCode"/> to an application domain in a category for a period.</summary>
public sealed record AssignToDomain(
    string OvoCode,
    string DomainCode,
    string CategoryCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvoCode = null,
    string? Remark = null) : IHasPeriod;

public sealed class AssignToDomainValidator : AbstractValidator<AssignToDomain>
{
    public AssignToDomainValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code van de organisatie").OvoCode();
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.CategoryCode).Required("De categorie");
        RuleFor(c => c.ParentOvoCode).OvoCode().NotSameOrganisationAs(c => c.OvoCode);
        RuleFor(c => c.Remark).Text(DomainAssignment.RemarkMaxLength, "De opmerking");
        Include(new PeriodValidator());
    }
}
