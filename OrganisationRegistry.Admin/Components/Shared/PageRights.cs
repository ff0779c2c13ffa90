using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;

namespace OrganisationRegistry.Admin.Components.Shared;

/// <summary>
/// Whether the signed-in user of this circuit may do something, asked through the register's policies
/// (<see cref="Domain.Rights.RegistryPolicies"/>) with the resource at hand, so that pages show an edit control only
/// where the service would allow the edit. Hiding is a courtesy: the write services check every right again.
/// </summary>
public sealed class PageRights(AuthenticationStateProvider authentication, IAuthorizationService authorization)
{
    /// <summary>Whether <paramref name="policy"/> allows the user <paramref name="resource"/> (without one: for at least one).</summary>
    public async Task<bool> AllowsAsync(string policy, object? resource = null)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        if (state.User.Identity?.IsAuthenticated != true)
        {
            return false;
        }

        return (await authorization.AuthorizeAsync(state.User, resource, policy)).Succeeded;
    }
}
