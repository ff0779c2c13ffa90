using FluentValidation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Common;
using OrganisationRegistry.Domain.Organisations;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
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
        services.AddScoped<OrganisationQueries>();
        services.AddScoped<ApplicationDomainQueries>();
        services.AddScoped<Auditing.ChangeFeedQueries>();
        services.AddScoped<ApiClientQueries>();

        // Rights: one definition of each right, also as ASP.NET Core policies.
        services.AddRegistryAuthorization();

        // The write services and the validators beside their commands: stateless, each write makes its own context.
        services.AddSingleton<CommandValidator>();
        services.AddSingleton<RegistryWriter>();
        services.AddValidatorsFromAssembly(typeof(RegistryServiceCollectionExtensions).Assembly, ServiceLifetime.Singleton);
        services.AddSingleton<AssignmentService>();
        services.AddSingleton<ApplicationDomains.Reconciliation.ReconciliationService>();
        services.AddSingleton<OrganisationService>();
        services.AddSingleton<ApplicationDomainService>();
        services.AddSingleton<UserGrantService>();
        services.AddSingleton<ApiClientDirectory>();
        services.AddSingleton<ApiClientService>();
        services.AddKbo();
        return services;
    }
}
