using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>Place <paramref name="OvoCode"/> under <paramref name="ParentOvoCode"/> for a period (the organisation structure).</summary>
public sealed record AddOrganisationParent(string OvoCode, string ParentOvoCode, DateOnly? ValidFrom, DateOnly? ValidTo) : IHasPeriod;

public sealed class AddOrganisationParentValidator : AbstractValidator<AddOrganisationParent>
{
    public AddOrganisationParentValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.ParentOvoCode).Required("De moederorganisatie").OvoCode().NotSameOrganisationAs(c => c.OvoCode);
        Include(new PeriodValidator());
    }
}

/// <summary>Change the parent or the period of a structure link.</summary>
public sealed record ChangeOrganisationParent(Guid ParentLinkId, long ExpectedVersion, string ParentOvoCode, DateOnly? ValidFrom, DateOnly? ValidTo) : IHasPeriod;

public sealed class ChangeOrganisationParentValidator : AbstractValidator<ChangeOrganisationParent>
{
    public ChangeOrganisationParentValidator()
    {
        RuleFor(c => c.ParentLinkId).Id("een periode onder een moederorganisatie");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.ParentOvoCode).Required("De moederorganisatie").OvoCode();
        Include(new PeriodValidator());
    }
}

/// <summary>Remove a structure link.</summary>
public sealed record RemoveOrganisationParent(Guid ParentLinkId, long ExpectedVersion);

public sealed class RemoveOrganisationParentValidator : AbstractValidator<RemoveOrganisationParent>
{
    public RemoveOrganisationParentValidator()
    {
        RuleFor(c => c.ParentLinkId).Id("een periode onder een moederorganisatie");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
    }
}
