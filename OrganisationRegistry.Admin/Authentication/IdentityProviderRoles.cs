using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>A role named by the identity provider, mapped to a <see cref="RegistryRoles"/> value, with its organisation when it names one.</summary>
public sealed record IdentityProviderRole(string Role, OvoCode? Scope);

/// <summary>
/// The role values the identity provider may send (the <c>roles</c> claim of Entra ID), mapped to the register's own
/// roles. Matching ignores case. Three spellings are accepted for each role:
/// <list type="bullet">
/// <item>the Entra ID app role values of this app (<see cref="CentralAdministrator"/>, ...);</item>
/// <item>the register's own values (<c>central-administrator</c>, ...);</item>
/// <item>the public registry's style <c>role:OVO000123</c>, where the OVO code names the organisation the role is
/// for (<c>decentraalbeheerder:OVO000123</c>; also <c>algemeenbeheerder</c> for central staff).</item>
/// </list>
/// Any other value is not a role of the register and is left out.
/// </summary>
public static class IdentityProviderRoles
{
    /// <summary>Entra app role value for <see cref="RegistryRoles.CentralAdministrator"/>.</summary>
    public const string CentralAdministrator = "CentraalBeheerder";

    /// <summary>Entra app role value for <see cref="RegistryRoles.DomainExpert"/>.</summary>
    public const string DomainExpert = "ToepassingsgebiedBeheerder";

    /// <summary>Entra app role value for <see cref="RegistryRoles.OrganisationManager"/>.</summary>
    public const string OrganisationManager = "DecentraalBeheerder";

    /// <summary>Entra app role value for <see cref="RegistryRoles.Reader"/>.</summary>
    public const string Reader = "Lezer";

    /// <summary>Every accepted name (without a scope) and the register's role it stands for.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [CentralAdministrator] = RegistryRoles.CentralAdministrator,
        ["AlgemeenBeheerder"] = RegistryRoles.CentralAdministrator,
        [RegistryRoles.CentralAdministrator] = RegistryRoles.CentralAdministrator,
        [DomainExpert] = RegistryRoles.DomainExpert,
        ["DomeinExpert"] = RegistryRoles.DomainExpert,
        [RegistryRoles.DomainExpert] = RegistryRoles.DomainExpert,
        [OrganisationManager] = RegistryRoles.OrganisationManager,
        [RegistryRoles.OrganisationManager] = RegistryRoles.OrganisationManager,
        [Reader] = RegistryRoles.Reader,
        [RegistryRoles.Reader] = RegistryRoles.Reader,
    };

    /// <summary>
    /// The role that <paramref name="value"/> names, or <c>null</c> when it names none (an unknown role, or a scope
    /// that is not an OVO code: a role for an organisation the register cannot identify gives no rights).
    /// </summary>
    public static IdentityProviderRole? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var separator = value.IndexOf(':', StringComparison.Ordinal);
        var name = (separator < 0 ? value : value[..separator]).Trim();
        if (!Names.TryGetValue(name, out var role))
        {
            return null;
        }

        if (separator < 0)
        {
            return new IdentityProviderRole(role, null);
        }

        return OvoCode.TryParse(value[(separator + 1)..].Trim(), out var scope) ? new IdentityProviderRole(role, scope) : null;
    }
}
