using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Organisations;

/// <summary>The general data of an organisation as a command gives it (create and update).</summary>
public interface IOrganisationDetailsCommand : IHasPeriod
{
    string Name { get; }

    string? ShortName { get; }

    Article? Article { get; }

    string? Description { get; }

    string? PolicyDomainCode { get; }
}

/// <summary>The rules for an organisation's general data, included by the create and update validators.</summary>
public sealed class OrganisationDetailsValidator : AbstractValidator<IOrganisationDetailsCommand>
{
    public OrganisationDetailsValidator()
    {
        RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("De naam is verplicht.")
            .Text(Organisation.NameMaxLength, "De naam");
        RuleFor(c => c.ShortName).Text(Organisation.ShortNameMaxLength, "De korte naam");
        RuleFor(c => c.Article).IsInEnum().WithMessage("Kies 'de' of 'het' als lidwoord.");
        RuleFor(c => c.Description).Text(Organisation.DescriptionMaxLength, "De beschrijving");
        RuleFor(c => c.PolicyDomainCode).Text(PolicyDomain.CodeMaxLength, "De code van het beleidsdomein");
        Include(new PeriodValidator());
    }
}

internal static class OrganisationDetailsCommands
{
    /// <summary>The details of the command; the KBO number is the organisation's own (it changes only by coupling).</summary>
    public static OrganisationDetails ToDetails(this IOrganisationDetailsCommand command, Guid? policyDomainId, KboNumber? kboNumber = null) => new(
        command.Name,
        command.ShortName,
        command.Article,
        command.Description,
        kboNumber,
        new Validity(command.ValidFrom, command.ValidTo),
        policyDomainId);
}
