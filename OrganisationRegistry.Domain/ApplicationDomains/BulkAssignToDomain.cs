using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>
/// Assign many organisations at once to one domain, with one category, period, optional parent within the domain and
/// remark. Previewed first (<see cref="AssignmentService.PreviewBulkAsync"/>), then applied all-or-nothing.
/// </summary>
public sealed record BulkAssignToDomain(
    IReadOnlyList<string> OvoCodes,
    string DomainCode,
    string CategoryCode,
    DateOnly? ValidFrom,
    DateOnly? ValidTo,
    string? ParentOvoCode = null,
    string? Remark = null) : IHasPeriod
{
    public const int MaxOrganisations = 1000;
}

public sealed class BulkAssignToDomainValidator : AbstractValidator<BulkAssignToDomain>
{
    public BulkAssignToDomainValidator()
    {
        RuleFor(c => c.OvoCodes)
            .NotEmpty().WithMessage("Kies minstens één organisatie.")
            .Must(codes => codes.Count <= BulkAssignToDomain.MaxOrganisations)
            .WithMessage(c => $"Kies hoogstens {BulkAssignToDomain.MaxOrganisations} organisaties tegelijk (nu {c.OvoCodes.Count}).");
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.CategoryCode).Required("De categorie");
        RuleFor(c => c.ParentOvoCode).OvoCode();
        RuleFor(c => c.Remark).Text(DomainAssignment.RemarkMaxLength, "De opmerking");
        Include(new PeriodValidator());
    }
}

/// <summary>What became, or would become, of one organisation of a bulk assignment.</summary>
/// <param name="OvoCode">As given (trimmed).</param>
/// <param name="OrganisationName">When the organisation exists.</param>
/// <param name="ErrorCode">A <see cref="RuleCodes"/> value when the row cannot be assigned; <c>null</c> when it can.</param>
/// <param name="Message">The Dutch reason when it cannot.</param>
/// <param name="AssignmentId">When it can: the id of its new assignment (stored only when the batch is applied).</param>
public sealed record BulkAssignmentRow(string OvoCode, string? OrganisationName, string? ErrorCode, string? Message, Guid? AssignmentId = null)
{
    public bool IsOk => ErrorCode is null;
}

/// <summary>The per-organisation report of a bulk assignment. <see cref="Applied"/> is true only when every row was written.</summary>
public sealed record BulkAssignmentReport(IReadOnlyList<BulkAssignmentRow> Rows, bool Applied)
{
    public bool AllOk => Rows.All(r => r.IsOk);

    public int Conflicts => Rows.Count(r => !r.IsOk);
}
