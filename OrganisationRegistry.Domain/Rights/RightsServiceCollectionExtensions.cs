using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace OrganisationRegistry.Domain.Rights;

public static class RightsServiceCollectionExtensions
{
    /// <summary>
    /// The register's rights: <see cref="RegistryAuthorization"/> (used by the services), one policy per
    /// <see cref="RegistryRight"/> named by <see cref="RegistryPolicies"/>, and the handler that answers them.
    /// </summary>
    public static IServiceCollection AddRegistryAuthorization(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<RegistryAuthorization>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IAuthorizationHandler, RegistryRightHandler>());
        services.AddAuthorizationCore(options =>
        {
            foreach (var right in Enum.GetValues<RegistryRight>())
            {
                options.AddPolicy(RegistryPolicies.For(right), policy => policy.AddRequirements(new RegistryRightRequirement(right)));
            }
        });
        return services;
    }
}
