using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>Give <paramref name="OvoCode"/> a key in another system (a value of a key type) for a period.</summary>
public sealed record AddOrganisationKey(string OvoCode, string KeyTypeCode, string Value, DateOnly? ValidFrom, DateOnly? ValidTo) : IHasPeriod;

public sealed class AddOrganisationKeyValidator : AbstractValidator<AddOrganisationKey>
{
    public AddOrganisationKeyValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.KeyTypeCode).Required("Het sleuteltype");
        RuleFor(c => c.Value).Required("De waarde van de sleutel").Text(OrganisationKey.ValueMaxLength, "De waarde van de sleutel");
        Include(new PeriodValidator());
    }
}

/// <summary>Change the value or period of a key (its type cannot change).</summary>
public sealed record ChangeOrganisationKey(Guid KeyId, long ExpectedVersion, string Value, DateOnly? ValidFrom, DateOnly? ValidTo) : IHasPeriod;

public sealed class ChangeOrganisationKeyValidator : AbstractValidator<ChangeOrganisationKey>
{
    public ChangeOrganisationKeyValidator()
    {
        RuleFor(c => c.KeyId).Id("een sleutel");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Value).Required("De waarde van de sleutel").Text(OrganisationKey.ValueMaxLength, "De waarde van de sleutel");
        Include(new PeriodValidator());
    }
}

/// <summary>Remove a key.</summary>
public sealed record RemoveOrganisationKey(Guid KeyId, long ExpectedVersion);

public sealed class RemoveOrganisationKeyValidator : AbstractValidator<RemoveOrganisationKey>
{
    public RemoveOrganisationKeyValidator()
    {
        RuleFor(c => c.KeyId).Id("een sleutel");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
    }
}
