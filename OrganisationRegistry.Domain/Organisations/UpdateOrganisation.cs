using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>
/// Replace the general data of <paramref name="OvoCode"/>, as the user saw it at <paramref name="ExpectedVersion"/>.
/// The KBO number is not part of it (couple and uncouple with <see cref="Kbo.KboCouplingService"/>); while the
/// organisation is coupled, the name and the short name must stay those from the KBO.
/// </summary>
public sealed record UpdateOrganisation(
    string OvoCode,
    long ExpectedVersion,
    string Name,
    string? ShortName = null,
    Article? Article = null,
    string? Description = null,
    DateOnly? ValidFrom = null,
    DateOnly? ValidTo = null,
    string? PolicyDomainCode = null) : IOrganisationDetailsCommand;

public sealed class UpdateOrganisationValidator : AbstractValidator<UpdateOrganisation>
{
    public UpdateOrganisationValidator()
    {
        RuleFor(c => c.OvoCode).Required("De OVO-code").OvoCode();
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        Include(new OrganisationDetailsValidator());
    }
}
