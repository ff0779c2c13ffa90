using System.Globalization;
using System.Security.Claims;
using OrganisationRegistry.Domain.Organisations;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>Who acts: a person signed in, a machine client of the API, or the register itself (CLI, seeding).</summary>
public enum RegistryUserKind
{
    Person,
    MachineClient,
    System,
}

/// <summary>
/// The app's own user, mapped once from the sign-in (claims) and handed explicitly to every write service. A machine
/// client's rights follow its organisation exactly like a person's. An unknown or anonymous user has no roles and
/// therefore no rights.
/// </summary>
public sealed record RegistryUser
{
    public required string SubjectId { get; init; }

    public required string DisplayName { get; init; }

    /// <summary>The organisation the user works for (the scope of domain experts and organisation managers).</summary>
    public OvoCode? OrganisationOvoCode { get; init; }

    /// <summary>The id of that organisation when known; otherwise it is looked up by <see cref="OrganisationOvoCode"/>.</summary>
    public Guid? OrganisationId { get; init; }

    public IReadOnlySet<string> Roles { get; init; } = new HashSet<string>();

    public RegistryUserKind Kind { get; init; } = RegistryUserKind.Person;

    /// <summary>Whether the user may use the register at all: signed in with at least one role (or the system itself).</summary>
    public bool HasAccess => Roles.Count > 0 || Kind == RegistryUserKind.System;

    public bool IsCentralAdministrator => IsInRole(RegistryRoles.CentralAdministrator);

    /// <summary>The register itself (command line, seeding): central rights.</summary>
    public static RegistryUser System { get; } = new()
    {
        SubjectId = "system",
        DisplayName = "Organisatieregister (systeem)",
        Roles = new HashSet<string> { RegistryRoles.CentralAdministrator },
        Kind = RegistryUserKind.System,
    };

    /// <summary>Nobody signed in: no rights at all.</summary>
    public static RegistryUser Anonymous { get; } = new() { SubjectId = "anonymous", DisplayName = "Anoniem" };

    public bool IsInRole(string role) => Roles.Contains(role);

    public static RegistryUser Create(
        string subjectId,
        string displayName,
        IEnumerable<string> roles,
        OvoCode? organisationOvoCode = null,
        Guid? organisationId = null,
        RegistryUserKind kind = RegistryUserKind.Person) => new()
        {
            SubjectId = subjectId,
            DisplayName = displayName,
            Roles = roles.Where(RegistryRoles.IsKnown).ToHashSet(StringComparer.Ordinal),
            OrganisationOvoCode = organisationOvoCode,
            OrganisationId = organisationId,
            Kind = kind,
        };

    /// <summary>
    /// The claims that carry this user in a <see cref="ClaimsPrincipal"/> (what the sign-in's claims transformation
    /// produces, and what <see cref="FromPrincipal"/> reads back).
    /// </summary>
    public IEnumerable<Claim> ToClaims()
    {
        yield return new Claim(RegistryClaimTypes.Subject, SubjectId);
        yield return new Claim(ClaimTypes.Name, DisplayName);
        yield return new Claim(RegistryClaimTypes.Kind, Kind.ToString());
        foreach (var role in Roles.Order(StringComparer.Ordinal))
        {
            yield return new Claim(ClaimTypes.Role, role);
        }

        if (OrganisationOvoCode is { } ovoCode)
        {
            yield return new Claim(RegistryClaimTypes.OrganisationOvoCode, ovoCode.Value);
        }

        if (OrganisationId is { } organisationId)
        {
            yield return new Claim(RegistryClaimTypes.OrganisationId, organisationId.ToString("D", CultureInfo.InvariantCulture));
        }
    }

    public ClaimsPrincipal ToPrincipal(string authenticationType) =>
        new(new ClaimsIdentity(ToClaims(), authenticationType, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Reads the user from a principal carrying <see cref="RegistryClaimTypes"/>; anonymous when not signed in.</summary>
    public static RegistryUser FromPrincipal(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return Anonymous;
        }

        var subject = principal.FindFirst(RegistryClaimTypes.Subject)?.Value
            ?? principal.FindFirst(ClaimTypes.NameIdentifier)?.Value
            ?? principal.Identity.Name
            ?? "onbekend";
        return Create(
            subject,
            principal.FindFirst(ClaimTypes.Name)?.Value ?? principal.Identity.Name ?? subject,
            principal.FindAll(ClaimTypes.Role).Select(c => c.Value),
            OvoCode.TryParse(principal.FindFirst(RegistryClaimTypes.OrganisationOvoCode)?.Value, out var ovoCode) ? ovoCode : null,
            Guid.TryParse(principal.FindFirst(RegistryClaimTypes.OrganisationId)?.Value, out var organisationId) ? organisationId : null,
            Enum.TryParse<RegistryUserKind>(principal.FindFirst(RegistryClaimTypes.Kind)?.Value, out var kind) && kind != RegistryUserKind.System
                ? kind
                : RegistryUserKind.Person);
    }

    public override string ToString() => OrganisationOvoCode is { } ovo ? $"{DisplayName} ({ovo})" : DisplayName;
}

/// <summary>The claim types in which the app's own user travels inside a <see cref="ClaimsPrincipal"/>.</summary>
public static class RegistryClaimTypes
{
    public const string Subject = "registry:subject";
    public const string OrganisationOvoCode = "registry:organisation-ovo";
    public const string OrganisationId = "registry:organisation-id";
    public const string Kind = "registry:kind";
}
