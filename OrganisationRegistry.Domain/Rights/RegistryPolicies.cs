using Microsoft.AspNetCore.Authorization;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// The names of the register's authorization policies, one per <see cref="RegistryRight"/>, for
/// <c>[Authorize(Policy = RegistryPolicies.ManageAssignments)]</c>, <c>AuthorizeView Policy=... Resource=...</c>,
/// <c>RequireAuthorization(...)</c> and <c>IAuthorizationService.AuthorizeAsync(user, resource, policy)</c>.
/// Also the stable codes of <see cref="ForbiddenException"/>.
/// </summary>
/// <remarks>
/// With a resource (<see cref="DomainResource"/>, <see cref="OrganisationResource"/>, <see cref="NewOrganisationResource"/>)
/// a policy answers for that resource. Without one (a page-level <c>[Authorize]</c>, or the route data or HTTP context
/// that the framework passes) it answers whether the user has the right for at least one resource, which is enough to
/// show a page or a menu item; the services always check the specific resource.
/// </remarks>
public static class RegistryPolicies
{
    public const string Read = "read";
    public const string ManageAssignments = "manage-assignments";
    public const string CorrectAssignments = "correct-assignments";
    public const string ManageCategories = "manage-categories";
    public const string EditOrganisation = "edit-organisation";
    public const string CreateOrganisation = "create-organisation";
    public const string CoupleKbo = "couple-kbo";
    public const string AdministerRegister = "administer-register";

    // CS8509 (an error here) still demands every named right; only undefined casts of the enum are left out.
#pragma warning disable CS8524
    public static string For(RegistryRight right) => right switch
    {
        RegistryRight.Read => Read,
        RegistryRight.ManageAssignments => ManageAssignments,
        RegistryRight.CorrectAssignments => CorrectAssignments,
        RegistryRight.ManageCategories => ManageCategories,
        RegistryRight.EditOrganisation => EditOrganisation,
        RegistryRight.CreateOrganisation => CreateOrganisation,
        RegistryRight.CoupleKbo => CoupleKbo,
        RegistryRight.AdministerRegister => AdministerRegister,
    };
#pragma warning restore CS8524
}

/// <summary>The requirement behind each registry policy: the user must have <see cref="Right"/> (for the resource, if any).</summary>
public sealed class RegistryRightRequirement(RegistryRight right) : IAuthorizationRequirement
{
    public RegistryRight Right { get; } = right;

    public override string ToString() => $"{nameof(RegistryRightRequirement)}: {RegistryPolicies.For(Right)}";
}
