using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Create an organisation, under <paramref name="ParentOvoCode"/> (for the organisation's own period) or at the top
/// level. The register issues its OVO code. An organisation coupled to the KBO is created with
/// <see cref="Kbo.CreateOrganisationFromKbo"/> instead: its names come from the KBO.
/// </summary>
public sealed record CreateOrganisation(
    string Name,
    string? ShortName = null,
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomainCode = null,
    string? ParentOvoCode = null) : IOrganisationDetailsCommand;

public sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisation>
{
    public CreateOrganisationValidator()
    {
        Include(new OrganisationDetailsValidator());
        RuleFor(c => c.ParentOvoCode).OvoCode();
    }
}

/// <summary>The organisation just created, with the OVO code the register issued.</summary>
public sealed record CreatedOrganisation(Guid Id, string OvoCode, long Version);
