using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Domain.Auditing;

public static class AuditingServiceCollectionExtensions
{
    /// <summary>
    /// The audit trail: its SaveChanges interceptor and the guard against ExecuteUpdate/ExecuteDelete on it (both as
    /// <see cref="IInterceptor"/>; register after the version stamp), the bulk listener, and the review's queries.
    /// </summary>
    public static IServiceCollection AddRegistryAuditing(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<IInterceptor, AuditInterceptor>();
        services.AddSingleton<IInterceptor, AuditTrailGuard>();
        services.AddSingleton<IBulkInsertListener, AuditBulkInsertListener>();
        services.AddScoped<AuditQueries>();
        return services;
    }
}
