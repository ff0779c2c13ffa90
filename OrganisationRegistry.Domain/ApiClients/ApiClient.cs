using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain.ApiClients;

/// <summary>
/// A partner system registered to use the EDIT API (KIOSK of Departement CJM, Orafin of DFB, ...): its client id (the
/// <c>azp</c>/<c>appid</c> of its tokens), the organisation it acts for and the scopes central staff allow it. Its
/// rights are those of a person of that organisation with the roles of its scopes (<see cref="ApiScopes.RoleOf"/>);
/// a token may ask for fewer scopes, never more. An inactive client is refused (401).
/// </summary>
public sealed class ApiClient : IVersioned
{
    public const int ClientIdMaxLength = 100;
    public const int NameMaxLength = 200;
    public const int ScopesMaxLength = 200;

    private ApiClient()
    {
    }

    public ApiClient(string clientId, string name, Guid organisationId, IEnumerable<string> scopes)
    {
        Id = Guid.CreateVersion7();
        ClientId = clientId.Trim();
        IsActive = true;
        Update(name, organisationId, scopes, isActive: true);
    }

    public Guid Id { get; private set; }

    /// <summary>The client's id as its tokens carry it (case-sensitive, as the identity provider issues it).</summary>
    public string ClientId { get; private set; } = null!;

    /// <summary>The partner system's name, shown in the audit trail ("KIOSK (Departement CJM)").</summary>
    public string Name { get; private set; } = null!;

    public Guid OrganisationId { get; private set; }

    /// <summary>The allowed scopes, separated by spaces, in canonical order (<see cref="ApiScopes.All"/>).</summary>
    public string Scopes { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public long Version { get; set; }

    public IReadOnlyList<string> AllowedScopes => ApiScopes.Parse(Scopes);

    public void Update(string name, Guid organisationId, IEnumerable<string> scopes, bool isActive)
    {
        var list = scopes.ToList();
        var unknown = list.FirstOrDefault(s => !ApiScopes.IsKnown(s));
        if (unknown is not null)
        {
            throw new DomainRuleException(RuleCodes.InvalidValue, $"'{unknown}' is geen scope van de API. Kies uit: {string.Join(", ", ApiScopes.All)}.");
        }

        Name = name.Trim();
        OrganisationId = organisationId;
        Scopes = string.Join(' ', ApiScopes.All.Where(list.Contains));
        IsActive = isActive;
    }

    /// <summary>
    /// The register's user for a call with a token that grants <paramref name="tokenScopes"/>: the roles of the scopes
    /// both allowed here and granted by the token (none when the client is inactive).
    /// </summary>
    public RegistryUser ToUser(IEnumerable<string> tokenScopes, OvoCode organisationOvoCode)
    {
        var granted = IsActive ? AllowedScopes.Intersect(tokenScopes, StringComparer.Ordinal) : [];
        return RegistryUser.Create(
            ClientId,
            Name,
            granted.Select(ApiScopes.RoleOf).Distinct(),
            organisationOvoCode,
            OrganisationId,
            RegistryUserKind.MachineClient);
    }
}
