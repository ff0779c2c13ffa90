using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>Change an assignment's category, period, parent within the domain or remark (its domain cannot change).</summary>
public sealed record ChangeAssignment(
    Guid AssignmentId,
    long ExpectedVersion,
    string CategoryCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvoCode = null,
    string? Remark = null) : IHasPeriod;

public sealed class ChangeAssignmentValidator : AbstractValidator<ChangeAssignment>
{
    public ChangeAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).Id("een toewijzing");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.CategoryCode).Required("De categorie");
        RuleFor(c => c.ParentOvoCode).OvoCode();
        RuleFor(c => c.Remark).Text(DomainAssignment.RemarkMaxLength, "De opmerking");
        Include(new PeriodValidator());
    }
}
