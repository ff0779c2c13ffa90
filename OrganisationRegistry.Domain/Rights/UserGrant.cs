using OrganisationRegistry.Domain.Common;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// A role that central staff granted a person (or a machine client) in the register itself, on top of what the
/// identity provider says: "jan.peeters@vlaanderen.be is domain expert for Agentschap Overheidspersoneel". Matched at
/// sign-in on <see cref="Subject"/> (lower case). A person works for one organisation, so all grants of one subject
/// that need an organisation name the same one (checked by <see cref="UserGrantService"/>).
/// </summary>
public sealed class UserGrant : IVersioned
{
    public const int SubjectMaxLength = 320;
    public const int RoleMaxLength = 50;

    private UserGrant()
    {
    }

    public UserGrant(string subject, string role, Guid? organisationId)
    {
        if (!RegistryRoles.IsKnown(role))
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"'{role}' is geen rol van het register.");
        }

        if (RegistryRoles.NeedsOrganisation(role) && organisationId is null)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"De rol {RegistryRoles.DisplayName(role)} geldt voor een organisatie; kies ze.");
        }

        Id = Guid.CreateVersion7();
        Subject = Normalise(subject);
        Role = role;
        OrganisationId = organisationId;
    }

    public Guid Id { get; private set; }

    /// <summary>The sign-in name (e-mail, UPN) or client id, trimmed and in lower case.</summary>
    public string Subject { get; private set; } = null!;

    public string Role { get; private set; } = null!;

    public Guid? OrganisationId { get; private set; }

    public long Version { get; set; }

    public static string Normalise(string subject) => subject.Trim().ToLowerInvariant();
}
