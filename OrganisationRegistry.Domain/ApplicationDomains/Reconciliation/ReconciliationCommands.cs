using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;

/// <summary>Compare a list (the file's bytes as uploaded) with the register's assignments of a domain on a reference date.</summary>
public sealed record CompareMemberList(string DomainCode, DateOnly ReferenceDate, string FileName, byte[] Content)
{
    public const int FileNameMaxLength = 255;
}

/// <summary>
/// Apply the <see cref="Selected"/> differences of the comparison of the same list on the same date, all or nothing;
/// the file's name is the reason in the audit trail.
/// </summary>
public sealed record ApplyMemberList(string DomainCode, DateOnly ReferenceDate, string FileName, byte[] Content, IReadOnlyList<DifferenceKey> Selected)
{
    public CompareMemberList Comparison => new(DomainCode, ReferenceDate, FileName, Content);
}

public sealed class CompareMemberListValidator : AbstractValidator<CompareMemberList>
{
    public CompareMemberListValidator()
    {
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.FileName).Required("De naam van het bestand").Text(CompareMemberList.FileNameMaxLength, "De naam van het bestand");
        RuleFor(c => c.Content)
            .NotEmpty().WithMessage("Het bestand is leeg.")
            .Must(content => content is null || content.Length <= MemberListReader.MaxBytes).WithMessage(_ => MemberListReader.TooLarge().Message);
    }
}

public sealed class ApplyMemberListValidator : AbstractValidator<ApplyMemberList>
{
    public ApplyMemberListValidator()
    {
        RuleFor(c => c.Comparison).SetValidator(new CompareMemberListValidator());
        RuleFor(c => c.Selected)
            .NotEmpty().WithMessage("Kies minstens één verschil om toe te passen.")
            .Must(keys => keys is null || keys.Select(k => k.OvoCode).Distinct(StringComparer.OrdinalIgnoreCase).Count() == keys.Count)
            .WithMessage("Elke organisatie kan maar één keer gekozen worden.");
    }
}
