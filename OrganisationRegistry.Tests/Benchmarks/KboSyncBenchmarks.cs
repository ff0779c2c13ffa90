using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.Kbo;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The synchronisation view on a large register, run by hand (explicit) on the throwaway PostgreSQL server:
/// <code>
/// REGISTRY_BENCH_ORGANISATIONS=500000 bash scripts/test.sh -c Release --filter "FullyQualifiedName~KboSyncBenchmarks" -- xUnit.Explicit=only
/// </code>
/// Seeds <c>REGISTRY_BENCH_ORGANISATIONS</c> organisations (default 20,000), couples 30% of them to a generated KBO
/// number, fills the KBO copy for every coupled one (name, legal form, seat), changes the name of one in ten there,
/// records a full import, and prints how long the count and the first and the 100th page take.
/// </summary>
public sealed class KboSyncBenchmarks
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Organisations => int.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_ORGANISATIONS") ?? "20000", CultureInfo.InvariantCulture);

    [Fact(Explicit = true)]
    public async Task SyncList_OnALargeRegister_PrintsTimings()
    {
        await using var database = new PostgreSqlDatabaseFixture();
        await database.InitializeAsync();
        await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations), cancellationToken: Ct);
        var fill = Stopwatch.StartNew();
        await using (var db = await database.Contexts.CreateDbContextAsync(Ct))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));

            // 30% coupled (valid check digits computed in SQL), then the KBO copy for each, one in ten renamed there.
            await db.Database.ExecuteSqlRawAsync("""
                UPDATE "Organisations" o SET "KboNumber" = NULL;
                WITH numbered AS (SELECT "Id", row_number() OVER (ORDER BY "OvoCode") AS n FROM "Organisations")
                UPDATE "Organisations" o
                SET "KboNumber" = lpad((10000000 + numbered.n)::text, 8, '0') || lpad((97 - (10000000 + numbered.n) % 97)::text, 2, '0'),
                    "LegalForm" = 'Openbare instelling', "RegisteredSeat" = 'Havenlaan 88, 1000 Brussel'
                FROM numbered WHERE numbered."Id" = o."Id" AND numbered.n % 10 < 3;
                INSERT INTO "KboEnterprises" ("Number", "Status", "JuridicalSituation", "TypeOfEnterprise", "JuridicalForm")
                SELECT "KboNumber", 'AC', '000', '2', '124' FROM "Organisations" WHERE "KboNumber" IS NOT NULL;
                INSERT INTO "KboDenominations" ("EntityNumber", "Type", "Language", "Value")
                SELECT "KboNumber", '001', '2', CASE WHEN right("KboNumber", 3)::int % 10 = 0 THEN "Name" || ' (KBO)' ELSE "Name" END
                FROM "Organisations" WHERE "KboNumber" IS NOT NULL;
                INSERT INTO "KboDenominations" ("EntityNumber", "Type", "Language", "Value")
                SELECT "KboNumber", '002', '2', "ShortName" FROM "Organisations" WHERE "KboNumber" IS NOT NULL AND "ShortName" IS NOT NULL;
                INSERT INTO "KboAddresses" ("EntityNumber", "StreetNL", "HouseNumber", "Zipcode", "MunicipalityNL", "CountryNL")
                SELECT "KboNumber", 'Havenlaan', '88', '1000', 'Brussel', 'België' FROM "Organisations" WHERE "KboNumber" IS NOT NULL;
                INSERT INTO "KboCodes" ("Category", "Code", "Language", "Description") VALUES ('JuridicalForm', '124', 'NL', 'Openbare instelling');
                """, Ct);

            // As an import ends: the legal data resolved into the enterprises' own columns.
            var resolve = Stopwatch.StartNew();
            var resolved = await KboMirrorWriter.ResolveLegalDataAsync(db, Ct);
            Report(string.Create(CultureInfo.InvariantCulture, $"  resolving the legal data of {resolved:N0} enterprises: {resolve.Elapsed.TotalSeconds:N1} s"));
            await db.Database.ExecuteSqlRawAsync("ANALYZE;", Ct);
        }

        await new KboTestData(database).ImportAsync(cancellationToken: Ct);
        var coupled = await CountCoupledAsync(database);
        Report(string.Create(CultureInfo.InvariantCulture, $"KBO sync benchmark: {Organisations:N0} organisations, {coupled:N0} coupled, fill {fill.Elapsed.TotalSeconds:N1} s"));

        await using var scope = database.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<KboSyncQueries>();
        foreach (var page in new[] { 1, 1, 1, 100, 100 })
        {
            var watch = Stopwatch.StartNew();
            var result = await queries.ListAsync(page, 25, Ct);
            Report(string.Create(CultureInfo.InvariantCulture, $"  page {page,3}: {watch.Elapsed.TotalMilliseconds:N0} ms (count + page), {result.TotalCount:N0} differences, {result.Items.Count} rows"));
            Assert.True(result.TotalCount > 0);
        }
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
    }

    private static async Task<int> CountCoupledAsync(DatabaseFixture database)
    {
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        return await db.Organisations.CountAsync(o => o.KboNumber != null, Ct);
    }
}
