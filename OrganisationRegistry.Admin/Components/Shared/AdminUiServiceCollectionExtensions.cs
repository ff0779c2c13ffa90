using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;

namespace OrganisationRegistry.Admin.Components.Shared;

public static class AdminUiServiceCollectionExtensions
{
    /// <summary>What the pages need beside MudBlazor and the register's services: a clock and Dutch MudBlazor labels.</summary>
    public static IServiceCollection AddRegistryAdminUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<MudLocalizer, DutchMudLocalizer>();
        services.AddScoped<Authentication.CurrentUser>();
        return services;
    }
}
