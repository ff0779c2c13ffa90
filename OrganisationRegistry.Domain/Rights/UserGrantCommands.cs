using FluentValidation;
using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>Grant <paramref name="Subject"/> a role, for <paramref name="OrganisationOvoCode"/> where the role needs one (central staff only).</summary>
public sealed record GrantRole(string Subject, string Role, string? OrganisationOvoCode = null);

public sealed class GrantRoleValidator : AbstractValidator<GrantRole>
{
    public GrantRoleValidator()
    {
        RuleFor(c => c.Subject).Required("De aanmeldnaam (e-mailadres)").Text(UserGrant.SubjectMaxLength, "De aanmeldnaam");
        RuleFor(c => c.Role).Must(RegistryRoles.IsKnown)
            .WithMessage($"Kies een rol: {string.Join(", ", RegistryRoles.All.Select(RegistryRoles.DisplayName))}.");
        RuleFor(c => c.OrganisationOvoCode).OvoCode()
            .Must((command, ovoCode) => !RegistryRoles.NeedsOrganisation(command.Role) || !string.IsNullOrWhiteSpace(ovoCode))
            .WithMessage(c => $"De rol {RegistryRoles.DisplayName(c.Role)} geldt voor een organisatie: geef haar OVO-code.");
    }
}

/// <summary>Withdraw a granted role (central staff only).</summary>
public sealed record RevokeRole(Guid GrantId, long ExpectedVersion);

public sealed class RevokeRoleValidator : AbstractValidator<RevokeRole>
{
    public RevokeRoleValidator()
    {
        RuleFor(c => c.GrantId).Id("een toegekende rol");
        RuleFor(c => c.ExpectedVersion).ExpectedVersion();
    }
}
