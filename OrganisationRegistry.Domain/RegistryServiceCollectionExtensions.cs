using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

namespace OrganisationRegistry.Domain;

public static class RegistryServiceCollectionExtensions
{
    /// <summary>Everything the register's use cases need: the database and the services over it.</summary>
    public static IServiceCollection AddRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddRegistryPersistence(configuration);

        // Rights: one definition of each right, also as ASP.NET Core policies.
        services.AddRegistryAuthorization();
        return services;
    }
}
