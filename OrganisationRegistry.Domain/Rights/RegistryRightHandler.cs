using Microsoft.AspNetCore.Authorization;

namespace OrganisationRegistry.Domain.Rights;

/// <summary>
/// Answers every <see cref="RegistryRightRequirement"/> by asking <see cref="RegistryAuthorization"/>, with the
/// resource the caller passed (<see cref="DomainResource"/>, <see cref="OrganisationResource"/>,
/// <see cref="NewOrganisationResource"/>; anything else counts as no specific resource).
/// </summary>
internal sealed class RegistryRightHandler(RegistryAuthorization authorization) : AuthorizationHandler<RegistryRightRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, RegistryRightRequirement requirement)
    {
        var user = RegistryUser.FromPrincipal(context.User);
        if (await authorization.IsAllowedAsync(user, requirement.Right, context.Resource))
        {
            context.Succeed(requirement);
        }
    }
}
