using Microsoft.AspNetCore.Components.Authorization;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Authentication;

/// <summary>
/// The signed-in user of this circuit as the app's own <see cref="RegistryUser"/>, to hand to the write services.
/// Components inject this instead of reading claims themselves.
/// </summary>
public sealed class CurrentUser(AuthenticationStateProvider authenticationState)
{
    public async Task<RegistryUser> GetAsync()
    {
        var state = await authenticationState.GetAuthenticationStateAsync();
        return RegistryUser.FromPrincipal(state.User);
    }
}
