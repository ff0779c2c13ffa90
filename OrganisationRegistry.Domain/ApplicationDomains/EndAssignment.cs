using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>End an assignment on <paramref name="ValidTo"/> (inclusive). Ending only shortens; lengthen with <see cref="ChangeAssignment"/>.</summary>
public sealed record EndAssignment(Guid AssignmentId, long ExpectedVersion, DateOnly? ValidTo);

public sealed class EndAssignmentValidator : AbstractValidator<EndAssignment>
{
    public EndAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).Id("een toewijzing");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.ValidTo).NotNull().WithMessage("De einddatum is verplicht om een toewijzing te beëindigen.");
    }
}
