using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>
/// What a machine client of the API may be allowed to do. Each scope stands for a role of the register
/// (<see cref="RoleOf"/>), so a client's rights follow its organisation exactly as a person's do: with
/// <see cref="WriteAssignments"/> the client of DFB manages the assignments of the domains DFB stewards and nothing else.
/// The values are the scopes (app roles) of the API in the identity provider and in development tokens.
/// </summary>
public static class ApiScopes
{
    /// <summary>Read the register (role <see cref="RegistryRoles.Reader"/>).</summary>
    public const string Read = "registry.read";

    /// <summary>Create and edit organisations, their keys and structure within the client's organisation (role <see cref="RegistryRoles.OrganisationManager"/>).</summary>
    public const string WriteOrganisations = "organisations.write";

    /// <summary>Manage the assignments of the domains the client's organisation stewards (role <see cref="RegistryRoles.DomainExpert"/>).</summary>
    public const string WriteAssignments = "assignments.write";

    public static IReadOnlyList<string> All { get; } = [Read, WriteOrganisations, WriteAssignments];

    public static bool IsKnown(string? scope) => scope is not null && All.Contains(scope, StringComparer.Ordinal);

    /// <summary>The register's role that <paramref name="scope"/> stands for.</summary>
    public static string RoleOf(string scope) => scope switch
    {
        Read => RegistryRoles.Reader,
        WriteOrganisations => RegistryRoles.OrganisationManager,
        WriteAssignments => RegistryRoles.DomainExpert,
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "Not a scope of the API."),
    };

    /// <summary>The Dutch description shown to central staff.</summary>
    public static string DisplayName(string scope) => scope switch
    {
        Read => "Lezen",
        WriteOrganisations => "Organisaties, sleutels en structuur beheren (binnen de eigen organisatie)",
        WriteAssignments => "Toewijzingen beheren (van de toepassingsgebieden die de organisatie beheert)",
        _ => scope,
    };

    /// <summary>The known scopes in <paramref name="text"/> (separated by spaces or commas), in canonical order.</summary>
    public static IReadOnlyList<string> Parse(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : [.. All.Where(scope => text.Split([' ', ',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(scope, StringComparer.Ordinal))];
}
