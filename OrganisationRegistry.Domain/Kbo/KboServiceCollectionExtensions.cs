using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Kbo;

namespace OrganisationRegistry.Domain;

public static class KboServiceCollectionExtensions
{
    /// <summary>The KBO: importing extracts into the register's copy, coupling organisations to it and synchronising them.</summary>
    public static IServiceCollection AddKbo(this IServiceCollection services)
    {
        services.AddSingleton<KboImporter>();
        services.AddScoped<KboImportHistory>();
        services.AddScoped<KboQueries>();
        services.AddScoped<KboSyncQueries>();
        services.AddSingleton<KboCouplingService>();
        services.AddSingleton<KboSyncService>();
        return services;
    }
}
