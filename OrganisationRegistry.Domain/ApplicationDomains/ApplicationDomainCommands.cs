using FluentValidation;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.ApplicationDomains;

/// <summary>The descriptive data of an application domain as a command gives it (create and update).</summary>
public interface IApplicationDomainDetailsCommand
{
    string Name { get; }

    Article? Article { get; }

    string? Description { get; }

    string? LegalReference { get; }
}

/// <summary>The rules for a domain's descriptive data, included by the create and update validators.</summary>
public sealed class ApplicationDomainDetailsValidator : AbstractValidator<IApplicationDomainDetailsCommand>
{
    public ApplicationDomainDetailsValidator()
    {
        RuleFor(c => c.Name).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("De naam is verplicht.")
            .Text(ApplicationDomain.NameMaxLength, "De naam");
        RuleFor(c => c.Article).IsInEnum().WithMessage("Kies 'de' of 'het' als lidwoord.");
        RuleFor(c => c.Description).Text(ApplicationDomain.DescriptionMaxLength, "De beschrijving");
        RuleFor(c => c.LegalReference).Text(ApplicationDomain.LegalReferenceMaxLength, "De rechtsgrond");
    }
}

/// <summary>Create an application domain (central staff only).</summary>
public sealed record CreateApplicationDomain(string Code, string Name, Article? Article = null, string? Description = null, string? LegalReference = null)
    : IApplicationDomainDetailsCommand;

public sealed class CreateApplicationDomainValidator : AbstractValidator<CreateApplicationDomain>
{
    public CreateApplicationDomainValidator()
    {
        RuleFor(c => c.Code).Code(ApplicationDomain.CodeMaxLength, "De code");
        Include(new ApplicationDomainDetailsValidator());
    }
}

/// <summary>Change an application domain's name, article, description or legal reference (its code is permanent).</summary>
public sealed record UpdateApplicationDomain(
    string Code,
    long ExpectedVersion,
    string Name,
    Article? Article = null,
    string? Description = null,
    string? LegalReference = null) : IApplicationDomainDetailsCommand;

public sealed class UpdateApplicationDomainValidator : AbstractValidator<UpdateApplicationDomain>
{
    public UpdateApplicationDomainValidator()
    {
        RuleFor(c => c.Code).Required("Het toepassingsgebied");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        Include(new ApplicationDomainDetailsValidator());
    }
}

/// <summary>Add a category to a domain (central staff or the domain's steward).</summary>
public sealed record AddDomainCategory(string DomainCode, string Code, string Name, int SortOrder);

public sealed class AddDomainCategoryValidator : AbstractValidator<AddDomainCategory>
{
    public AddDomainCategoryValidator()
    {
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.Code).Code(DomainCategory.CodeMaxLength, "De code van de categorie");
        RuleFor(c => c.Name).Required("De naam van de categorie").Text(DomainCategory.NameMaxLength, "De naam van de categorie");
        RuleFor(c => c.SortOrder).GreaterThanOrEqualTo(0).WithMessage("De volgorde is 0 of meer.");
    }
}

/// <summary>Rename, reorder, deactivate or reactivate a category (its code is permanent).</summary>
public sealed record UpdateDomainCategory(string DomainCode, string CategoryCode, long ExpectedVersion, string Name, int SortOrder, bool IsActive);

public sealed class UpdateDomainCategoryValidator : AbstractValidator<UpdateDomainCategory>
{
    public UpdateDomainCategoryValidator()
    {
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.CategoryCode).Required("De categorie");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
        RuleFor(c => c.Name).Required("De naam van de categorie").Text(DomainCategory.NameMaxLength, "De naam van de categorie");
        RuleFor(c => c.SortOrder).GreaterThanOrEqualTo(0).WithMessage("De volgorde is 0 of meer.");
    }
}

/// <summary>Make <paramref name="OvoCode"/> a steward of the domain, or stop it being one (central staff only).</summary>
public sealed record ChangeDomainSteward(string DomainCode, string OvoCode);

public sealed class ChangeDomainStewardValidator : AbstractValidator<ChangeDomainSteward>
{
    public ChangeDomainStewardValidator()
    {
        RuleFor(c => c.DomainCode).Required("Het toepassingsgebied");
        RuleFor(c => c.OvoCode).Required("De OVO-code van de beherende organisatie").OvoCode();
    }
}
