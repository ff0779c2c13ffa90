namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// The rights of the register, each defined once in <see cref="RegistryAuthorization"/> and exposed as an ASP.NET Core
/// policy (<see cref="RegistryPolicies"/>). A switch over this enum must handle every right (CS8509 is an error), so a
/// new right cannot be forgotten by the policy handler.
/// </summary>
public enum RegistryRight
{
    /// <summary>See the register (every role).</summary>
    Read,

    /// <summary>Assign, change and end assignments of an application domain (resource: <see cref="DomainResource"/>).</summary>
    ManageAssignments,

    /// <summary>Remove an erroneous assignment of an application domain (resource: <see cref="DomainResource"/>).</summary>
    CorrectAssignments,

    /// <summary>Add and change the categories of an application domain (resource: <see cref="DomainResource"/>).</summary>
    ManageCategories,

    /// <summary>Edit an organisation's general data, keys and structure (resource: <see cref="OrganisationResource"/>).</summary>
    EditOrganisation,

    /// <summary>Create an organisation under a parent, or at the top (resource: <see cref="NewOrganisationResource"/>).</summary>
    CreateOrganisation,

    /// <summary>Couple an organisation to a KBO number, change or remove it.</summary>
    CoupleKbo,

    /// <summary>Manage application domains, their stewards, key types and people's rights.</summary>
    AdministerRegister,
}

/// <summary>An application domain as the resource of a policy ("may this user manage assignments of this domain?").</summary>
public sealed record DomainResource(Guid DomainId);

/// <summary>An existing organisation as the resource of a policy ("may this user edit this organisation?").</summary>
public sealed record OrganisationResource(Guid OrganisationId);

/// <summary>Where a new organisation would be created: under <paramref name="ParentId"/>, or at the top when <c>null</c>.</summary>
public sealed record NewOrganisationResource(Guid? ParentId);
