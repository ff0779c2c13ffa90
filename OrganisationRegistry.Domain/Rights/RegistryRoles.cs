namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// The roles of the register. The values are stable: they are the app roles configured in the identity provider and
/// the values of <see cref="System.Security.Claims.ClaimTypes.Role"/> claims. What a role may do is decided in one
/// place, <see cref="RegistryAuthorization"/>; a role says nothing about which domains or organisations it covers.
/// </summary>
public static class RegistryRoles
{
    /// <summary>Central staff (Digitaal Vlaanderen): everything, including domains, stewardship and people's rights.</summary>
    public const string CentralAdministrator = "central-administrator";

    /// <summary>
    /// Horizontal: manages the assignments and categories of the application domains whose steward organisation is the
    /// user's organisation (stewardship is data, <c>DomainStewards</c>), across the whole register.
    /// </summary>
    public const string DomainExpert = "domain-expert";

    /// <summary>Vertical: edits the user's own organisation and its descendants (by the structure valid today).</summary>
    public const string OrganisationManager = "organisation-manager";

    /// <summary>Sees everything, changes nothing.</summary>
    public const string Reader = "reader";

    public static IReadOnlyList<string> All { get; } = [CentralAdministrator, DomainExpert, OrganisationManager, Reader];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role);

    /// <summary>The Dutch name shown to people.</summary>
    public static string DisplayName(string role) => role switch
    {
        CentralAdministrator => "Centrale beheerder",
        DomainExpert => "Domeinexpert",
        OrganisationManager => "Beheerder van een organisatie",
        Reader => "Lezer",
        _ => role,
    };

    /// <summary>Whether a role's rights follow the user's organisation (so the role needs one).</summary>
    public static bool NeedsOrganisation(string role) => role is DomainExpert or OrganisationManager;
}
