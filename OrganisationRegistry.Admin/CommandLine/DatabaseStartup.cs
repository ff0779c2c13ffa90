using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// What the web app does to its database at start-up. Development: apply the migrations and fill an empty
/// database with a demo set. Elsewhere: nothing (run the <c>migrate</c> command as a deployment step).
/// </summary>
public static class DatabaseStartup
{
    public static async Task PrepareAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        await DatabaseMigrator.MigrateAsync(services.GetRequiredService<IDbContextFactory<RegistryDbContext>>(), cancellationToken);
    }
}
