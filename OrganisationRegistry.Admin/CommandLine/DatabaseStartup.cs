using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Seeding;

namespace OrganisationRegistry.Admin.CommandLine;

/// <summary>
/// What the web app does to its database at start-up. Development: apply the migrations and fill an empty
/// database with a demo set. Elsewhere: nothing (run the <c>migrate</c> command as a deployment step).
/// </summary>
public static class DatabaseStartup
{
    /// <summary>How many organisations the demo set generates besides the reference data.</summary>
    public const string DemoOrganisationsKey = "Seeding:DemoOrganisations";

    public static async Task PrepareAsync(IServiceProvider services, IHostEnvironment environment, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        var contexts = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await DatabaseMigrator.MigrateAsync(contexts, cancellationToken);
        await SeedWhenEmptyAsync(services, cancellationToken);
    }

    /// <summary>Fills a database without organisations with the reference data and the demo set; returns whether it did.</summary>
    public static async Task<bool> SeedWhenEmptyAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using (var db = await services.GetRequiredService<IDbContextFactory<RegistryDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            if (await db.Organisations.AnyAsync(cancellationToken))
            {
                return false;
            }
        }

        var count = services.GetRequiredService<IConfiguration>().GetValue<int?>(DemoOrganisationsKey) ?? SeedOptions.DefaultOrganisations;
        var stopwatch = Stopwatch.StartNew();
        var result = await services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(count), cancellationToken: cancellationToken);
        services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup)).LogInformation(
            "The development database was empty: seeded the reference data and {Count} demo organisations in {Seconds:0.0} s.",
            result.Organisations,
            stopwatch.Elapsed.TotalSeconds);
        return true;
    }
}
