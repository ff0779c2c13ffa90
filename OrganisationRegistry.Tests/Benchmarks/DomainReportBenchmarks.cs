using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// The domain reports on a large register, run by hand (explicit) on PostgreSQL and SQLite:
/// <code>
/// REGISTRY_BENCH_ORGANISATIONS=500000 bash scripts/test.sh -c Release --filter "FullyQualifiedName~DomainReportBenchmarks" --logger "console;verbosity=detailed" -- xUnit.Explicit=only
/// </code>
/// Seeds <c>REGISTRY_BENCH_ORGANISATIONS</c> organisations (default 20,000) and prints, as the median of 7 runs after
/// a warm-up, what the report page and the changes page ask: the counts per category on a date with the first page of
/// members in report order, and the changes between two dates (counts, then the first page).
/// </summary>
public sealed class DomainReportBenchmarks
{
    private const string Domain = "bestuursdecreet";
    private const int Runs = 7;

    private static readonly DateOnly On = new(2026, 1, 1);
    private static readonly DateOnly From = new(2024, 1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static int Organisations => int.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_ORGANISATIONS") ?? "20000", CultureInfo.InvariantCulture);

    [Fact(Explicit = true)]
    public Task Reports_OnPostgreSql() => MeasureAsync(new PostgreSqlDatabaseFixture(), "PostgreSQL");

    [Fact(Explicit = true)]
    public Task Reports_OnSqlite() => MeasureAsync(new SqliteDatabaseFixture(), "SQLite");

    private static async Task MeasureAsync(DatabaseFixture database, string provider)
    {
        await using var _ = database;
        await database.InitializeAsync();
        await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations), cancellationToken: Ct);
        await using var scope = database.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ApplicationDomainQueries>();

        var report = await queries.ReportAsync(Domain, On, Ct);
        var changes = await queries.SummariseChangesAsync(Domain, new DomainChangesFilter(From, On), Ct);
        Assert.NotNull(report);
        Assert.NotNull(changes);
        Report($"Domain reports on {provider}, {Organisations:N0} organisations: {report.Total:N0} Bestuursdecreet members on {On:dd/MM/yyyy}, " +
               $"{changes.Total:N0} changes {From:dd/MM/yyyy} → {On:dd/MM/yyyy}");

        await TimeAsync("report: counts per category", () => queries.ReportAsync(Domain, On, Ct));
        await TimeAsync("report: first page of members", () => queries.SearchMembersAsync(Domain, new DomainMemberSearch(new DomainMemberFilter(On), DomainMemberSort.Category), Ct));
        await TimeAsync("report: page 100 of members", () => queries.SearchMembersAsync(Domain, new DomainMemberSearch(new DomainMemberFilter(On), DomainMemberSort.Category, Page: 100), Ct));
        await TimeAsync("changes: counts per kind and category", () => queries.SummariseChangesAsync(Domain, new DomainChangesFilter(From, On), Ct));
        await TimeAsync("changes: first page", () => queries.SearchChangesAsync(Domain, new DomainChangesSearch(new DomainChangesFilter(From, On)), Ct));
    }

    private static async Task TimeAsync<T>(string what, Func<Task<T>> query)
    {
        await query();
        var times = new List<double>(Runs);
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await query();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Report(string.Create(CultureInfo.InvariantCulture, $"  {what,-40} median {times[Runs / 2],8:N1} ms, max {times[^1],8:N1} ms"));
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
    }
}
