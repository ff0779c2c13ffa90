using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Domain;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>Everything the register's use cases need: the database and the services over it.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistryPersistence(configuration);
        services.AddSingleton<RegistrySeeder>();

        // Read services are scoped so that they can later depend on the current user of the circuit or request.
        services.AddScoped<Organisations.OrganisationQueries>();
        services.AddScoped<ApplicationDomains.ApplicationDomainQueries>();
        return services;
    }
}
