using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;
using OrganisationRegistry.Tests.Infrastructure;

namespace OrganisationRegistry.Tests.Integration.Auditing;

/// <summary>
/// The review at scale, run by hand (explicit): on a database named by <c>REGISTRY_AUDIT_PERF</c>
/// (<c>Sqlite|Data Source=...</c> or <c>PostgreSql|Host=...</c>), typically seeded first with
/// <c>seed --organisations 500000</c>, the trail is filled with synthetic history up to <c>REGISTRY_AUDIT_PERF_ENTRIES</c>
/// entries (default 10 million: 300 people, 10 clients and the system over three years, about 20 entries per
/// organisation), then "everything about one organisation" and "everything one actor did in a month" are timed as the
/// page asks them (capped count + first page of 25 + names), 100 times each with random targets.
/// The synthetic entries carry no valid hashes: run verify-audit on a real trail, not on this one.
/// <code>
/// REGISTRY_AUDIT_PERF="Sqlite|Data Source=/tmp/audit-perf/registry.db" dotnet test -c Release \
///   --filter "FullyQualifiedName~AuditPerformanceTests" -- xUnit.Explicit=only
/// </code>
/// </summary>
public sealed class AuditPerformanceTests
{
    private const int Runs = 100;
    private const int Organisations = 500_046;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact(Explicit = true)]
    public async Task TheReviewQueries_StayUnder100Milliseconds_AtP95()
    {
        var setting = Environment.GetEnvironmentVariable("REGISTRY_AUDIT_PERF") ?? throw new InvalidOperationException("Set REGISTRY_AUDIT_PERF.");
        var target = long.Parse(Environment.GetEnvironmentVariable("REGISTRY_AUDIT_PERF_ENTRIES") ?? "10000000", CultureInfo.InvariantCulture);
        var (provider, connectionString) = (setting.Split('|', 2)[0], setting.Split('|', 2)[1]);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = provider,
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = connectionString,
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRegistry(configuration).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        await DatabaseMigrator.MigrateAsync(contexts, Ct);
        await SyntheticAuditHistory.FillAsync(contexts, target, Organisations, Ct, line => TestContext.Current.TestOutputHelper?.WriteLine(line));

        var queries = new AuditQueries(contexts, services.GetRequiredService<RegistryAuthorization>());
        var central = RegistryUser.System;
        var random = new Random(7);
        var organisation = await TimeAsync(() => queries.SearchAsync(
            central, new AuditFilter { Organisation = $"OVO{random.Next(1, Organisations + 1):D6}" }, 1, 25, cancellationToken: Ct));
        var actorMonth = await TimeAsync(() =>
        {
            var month = new DateOnly(2023, 1, 1).AddMonths(random.Next(36));
            return queries.SearchAsync(
                central, new AuditFilter { Actor = $"persoon{random.Next(SyntheticAuditHistory.People)}@vlaanderen.be", From = month, To = month.AddMonths(1).AddDays(-1) }, 1, 25, cancellationToken: Ct);
        });

        var output = TestContext.Current.TestOutputHelper!;
        output.WriteLine($"{provider}, {target:N0} entries");
        output.WriteLine($"everything about one organisation: {organisation}");
        output.WriteLine($"everything one actor did in a month: {actorMonth}");
        Assert.True(organisation.P95 < 100 && actorMonth.P95 < 100, $"{organisation} / {actorMonth}");
    }

    /// <summary>The export of the seed's million entries (one correlation id), streamed: time and the process's peak memory.</summary>
    [Fact(Explicit = true)]
    public async Task TheExport_StreamsAMillionEntries_InFlatMemory()
    {
        var setting = Environment.GetEnvironmentVariable("REGISTRY_AUDIT_PERF") ?? throw new InvalidOperationException("Set REGISTRY_AUDIT_PERF.");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            [PersistenceServiceCollectionExtensions.ProviderKey] = setting.Split('|', 2)[0],
            [$"ConnectionStrings:{PersistenceServiceCollectionExtensions.ConnectionStringName}"] = setting.Split('|', 2)[1],
        }).Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddRegistry(configuration).BuildServiceProvider();
        var contexts = services.GetRequiredService<IDbContextFactory<RegistryDbContext>>();
        var queries = new AuditQueries(contexts, services.GetRequiredService<RegistryAuthorization>());
        string correlationId;
        await using (var db = await contexts.CreateDbContextAsync(Ct))
        {
            correlationId = await db.AuditEntries.Where(e => e.Position == 1).Select(e => e.CorrelationId).SingleAsync(Ct);
        }

        var output = new CountingStream();
        var stopwatch = Stopwatch.StartNew();
        await queries.WriteCsvAsync(RegistryUser.System, new AuditFilter { CorrelationId = correlationId }, output, Ct);

        using var process = Process.GetCurrentProcess();
        TestContext.Current.TestOutputHelper!.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"export: {output.Lines - 1:N0} entries, {output.Length / 1048576.0:0} MiB in {stopwatch.Elapsed.TotalSeconds:0.0} s; peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB"));
        Assert.True(output.Lines > 1_000_000);
    }

    /// <summary>Counts what is written to it and keeps nothing.</summary>
    private sealed class CountingStream : Stream
    {
        public long Lines { get; private set; }

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => Position;

        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Position += buffer.Length;
            Lines += buffer.Count((byte)'\n');
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }

    private static async Task<Timing> TimeAsync(Func<Task<AuditPage>> query)
    {
        for (var i = 0; i < 5; i++)
        {
            await query(); // warm up
        }

        var times = new List<double>(Runs);
        var rows = 0L;
        for (var i = 0; i < Runs; i++)
        {
            var stopwatch = Stopwatch.StartNew();
            var page = await query();
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
            rows += page.TotalCount;
        }

        times.Sort();
        return new Timing(times[Runs / 2], times[(int)Math.Ceiling(Runs * 0.95) - 1], times[^1], rows / (double)Runs);
    }

    private sealed record Timing(double P50, double P95, double Max, double AverageCount)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, max {Max:0.0} ms (on average {AverageCount:0} matching entries)");
    }
}
