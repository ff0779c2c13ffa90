using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain.ApiClients;
using OrganisationRegistry.Domain.ApplicationDomains;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Domain.Seeding;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Benchmarks;

/// <summary>
/// Sustained write throughput of assignments (each with its audit entries) on PostgreSQL with 16 concurrent writers,
/// run by hand (explicit), on the throwaway server of <c>REGISTRY_TEST_POSTGRES</c>:
/// <code>
/// bash scripts/test.sh -c Release --filter "FullyQualifiedName~WriteThroughputBenchmarks" -- xUnit.Explicit=only
/// </code>
/// Each write assigns one organisation to the Vlaamse Codex Overheidsfinanciën for one day (a different day per round,
/// so writes never overlap), as the client orafin (DFB's domain expert): first straight through
/// <see cref="AssignmentService"/>, then through <c>POST /api/v1/organisations/{ovo}/assignments</c> on Kestrel (the load
/// generator runs in the same process, on the same cores). Prints operations per second, p50, p99, the errors and the
/// ratio; <c>REGISTRY_BENCH_SECONDS</c> sets each measured period (default 20 s, after a 3 s warm-up).
/// </summary>
public sealed class WriteThroughputBenchmarks
{
    /// <summary>Concurrent writers: 16, or <c>REGISTRY_BENCH_WRITERS</c>.</summary>
    public static readonly int Writers = int.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_WRITERS") ?? "16", CultureInfo.InvariantCulture);
    private const int Organisations = 5_000;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static TimeSpan Duration => TimeSpan.FromSeconds(double.Parse(Environment.GetEnvironmentVariable("REGISTRY_BENCH_SECONDS") ?? "20", CultureInfo.InvariantCulture));

    /// <summary>The same writes through the services, then through the API over HTTP (Kestrel on 127.0.0.1), and their ratio.</summary>
    [Fact(Explicit = true)]
    public async Task Assignments_16Writers_ServiceAndApi()
    {
        await using var database = new PostgreSqlDatabaseFixture();
        await database.InitializeAsync();
        var (user, targets) = await PrepareAsync(database);
        var service = database.Services.GetRequiredService<AssignmentService>();
        await ReportMachineBaselineAsync(database.ConnectionString);

        var direct = await RunAsync(targets, new DateOnly(1900, 1, 1), (ovo, day) => service.AssignAsync(
            user,
            new AssignToDomain(ovo, ReferenceCatalogue.Vco, "dab", day, day),
            Ct));
        Report("service (no HTTP)", direct);

        var api = await RunApiAsync(database, targets, new DateOnly(1950, 1, 1));
        Report("API (HTTP, bearer token, JSON)", api);
        Report(string.Create(CultureInfo.InvariantCulture, $"ratio API / service: {api.OpsPerSecond / direct.OpsPerSecond:P0} of the throughput"));

        Assert.Empty(direct.Errors);
        Assert.Empty(api.Errors);
    }

    /// <summary>
    /// The app on Kestrel on <paramref name="database"/> (rate limits lifted), and <see cref="RunAsync"/> posting the
    /// assignments as orafin through <c>POST /api/v1/organisations/{ovo}/assignments</c> (an answer other than 201 is an error).
    /// </summary>
    internal static async Task<ThroughputResult> RunApiAsync(DatabaseFixture database, IReadOnlyList<string> targets, DateOnly firstDay)
    {
        await using var app = RegistryWebApplicationFactory.On(database, extraSettings: new Dictionary<string, string?>
        {
            ["Api:RateLimit:PermitsPerSecond"] = "1000000",
            ["Api:RateLimit:Burst"] = "1000000",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        app.StartOnKestrel();
        var client = app.CreateApiClient("orafin");
        return await RunAsync(targets, firstDay, async (ovo, day) =>
        {
            using var response = await client.PostAsJsonAsync(
                $"/api/v1/organisations/{ovo}/assignments",
                new { domain = ReferenceCatalogue.Vco, category = "dab", validFrom = day, validTo = day },
                Ct);
            if (response.StatusCode != HttpStatusCode.Created)
            {
                throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(Ct)}");
            }
        });
    }

    /// <summary>
    /// What one bare round trip to PostgreSQL costs this machine (Npgsql, <c>SELECT 1</c>, one connection): the floor
    /// under every figure above, since a write makes about ten round trips.
    /// </summary>
    private static async Task ReportMachineBaselineAsync(string connectionString)
    {
        await using var source = Npgsql.NpgsqlDataSource.Create(connectionString);
        const int RoundTrips = 2_000;
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < RoundTrips; i++)
        {
            await using var command = source.CreateCommand("SELECT 1");
            await command.ExecuteScalarAsync(Ct);
        }

        process.Refresh();
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"machine baseline: one bare PostgreSQL round trip (Npgsql, SELECT 1) takes {clock.Elapsed.TotalMilliseconds / RoundTrips:N3} ms, {(process.TotalProcessorTime - cpu).TotalMilliseconds / RoundTrips:N3} ms app CPU; {Environment.ProcessorCount} cores"));
    }

    /// <summary>Seeds the reference data and <see cref="Organisations"/> organisations; returns orafin and the organisations to assign.</summary>
    internal static async Task<(RegistryUser Orafin, IReadOnlyList<string> Targets)> PrepareAsync(DatabaseFixture database)
    {
        await database.Services.GetRequiredService<RegistrySeeder>().SeedAsync(new SeedOptions(Organisations, RandomSeed: 7), cancellationToken: Ct);
        var user = await database.Services.GetRequiredService<ApiClientDirectory>().FindUserAsync("orafin", ApiScopes.All, Ct)
            ?? throw new InvalidOperationException("orafin is not seeded.");
        await using var db = await database.Contexts.CreateDbContextAsync(Ct);
        var targets = await db.Organisations.OrderBy(o => o.OvoCode).Select(o => o.OvoCode).ToListAsync(Ct);
        return (user, [.. targets.Select(t => t.Value)]);
    }

    /// <summary>
    /// <see cref="Writers"/> loops call <paramref name="write"/> for (organisation, day) until the time is up: organisation
    /// i in round r gets day r, so no two writes overlap. Latencies of the measured period only.
    /// </summary>
    internal static async Task<ThroughputResult> RunAsync(IReadOnlyList<string> targets, DateOnly firstDay, Func<string, DateOnly, Task> write)
    {
        var next = -1L;
        var latencies = new ConcurrentBag<double>();
        var errors = new ConcurrentQueue<string>();
        var warmUp = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        var end = warmUp + Duration;
        var measuredOps = 0L;
        var process = Process.GetCurrentProcess();
        TimeSpan? cpuAtStart = null;

        async Task Loop()
        {
            while (clock.Elapsed < end)
            {
                var n = Interlocked.Increment(ref next);
                var ovo = targets[(int)(n % targets.Count)];
                var day = firstDay.AddDays((int)(n / targets.Count));
                var started = clock.Elapsed;
                if (started >= warmUp && cpuAtStart is null)
                {
                    lock (latencies)
                    {
                        process.Refresh();
                        cpuAtStart ??= process.TotalProcessorTime;
                    }
                }

                try
                {
                    await write(ovo, day);
                    if (started >= warmUp)
                    {
                        latencies.Add((clock.Elapsed - started).TotalMilliseconds);
                        Interlocked.Increment(ref measuredOps);
                    }
                }
                catch (Exception exception)
                {
                    errors.Enqueue($"{exception.GetType().Name}: {exception.Message}");
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(Loop, Ct)));
        process.Refresh();
        var cpu = process.TotalProcessorTime - (cpuAtStart ?? TimeSpan.Zero);
        var sorted = latencies.Order().ToList();
        return new ThroughputResult(
            measuredOps / Duration.TotalSeconds,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Percentile(sorted, 0.99),
            sorted.Count == 0 ? 0 : sorted[^1],
            measuredOps,
            measuredOps == 0 ? 0 : cpu.TotalMilliseconds / measuredOps,
            [.. errors]);
    }

    internal static void Report(string label, ThroughputResult result)
    {
        Report(string.Create(
            CultureInfo.InvariantCulture,
            $"{label}: {Writers} writers, {result.OpsPerSecond:N0} writes/s, p50 {result.P50:N1} ms, p99 {result.P99:N1} ms, max {result.Max:N1} ms, {result.Operations:N0} writes, {result.Errors.Count} errors, app CPU {result.AppCpuMillisecondsPerWrite:N2} ms/write (PostgreSQL not included)"));
        foreach (var error in result.Errors.GroupBy(e => e).OrderByDescending(g => g.Count()).Take(5))
        {
            Report($"  {error.Count()} x {error.Key}");
        }
    }

    private static void Report(string line)
    {
        TestContext.Current.TestOutputHelper!.WriteLine(line);
        Console.WriteLine(line);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

internal sealed record ThroughputResult(double OpsPerSecond, double P50, double P95, double P99, double Max, long Operations, double AppCpuMillisecondsPerWrite, IReadOnlyList<string> Errors);
