using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Admin.Components.Shared;

public static class AdminUiServiceCollectionExtensions
{
    /// <summary>
    /// What the pages need beside MudBlazor and the register's services: a clock, Dutch MudBlazor labels, the user of
    /// the circuit, the rights as pages ask them, and the reads of the edit screens (ids and versions).
    /// </summary>
    public static IServiceCollection AddRegistryAdminUi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddTransient<MudLocalizer, DutchMudLocalizer>();
        services.AddScoped<Authentication.CurrentUser>();
        services.AddScoped<PageRights>();
        services.AddScoped<AssignmentEditQueries>();
        services.AddScoped<OrganisationEditQueries>();
        services.AddScoped<DomainAdministrationQueries>();
        services.AddScoped<UserGrantQueries>();
        return services;
    }
}
