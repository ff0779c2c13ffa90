using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Authentication;

/// <summary>A database with the seeder's reference data only, so that personas and claims find their organisations.</summary>
internal static class ReferenceData
{
    public static async Task ResetToAsync(DatabaseFixture database, CancellationToken cancellationToken)
    {
        await database.ResetAsync();
        await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations: 0), cancellationToken: cancellationToken);
    }
}
