namespace OrganisationRegistry.Domain.Common;

/// <summary>
/// A rule of the register was broken. <see cref="Exception.Message"/> is Dutch and meant for people;
/// <see cref="Code"/> is stable and meant for machines (the API maps it to a ProblemDetails type).
/// </summary>
public sealed class DomainRuleException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

/// <summary>Stable codes of broken rules.</summary>
public static class RuleCodes
{
    public const string InvalidValue = "invalid-value";
    public const string InvalidPeriod = "invalid-period";
    public const string Overlap = "overlap";
    public const string Cycle = "cycle";
    public const string Duplicate = "duplicate";
    public const string NotFound = "not-found";
}
