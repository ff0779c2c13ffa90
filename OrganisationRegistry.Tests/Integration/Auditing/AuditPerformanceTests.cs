using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OrganisationRegistry.Domain;
using OrganisationRegistry.Domain.Auditing;
using OrganisationRegistry.Domain.Persistence;
using OrganisationRegistry.Domain.Rights;

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
    private const int People = 300;
    private static readonly DateTime HistoryStart = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime HistoryEnd = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

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
        await FillAsync(contexts, target);

        var queries = new AuditQueries(contexts, services.GetRequiredService<RegistryAuthorization>());
        var central = RegistryUser.System;
        var random = new Random(7);
        var organisation = await TimeAsync(() => queries.SearchAsync(
            central, new AuditFilter { Organisation = $"OVO{random.Next(1, Organisations + 1):D6}" }, 1, 25, cancellationToken: Ct));
        var actorMonth = await TimeAsync(() =>
        {
            var month = new DateOnly(2023, 1, 1).AddMonths(random.Next(36));
            return queries.SearchAsync(
                central, new AuditFilter { Actor = $"persoon{random.Next(People)}@vlaanderen.be", From = month, To = month.AddMonths(1).AddDays(-1) }, 1, 25, cancellationToken: Ct);
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

    /// <summary>Appends synthetic history after the real trail, a million rows per statement, until there are <paramref name="target"/> entries.</summary>
    private static async Task FillAsync(IDbContextFactory<RegistryDbContext> contexts, long target)
    {
        await using var db = await contexts.CreateDbContextAsync(Ct);
        var last = await db.AuditEntries.MaxAsync(e => (long?)e.Position, Ct) ?? 0;
        var step = (HistoryEnd - HistoryStart).TotalSeconds / Math.Max(1, target - last);
        var first = last + 1;
        for (var start = first; start <= target; start += 1_000_000)
        {
            var end = Math.Min(target, start + 999_999);
            await ExecuteAsync(db, db.Database.IsNpgsql() ? PostgreSql(first, start, end, step) : Sqlite(first, start, end, step));
            TestContext.Current.TestOutputHelper?.WriteLine($"  filled to {end:N0}");
        }

        await ExecuteAsync(db, db.Database.IsNpgsql() ? "ANALYZE \"AuditEntries\"" : "ANALYZE");
    }

    // Straight on the connection: the statements hold JSON braces that EF Core's raw SQL would read as placeholders.
    private static async Task ExecuteAsync(RegistryDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync(Ct);
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 3600;
        await command.ExecuteNonQueryAsync(Ct);
    }

    // One expression per column, the same on both providers but for the functions each has.
    private const string Columns =
        "\"Position\", \"OccurredAt\", \"ActorId\", \"ActorName\", \"ActorKind\", \"ActorOrganisation\", \"Channel\", \"Operation\", \"EntityType\", " +
        "\"EntityKey\", \"OrganisationOvoCode\", \"DomainCode\", \"OldValues\", \"NewValues\", \"CorrelationId\", \"Reason\", \"Hash\"";

    private static string Values(string time, string ovo, string ovoOfPerson, string hex, string hash) => $$"""
        i, {{time}},
        CASE WHEN i % 20 = 0 THEN 'system' WHEN i % 20 = 1 THEN 'client:' || (i % 10) ELSE 'persoon' || ((i * 7919) % {{People}}) || '@vlaanderen.be' END,
        CASE WHEN i % 20 = 0 THEN 'Organisatieregister (systeem)' WHEN i % 20 = 1 THEN 'Client ' || (i % 10) ELSE 'Persoon ' || ((i * 7919) % {{People}}) END,
        CASE WHEN i % 20 = 0 THEN 'System' WHEN i % 20 = 1 THEN 'MachineClient' ELSE 'Person' END,
        CASE WHEN i % 20 = 0 THEN NULL ELSE {{ovoOfPerson}} END,
        CASE WHEN i % 20 = 0 THEN 'System' WHEN i % 20 = 1 THEN 'Api' ELSE 'Ui' END,
        CASE i % 10 WHEN 0 THEN 'Delete' WHEN 1 THEN 'Insert' WHEN 2 THEN 'Insert' ELSE 'Update' END,
        CASE i % 4 WHEN 0 THEN 'Organisation' WHEN 1 THEN 'DomainAssignment' WHEN 2 THEN 'OrganisationKey' ELSE 'OrganisationParent' END,
        {{hex}},
        {{ovo}},
        CASE WHEN i % 4 = 1 THEN CASE WHEN i % 8 = 1 THEN 'bestuursdecreet' ELSE 'vco' END END,
        '{"Name":"Organisatie ' || i || '","Remark":null,"Version":' || (i % 7) || '}',
        '{"Name":"Organisatie ' || i || ' (gewijzigd)","Remark":"bijgewerkt","Version":' || (i % 7 + 1) || '}',
        'synthetisch-' || (i / 3),
        NULL,
        {{hash}}
        """;

    private static string Sqlite(long first, long start, long end, double step) => $"""
        WITH RECURSIVE seq(i) AS (SELECT {start} UNION ALL SELECT i + 1 FROM seq WHERE i < {end})
        INSERT INTO "AuditEntries" ({Columns})
        SELECT {Values(
            $"strftime('%Y-%m-%d %H:%M:%f', {new DateTimeOffset(HistoryStart).ToUnixTimeSeconds()} + (i - {first}) * {step.ToString(CultureInfo.InvariantCulture)}, 'unixepoch')",
            $"'OVO' || printf('%06d', (i * 104729) % {Organisations} + 1)",
            $"'OVO' || printf('%06d', ((i * 7919) % {People}) * 1663 % {Organisations} + 1)",
            "printf('%032x', i)",
            "zeroblob(32)")}
        FROM seq
        """;

    private static string PostgreSql(long first, long start, long end, double step) => $"""
        INSERT INTO "AuditEntries" ({Columns})
        SELECT {Values(
            $"timestamptz '{HistoryStart:yyyy-MM-dd} 00:00:00+00' + (i - {first}) * interval '1 second' * {step.ToString(CultureInfo.InvariantCulture)}",
            $"'OVO' || lpad(((i * 104729) % {Organisations} + 1)::text, 6, '0')",
            $"'OVO' || lpad((((i * 7919) % {People}) * 1663 % {Organisations} + 1)::text, 6, '0')",
            "lpad(to_hex(i), 32, '0')",
            "decode(repeat('00', 32), 'hex')")}
        FROM generate_series({start}::bigint, {end}::bigint) AS i
        """;

    private sealed record Timing(double P50, double P95, double Max, double AverageCount)
    {
        public override string ToString() =>
            string.Create(CultureInfo.InvariantCulture, $"p50 {P50:0.0} ms, p95 {P95:0.0} ms, max {Max:0.0} ms (on average {AverageCount:0} matching entries)");
    }
}
