using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// Remove an assignment that should never have existed. Only the domain's steward or central staff; the reason is
/// mandatory and goes to the audit trail (<see cref="AuditContext.Reason"/>).
/// </summary>
public sealed record CorrectAssignment(Guid AssignmentId, long ExpectedVersion, string? Reason)
{
    public const int ReasonMaxLength = 2000;
}

public sealed class CorrectAssignmentValidator : AbstractValidator<CorrectAssignment>
{
    public CorrectAssignmentValidator()
    {
        RuleFor(c => c.AssignmentId).Id("een toewijzing");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason))
            .WithMessage("Geef de reden van de correctie: waarom had deze toewijzing nooit mogen bestaan?")
            .Text(CorrectAssignment.ReasonMaxLength, "De reden");
    }
}
