using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains.Reconciliation;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.ApplicationDomains;

/// <summary>
/// How long comparing and applying a domain's whole member list takes, on PostgreSQL, run by hand (explicit):
/// <code>
/// REGISTRY_BENCH_ORGANISATIONS=500000 bash scripts/test.sh -c Release --filter "FullyQualifiedName~ReconciliationBenchmarkTests" -- xUnit.Explicit=only
/// </code>
/// Seeds <c>REGISTRY_BENCH_ORGANISATIONS</c> organisations (default 20,000), writes the Bestuursdecreet's members on the
/// reference date as an expert's list (half by OVO code, half by KBO number where there is one, category by name),
/// changes 2% of the categories, leaves 2% out and adds 2% non-members, then compares and applies every difference.
/// Prints the list's rows, the differences, and the time of each step.
/// </summary>
public sealed class ReconciliationBenchmarkTests
{
    private static readonly int Organisations =
        int.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_ORGANISATIONS") ?? "20000", CultureInfo.InvariantCulture);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task CompareAndApply_TheWholeBestuursdecreet()
    {
        await using var database = new PostgreSqlDatabaseFixture();
        await database.InitializeAsync();
        await database.ResetAsync();
        var seeded = await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations), cancellationToken: Ct);
        var date = new DateOnly(2026, 1, 1);

        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var domain = await db.ApplicationDomains.Include(d => d.Categories).SingleAsync(d => d.Code == ReferenceCatalogue.Bestuursdecreet, Ct);
        var members = await db.DomainAssignments.AsNoTracking()
            .Where(a => a.ApplicationDomainId == domain.Id && (a.ValidFrom == null || a.ValidFrom <= date) && (a.ValidTo == null || a.ValidTo >= date))
            .OrderBy(a => a.Organisation!.OvoCode)
            .Select(a => new { a.Organisation!.OvoCode, a.Organisation.KboNumber, a.CategoryId })
            .ToListAsync(Ct);
        var outsiders = await db.Organisations.AsNoTracking()
            .Where(o => !db.DomainAssignments.Any(a => a.OrganisationId == o.Id && a.ApplicationDomainId == domain.Id))
            .OrderBy(o => o.OvoCode)
            .Select(o => o.OvoCode)
            .Take(Math.Max(1, members.Count / 50))
            .ToListAsync(Ct);
        var categories = domain.Categories.Where(c => c.IsActive).OrderBy(c => c.SortOrder).ToList();

        var text = new StringBuilder("OVO-code;KBO-nummer;Categorie;Opmerking;;;\r\n");
        for (var i = 0; i < members.Count; i++)
        {
            if (i % 50 == 1)
            {
                continue;
            }

            var member = members[i];
            var category = i % 50 == 2 ? categories.First(c => c.Id != member.CategoryId) : categories.Single(c => c.Id == member.CategoryId);
            var byKbo = i % 2 == 0 && member.KboNumber is not null;
            text.Append(byKbo ? string.Empty : member.OvoCode.Value).Append(';')
                .Append(byKbo ? member.KboNumber!.Value.Formatted : string.Empty).Append(';')
                .Append(category.Name.ToUpperInvariant()).Append(";x;;;\r\n");
        }

        foreach (var outsider in outsiders)
        {
            text.Append(outsider.Value).Append(';').Append(';').Append(categories[0].Code).Append(";;;;\r\n");
        }

        var content = Encoding.UTF8.GetBytes(text.ToString());
        var service = database.Services.GetRequiredService<ReconciliationService>();
        var admin = await DevelopmentPersonas.SignInAsync(DevelopmentPersonas.CentralAdmin, db, date, Ct);

        var stopwatch = Stopwatch.StartNew();
        var report = await service.CompareAsync(admin, new CompareMemberList(ReferenceCatalogue.Bestuursdecreet, date, "bench.csv", content), Ct);
        var compare = stopwatch.Elapsed;
        var keys = report.Differences.Where(d => d.CanApply).Select(d => d.Key).ToList();
        stopwatch.Restart();
        var result = await service.ApplyAsync(admin, new ApplyMemberList(ReferenceCatalogue.Bestuursdecreet, date, "bench.csv", content, keys), Ct);
        var apply = stopwatch.Elapsed;

        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"Reconciliation on PostgreSQL, {seeded.Organisations:N0} organisations, {members.Count:N0} Bestuursdecreet members on {date:dd/MM/yyyy}: " +
            $"list of {report.Rows:N0} rows ({content.Length / 1024:N0} KB), {report.Agreeing:N0} agreeing, {report.Differences.Count:N0} differences, {report.Issues.Count:N0} issues; " +
            $"compare {compare.TotalMilliseconds:N0} ms, apply {keys.Count:N0} differences {apply.TotalMilliseconds:N0} ms (applied: {result.Applied}).");
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
        Assert.True(result.Applied, string.Join(" | ", result.Rows.Where(r => !r.IsOk).Take(5).Select(r => r.Problem)));
        await database.DisposeAsync();
    }
}
