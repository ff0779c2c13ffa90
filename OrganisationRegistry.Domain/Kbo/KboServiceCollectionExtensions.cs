using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Kbo;

namespace OrganisationRegistry.Domain;

public static class KboServiceCollectionExtensions
{
    /// <summary>The coupling to the KBO and its synchronisation (the import registers its own services).</summary>
    public static IServiceCollection AddKboCoupling(this IServiceCollection services)
    {
        services.AddScoped<KboQueries>();
        services.AddScoped<KboSyncQueries>();
        services.AddSingleton<KboCouplingService>();
        services.AddSingleton<KboSyncService>();
        return services;
    }
}
