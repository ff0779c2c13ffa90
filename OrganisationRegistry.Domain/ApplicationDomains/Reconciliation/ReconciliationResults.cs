using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;

/// <summary>The kinds of difference between a list and the register on the reference date.</summary>
public enum DifferenceKind
{
    /// <summary>In the list, but the organisation has no assignment in the domain containing the reference date.</summary>
    MissingInRegister,

    /// <summary>The organisation has an assignment containing the reference date, but is not in the list.</summary>
    MissingInList,

    /// <summary>Both have it, in another category.</summary>
    OtherCategory,

    /// <summary>Both have it in the same category, but the list gives another begin or end date.</summary>
    OtherPeriod,
}

/// <summary>Why a row of the list could not be compared.</summary>
public enum ListIssueKind
{
    /// <summary>No organisation with that OVO code or KBO number.</summary>
    Unknown,

    /// <summary>Several organisations fit, or the OVO code and the KBO number point to different ones.</summary>
    Ambiguous,

    /// <summary>The row itself is wrong: a bad date or identifier, an unknown category, a duplicate, a period without the reference date.</summary>
    Invalid,
}

/// <summary>
/// Names one difference of a comparison, so that it can be selected on the preview and found again when applying.
/// The assignment and its version say which state of the register the person saw: when it changed since, applying
/// refuses the difference as outdated.
/// </summary>
public sealed record DifferenceKey(DifferenceKind Kind, string OvoCode, Guid? AssignmentId = null, long? AssignmentVersion = null);

/// <summary>One difference between the list and the register.</summary>
/// <param name="Line">The list's line (none for <see cref="DifferenceKind.MissingInList"/>).</param>
/// <param name="ListCategory">The category the list gives (its name), if any.</param>
/// <param name="ListPeriod">The period the list gives, with the register's bounds where the list has no such column.</param>
/// <param name="NotApplicable">Why this difference cannot be applied (Dutch), when it cannot.</param>
public sealed record ReconciliationDifference(
    DifferenceKind Kind,
    int? Line,
    Guid OrganisationId,
    string OvoCode,
    string OrganisationName,
    Guid? ListCategoryId,
    string? ListCategory,
    Validity? ListPeriod,
    Guid? AssignmentId,
    long? AssignmentVersion,
    string? RegisterCategory,
    Validity? RegisterPeriod,
    string? NotApplicable = null)
{
    public DifferenceKey Key => new(Kind, OvoCode, AssignmentId, AssignmentVersion);

    public bool CanApply => NotApplicable is null;
}

/// <summary>A row of the list that could not be compared, with the reason in Dutch.</summary>
/// <param name="Identifier">The OVO code or KBO number as written.</param>
/// <param name="OvoCode">The organisation, when the row named one that exists.</param>
public sealed record ListIssue(int Line, ListIssueKind Kind, string Identifier, string? OvoCode, string? OrganisationName, string Reason);

/// <summary>Where a list and the register disagree on <see cref="ReferenceDate"/>.</summary>
/// <param name="Rows">The list's non-blank rows (without the header).</param>
/// <param name="Agreeing">Rows whose organisation the register has in the same category and period.</param>
public sealed record ReconciliationReport(
    string DomainCode,
    string DomainName,
    DateOnly ReferenceDate,
    string FileName,
    int Rows,
    int Agreeing,
    IReadOnlyList<ReconciliationDifference> Differences,
    IReadOnlyList<ListIssue> Issues)
{
    public int Count(DifferenceKind kind) => Differences.Count(d => d.Kind == kind);

    public int Count(ListIssueKind kind) => Issues.Count(i => i.Kind == kind);

    public IEnumerable<ReconciliationDifference> Of(DifferenceKind kind) => Differences.Where(d => d.Kind == kind);
}

/// <summary>What became, or would have become, of one selected difference.</summary>
/// <param name="Outcome">What was done (Dutch), when it went through.</param>
/// <param name="Problem">Why it cannot be applied (Dutch); then nothing at all was written.</param>
public sealed record ReconciliationApplyRow(DifferenceKey Key, string? OrganisationName, string? Outcome, string? Problem)
{
    public bool IsOk => Problem is null;
}

/// <summary>The per-difference report of applying a selection. <see cref="Applied"/> is true only when all of it was written.</summary>
public sealed record ReconciliationApplyReport(IReadOnlyList<ReconciliationApplyRow> Rows, bool Applied, string Reason)
{
    public int Problems => Rows.Count(r => !r.IsOk);
}
